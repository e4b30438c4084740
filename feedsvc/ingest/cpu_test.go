package ingest

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// A poll gives its turn back while it waits and takes it again after: with
// one turn, a second poll runs while the first waits, and the first goes
// on only once the second has given the turn back.
func TestCPUTurnIsGivenBackWhileWaiting(t *testing.T) {
	g := newCPUGate(1)
	ctxA, doneA, err := g.take(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tookB := make(chan func())
	go func() {
		_, doneB, _ := g.take(context.Background())
		tookB <- doneB
	}()
	select {
	case <-tookB:
		t.Fatal("a second turn was given while the only one was held")
	case <-time.After(50 * time.Millisecond):
	}
	gotB := make(chan func(), 1)
	resumed := make(chan struct{})
	go func() {
		// B takes the turn while A waits
		_ = offCPUDo(ctxA, func() error { gotB <- <-tookB; return nil })
		close(resumed)
	}()
	doneB := <-gotB
	select {
	case <-resumed:
		t.Fatal("A went back on the CPU while B held the only turn")
	case <-time.After(50 * time.Millisecond):
	}
	doneB()
	select {
	case <-resumed:
	case <-time.After(time.Second):
		t.Fatal("A did not get its turn back after B gave it up")
	}
	doneA()
	if len(g) != 0 {
		t.Errorf("%d turns still taken after both polls ended", len(g))
	}
}

// With one CPU turn, polls still wait for their fetches together: eight
// sources answering after 300 ms are all polled in well under 8 × 300 ms,
// and never more than one poll is on the CPU outside a wait.
func TestOneCPUTurnStillOverlapsFetches(t *testing.T) {
	doc := rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "x"})
	var served atomic.Int32
	var hosts []string
	for i := range 8 {
		srv := serveOn(t, fmt.Sprintf("127.0.0.%d:0", i+1), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(300 * time.Millisecond)
			_, _ = w.Write([]byte(doc))
			served.Add(1)
		}))
		hosts = append(hosts, srv.URL)
	}
	var srcs []feedsvc.Source
	for i, h := range hosts {
		srcs = append(srcs, *source(fmt.Sprint("s", i), h+"/feed.xml"))
	}
	in := newIngester(memstore.New())
	in.CPUTurns = 1
	start := time.Now()
	var wg sync.WaitGroup
	for i := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := in.Poll(context.Background(), &srcs[i]); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if took := time.Since(start); took > 1500*time.Millisecond || served.Load() != 8 {
		t.Errorf("8 polls of 300 ms fetches took %v with one CPU turn (%d served), want them to overlap", took, served.Load())
	}
	if len(in.cpu) != 0 {
		t.Errorf("%d turns still taken", len(in.cpu))
	}
}
