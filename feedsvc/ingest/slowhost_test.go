package ingest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// serveOn starts h on addr (a loopback address such as 127.0.0.2:0).
func serveOn(t *testing.T, addr string, h http.Handler) *httptest.Server {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen %s: %v", addr, err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// Issue 15.6, scaled down: six sources on a host answering after 1.5 s
// (interval 0.5 s) must not hold up a healthy source on another host,
// which keeps its 0.5 s interval ± 20%.
func TestSlowHostDoesNotHoldUpOthers(t *testing.T) {
	const interval = 500 * time.Millisecond
	doc := rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "x"})
	slow := serveOn(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(1500 * time.Millisecond):
		case <-r.Context().Done():
		}
		_, _ = w.Write([]byte(doc))
	}))
	var mu sync.Mutex
	var hits []time.Time
	healthy := serveOn(t, "127.0.0.2:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits = append(hits, time.Now())
		mu.Unlock()
		_, _ = w.Write([]byte(doc))
	}))
	var srcs []feedsvc.Source
	for i := range 6 {
		s := source(fmt.Sprint("slow", i), fmt.Sprintf("%s/%d.xml", slow.URL, i))
		s.Interval = interval
		srcs = append(srcs, *s)
	}
	h := source("healthy", healthy.URL+"/feed.xml")
	h.Interval = interval
	srcs = append(srcs, *h)
	s := &Scheduler{Ingester: newIngester(memstore.New()), Sources: func() []feedsvc.Source { return srcs }, Tick: 10 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()
	s.Run(ctx)
	mu.Lock()
	defer mu.Unlock()
	var gaps []time.Duration
	for i := 1; i < len(hits); i++ {
		gaps = append(gaps, hits[i].Sub(hits[i-1]))
	}
	if len(gaps) < 5 {
		t.Fatalf("the healthy source was polled %d times in 8 s, want about 16", len(hits))
	}
	slices.Sort(gaps)
	median := gaps[len(gaps)/2]
	t.Logf("healthy source: %d polls, median gap %v, gaps %v", len(hits), median, gaps)
	if median < interval*8/10 || median > interval*12/10 {
		t.Errorf("healthy source polled every %v (median), want %v ± 20%%", median, interval)
	}
}

// A slow but successful source is polled less often: its latency counts
// against it (issue 15.6).
func TestSlowSourceBacksOff(t *testing.T) {
	doc := rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "x"})
	slow := serveOn(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(400 * time.Millisecond)
		_, _ = w.Write([]byte(doc))
	}))
	src := source("slow", slow.URL+"/feed.xml")
	src.Interval = 100 * time.Millisecond
	start := time.Now()
	pr, err := newIngester(memstore.New()).Poll(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if wait := pr.Next.Sub(start); wait < slowFactor*400*time.Millisecond {
		t.Errorf("next poll in %v after a 400 ms answer, want at least %d× the latency", wait, slowFactor)
	}
}
