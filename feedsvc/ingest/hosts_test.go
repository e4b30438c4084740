package ingest

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestHostGateLimitsAndSpaces(t *testing.T) {
	g := &hostGate{limit: 2, delay: 20 * time.Millisecond, slots: map[string]chan struct{}{}, next: map[string]time.Time{}}
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
