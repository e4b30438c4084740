package websub

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"
)

// hub records publish pings; it fails the first `failFirst` requests.
type hub struct {
	mu        sync.Mutex
	pings     []string
	calls     int
	failFirst int
}

func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls++
	if h.calls <= h.failFirst {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost || r.PostForm.Get("hub.mode") != "publish" {
		http.Error(w, "bad ping", http.StatusBadRequest)
		return
	}
	h.pings = append(h.pings, r.PostForm.Get("hub.url"))
	w.WriteHeader(http.StatusNoContent)
}

func (h *hub) got() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := append([]string(nil), h.pings...)
	sort.Strings(out)
	return out
}

func TestPublishRetriesAndDelivers(t *testing.T) {
	h := &hub{failFirst: 2}
	srv := httptest.NewServer(h)
	defer srv.Close()
	var mu sync.Mutex
	results := map[bool]int{}
	p := &Publisher{Hubs: []string{srv.URL}, Backoff: 5 * time.Millisecond,
		Result: func(_ string, ok bool) { mu.Lock(); results[ok]++; mu.Unlock() }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx, 1); close(done) }()
	p.Publish([]string{"http://f/sections/ent/atom", "http://f/sections/ent/rss"})
	deadline := time.Now().Add(5 * time.Second)
	delivered := func() int { mu.Lock(); defer mu.Unlock(); return results[true] }
	// The hub records a ping before the publisher reads its answer and
	// reports it: wait for both.
	for (len(h.got()) < 2 || delivered() < 2) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	got := h.got()
	if len(got) != 2 || got[0] != "http://f/sections/ent/atom" || got[1] != "http://f/sections/ent/rss" {
		t.Fatalf("pings: got %v", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if results[true] != 2 || results[false] != 0 {
		t.Errorf("results: %v", results)
	}
}

func TestPublishGivesUpAndReports(t *testing.T) {
	h := &hub{failFirst: 1000}
	srv := httptest.NewServer(h)
	defer srv.Close()
	failed := make(chan string, 1)
	p := &Publisher{Hubs: []string{srv.URL}, Backoff: time.Millisecond, Retries: 2,
		Result: func(hub string, ok bool) {
			if !ok {
				failed <- hub
			}
		}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.Run(ctx, 1)
	p.Publish([]string{"http://f/x"})
	select {
	case <-failed:
	case <-time.After(5 * time.Second):
		t.Fatal("failure not reported")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.calls != 3 {
		t.Errorf("attempts: got %d, want 3 (1 + 2 retries)", h.calls)
	}
}

func TestPublishNeverBlocks(t *testing.T) {
	p := &Publisher{Hubs: []string{"http://127.0.0.1:1/"}}
	done := make(chan struct{})
	go func() {
		for i := 0; i < queueSize+10; i++ {
			p.Publish([]string{"http://f/x"})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Publish blocked with no worker running")
	}
}
