package partner

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// Two replicas on one store: each counts in process and flushes; the
// stored usage is the sum, and a failed-free flush leaves nothing pending.
func TestUsageAddsUpAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	a, b := &Registry{Store: st}, &Registry{Store: st}
	p, key, err := a.Create(ctx, feedsvc.Partner{Name: "x", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := b.Lookup(ctx, key); !ok || got.ID != p.ID || got.KeyHash == key {
		t.Fatalf("other replica lookup: %+v %v", got, ok)
	}
	if _, ok, _ := b.Lookup(ctx, key+"x"); ok {
		t.Fatal("a wrong key matched")
	}
	for range 3 {
		a.Record(p.ID, 200, 100)
	}
	b.Record(p.ID, 429, 10)
	if err := a.flushUsage(ctx); err != nil {
		t.Fatal(err)
	}
	if err := b.flushUsage(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := (&Registry{Store: st}).Usage(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if u.Day.Requests != 4 || u.Day.Bytes != 310 || u.Day.Status["429"] != 1 || u.Month.Requests != 4 {
		t.Fatalf("usage %+v, want 4 requests, 310 bytes, one 429", u)
	}
}

func TestRateLimitBurstThenWait(t *testing.T) {
	g := &Registry{Store: memstore.New()}
	p := feedsvc.Partner{ID: "p", RatePerMinute: 2}
	for i := range 2 {
		if _, ok := g.Allow(p); !ok {
			t.Fatalf("request %d refused within the burst", i)
		}
	}
	wait, ok := g.Allow(p)
	if ok || wait <= 0 || wait > 30e9 {
		t.Fatalf("third request: ok=%v wait=%v, want refused with a wait up to 30s", ok, wait)
	}
}

func TestValidateAndDelete(t *testing.T) {
	ctx := context.Background()
	g := &Registry{Store: memstore.New()}
	if _, _, err := g.Create(ctx, feedsvc.Partner{Name: "x", Policy: "all"}); !errors.Is(err, feedsvc.ErrInvalid) {
		t.Fatalf("bad policy: %v", err)
	}
	p, key, err := g.Create(ctx, feedsvc.Partner{Name: "x", Enabled: true})
	if err != nil || p.Policy != feedsvc.PolicyFull {
		t.Fatalf("create: %+v %v", p, err)
	}
	if err := g.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := g.Lookup(ctx, key); ok {
		t.Fatal("deleted partner's key still works")
	}
	if err := g.Delete(ctx, p.ID); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

// Requests counted from many goroutines while flushes run all arrive.
func TestUsageConcurrentRecordAndFlush(t *testing.T) {
	ctx := context.Background()
	g := &Registry{Store: memstore.New()}
	p, key, err := g.Create(ctx, feedsvc.Partner{Name: "x", Enabled: true, RatePerMinute: 100000})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 250 {
				if _, ok, err := g.Lookup(ctx, key); !ok || err != nil {
					t.Errorf("lookup: %v %v", ok, err)
					return
				}
				g.Allow(p)
				g.Record(p.ID, 200, 1)
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 20 {
			if err := g.flushUsage(ctx); err != nil {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	<-done
	if err := g.flushUsage(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := (&Registry{Store: g.Store}).Usage(ctx, p.ID)
	if err != nil || u.Day.Requests != 2000 || u.Day.Bytes != 2000 {
		t.Fatalf("usage %+v %v, want 2000 requests", u, err)
	}
}
