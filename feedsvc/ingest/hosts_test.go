package ingest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestHostGateLimitsAndSpaces(t *testing.T) {
	g := newHostGate(2, 20*time.Millisecond)
	var inFlight, peak atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := g.acquire(context.Background(), "a.example")
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			starts = append(starts, time.Now())
			mu.Unlock()
			n := inFlight.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(30 * time.Millisecond)
			inFlight.Add(-1)
			release()
		}()
	}
	wg.Wait()
	if peak.Load() > 2 {
		t.Errorf("peak in flight %d, want <= 2", peak.Load())
	}
	first, last := starts[0], starts[0]
	for _, s := range starts {
		if s.Before(first) {
			first = s
		}
		if s.After(last) {
			last = s
		}
	}
	if span := last.Sub(first); span < 5*20*time.Millisecond*9/10 {
		t.Errorf("6 starts spanned %v, want >= ~100ms (20ms apart)", span)
	}
	// Another host is not held up.
	start := time.Now()
	release, err := g.acquire(context.Background(), "b.example")
	if err != nil || time.Since(start) > 15*time.Millisecond {
		t.Errorf("other host waited %v (%v)", time.Since(start), err)
	}
	release()
}

// Issue 16.4(b): the gate keeps state only for hosts recently asked; a
// stream of distinct hosts does not grow it without bound.
func TestHostGatePrunesIdleHosts(t *testing.T) {
	g := newHostGate(2, 0)
	for i := range 10000 {
		release, err := g.acquire(context.Background(), fmt.Sprintf("h%d.example", i))
		if err != nil {
			t.Fatal(err)
		}
		release()
	}
	if n := g.size(); n > 2*minSweep {
		t.Errorf("gate keeps %d hosts after 10000 idle ones, want <= %d", n, 2*minSweep)
	}
	// A host with a request in flight is never dropped: its limit holds.
	hold, _ := g.acquire(context.Background(), "busy.example")
	hold2, _ := g.acquire(context.Background(), "busy.example")
	for i := range 1000 {
		release, _ := g.acquire(context.Background(), fmt.Sprintf("x%d.example", i))
		release()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := g.acquire(ctx, "busy.example"); err == nil {
		t.Errorf("a third request to a busy host got through after a sweep")
	}
	hold()
	hold2()
}
