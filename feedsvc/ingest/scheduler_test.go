package ingest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// hostFarm serves one small feed per path on each of n loopback hosts
// (127.0.0.10, .11, …) and records every request: its host and time.
type hostFarm struct {
	urls []string // one base URL per host
	mu   sync.Mutex
	hits []farmHit
}

type farmHit struct {
	host string
	at   time.Time
}

func newHostFarm(t *testing.T, n int) *hostFarm {
	f := &hostFarm{}
	for i := range n {
		srv := serveOn(t, fmt.Sprintf("127.0.0.%d:0", 10+i), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			f.mu.Lock()
			f.hits = append(f.hits, farmHit{r.Host, time.Now()})
			f.mu.Unlock()
			_, _ = w.Write([]byte(rss(item{r.Host + r.URL.Path, "One", "https://news.example" + r.URL.Path, "Wed, 15 Nov 2023 07:24:00 +0800", "x"})))
		}))
		f.urls = append(f.urls, srv.URL)
	}
	return f
}

func (f *hostFarm) snapshot() []farmHit {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.hits)
}

// Issue 16.4: with sources listed host by host, a worker takes the next
// due source whose host is free instead of waiting on the first host's
// politeness gate, so the cycle takes about as long as the busiest host
// needs, not the sum over hosts, and the first polls spread over hosts.
func TestSchedulerTakesTheNextFreeHost(t *testing.T) {
	const hosts, perHost, delay = 10, 8, 100 * time.Millisecond
	f := newHostFarm(t, hosts)
	var srcs []feedsvc.Source
	for h, base := range f.urls { // host by host: the worst order
		for i := range perHost {
			srcs = append(srcs, *source(fmt.Sprintf("h%02d-%d", h, i), fmt.Sprintf("%s/%d.xml", base, i)))
		}
	}
	in := newIngester(memstore.New())
	in.Pipeline.HostDelay = delay
	s := &Scheduler{Ingester: in, Sources: func() []feedsvc.Source { return srcs }, Tick: 20 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	for len(f.snapshot()) < hosts*perHost && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}
	took := time.Since(start)
	cancel()
	<-done
	hits := f.snapshot()
	if len(hits) < hosts*perHost {
		t.Fatalf("%d of %d sources polled in 10 s", len(hits), hosts*perHost)
	}
	// One host needs (perHost-1)·delay = 0.7 s; in list order behind one
	// gate the cycle would take hosts·that = 7 s (5 s leaves room for a
	// loaded machine under -race).
	if took > 5*time.Second {
		t.Errorf("cycle took %v, want about %v", took, (perHost-1)*delay)
	}
	first := map[string]bool{}
	for _, h := range hits[:hosts] {
		first[h.host] = true
	}
	if len(first) < hosts/2 {
		t.Errorf("the first %d polls went to %d hosts, want them spread", hosts, len(first))
	}
	last := map[string]time.Time{}
	for _, h := range hits {
		// Starts are delay apart; arrivals jitter with the machine's load.
		if prev, ok := last[h.host]; ok && h.at.Sub(prev) < delay/2 {
			t.Errorf("host %s asked again after %v, want >= %v", h.host, h.at.Sub(prev), delay)
		}
		last[h.host] = h.at
	}
}

// The refresh of a source asked for while it is polled polls it again
// right after, whatever the schedule the poll returned.
func TestRefreshDuringPollIsNotLost(t *testing.T) {
	srcs := []feedsvc.Source{*source("a", "https://a.example/feed")}
	s := &Scheduler{Ingester: newIngester(memstore.New()), Sources: func() []feedsvc.Source { return srcs }}
	s.init()
	s.sync()
	s.mu.Lock()
	starts, _ := s.dispatch(time.Now())
	s.mu.Unlock()
	if len(starts) != 1 {
		t.Fatalf("%d polls started, want 1", len(starts))
	}
	s.PollNow("a") // asked for while the poll of "a" runs
	s.finish(starts[0].e, time.Now().Add(time.Hour))
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries["a"]; !e.next.IsZero() || e.state != queued {
		t.Errorf("next poll %v, want now: the refresh must survive the running poll", e.next)
	}
	starts, _ = s.dispatch(time.Now())
	if len(starts) != 1 || !starts[0].forced {
		t.Errorf("the refreshed source was not polled again, forced (%d starts)", len(starts))
	}
}

// A refresh whose poll finds the lease held by another replica (which may
// have started before the refresh was asked for) is not dropped: the retry
// a few seconds later is still forced, so a schedule saying "not due" in
// the store does not swallow it.
func TestRefreshSurvivesAHeldLease(t *testing.T) {
	store := memstore.New()
	srcs := []feedsvc.Source{*source("a", "https://a.example/feed")}
	s := &Scheduler{Ingester: newIngester(store), Sources: func() []feedsvc.Source { return srcs }}
	s.init()
	s.sync()
	ctx := context.Background()
	if err := store.PutSourceState(ctx, feedsvc.SourceState{SourceID: "a", NextPoll: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if ok, err := store.TryLock(ctx, "poll:a", "other-replica", time.Minute); !ok || err != nil {
		t.Fatalf("TryLock: %v %v", ok, err)
	}
	s.PollNow("a")
	s.mu.Lock()
	starts, _ := s.dispatch(time.Now())
	s.mu.Unlock()
	if len(starts) != 1 || !starts[0].forced {
		t.Fatalf("want one forced start, got %+v", starts)
	}
	next, busy := s.poll(ctx, &starts[0].src, true)
	if !busy {
		t.Fatal("poll took a lease another replica holds")
	}
	s.finish(starts[0].e, next)
	s.keepRefresh(starts[0].e)
	if err := store.Unlock(ctx, "poll:a", "other-replica"); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	starts, _ = s.dispatch(time.Now().Add(10 * time.Second))
	s.mu.Unlock()
	if len(starts) != 1 || !starts[0].forced {
		t.Fatalf("the retry after the held lease is not forced (%d starts)", len(starts))
	}
}

// Issue 16.4(c): a source removed from the list leaves the scheduler's
// heap, host queues and host state, and OnRemove is told (metrics).
func TestRemovedSourceLeavesTheScheduler(t *testing.T) {
	var srcs []feedsvc.Source
	for i := range 50 {
		srcs = append(srcs, *source(fmt.Sprintf("s%02d", i), fmt.Sprintf("http://h%d.example/%d.xml", i%5, i)))
	}
	var list sync.Mutex
	var removed []string
	s := &Scheduler{Ingester: newIngester(memstore.New()), Concurrency: 3,
		Sources:  func() []feedsvc.Source { list.Lock(); defer list.Unlock(); return slices.Clone(srcs) },
		OnRemove: func(id string) { removed = append(removed, id) }}
	s.init()
	s.sync()
	s.mu.Lock()
	starts, _ := s.dispatch(time.Now()) // 3 running, the rest waiting on their hosts
	s.mu.Unlock()
	if len(starts) != 3 {
		t.Fatalf("%d polls started, want 3", len(starts))
	}
	list.Lock()
	srcs = srcs[:0] // every source removed, three of them while they run
	list.Unlock()
	s.sync()
	for _, st := range starts {
		s.finish(st.e, time.Now().Add(time.Minute))
	}
	time.Sleep(time.Millisecond) // past the hosts' politeness delay (zero)
	s.sync()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.entries) != 0 || s.queue.Len() != 0 || len(s.hosts) != 0 || s.running != 0 {
		t.Errorf("left behind: %d entries, %d queued, %d hosts, %d running", len(s.entries), s.queue.Len(), len(s.hosts), s.running)
	}
	for _, h := range s.ready {
		if len(h.waiting) != 0 {
			t.Errorf("host %s still has %d waiting", h.name, len(h.waiting))
		}
	}
	slices.Sort(removed)
	if removed = slices.Compact(removed); len(removed) != 50 {
		t.Errorf("OnRemove told of %d sources, want 50", len(removed))
	}
	if starts, _ := s.dispatch(time.Now()); len(starts) != 0 {
		t.Errorf("a removed source was started")
	}
}

// With Generation set, a tick copies the source list only when the
// generation moved; a change then reaches the scheduler at the next tick.
func TestSchedulerReadsSourcesWhenTheyChange(t *testing.T) {
	srcs := []feedsvc.Source{*source("a", "http://h1.example/a.xml"), *source("b", "http://h2.example/b.xml")}
	var gen uint64 = 7
	reads := 0
	var removed []string
	s := &Scheduler{Ingester: newIngester(memstore.New()),
		Sources:    func() []feedsvc.Source { reads++; return slices.Clone(srcs) },
		Generation: func() uint64 { return gen },
		OnRemove:   func(id string) { removed = append(removed, id) }}
	s.init()
	for range 3 {
		s.sync()
	}
	if reads != 1 || len(s.entries) != 2 {
		t.Fatalf("3 ticks at one generation: %d reads, %d entries; want 1, 2", reads, len(s.entries))
	}
	srcs = []feedsvc.Source{srcs[0], *source("c", "http://h3.example/c.xml")}
	s.sync()
	if reads != 1 || s.entries["c"] != nil {
		t.Fatalf("list changed, generation not: %d reads, c known %v; want 1, false", reads, s.entries["c"] != nil)
	}
	gen++
	s.sync()
	s.sync()
	if reads != 2 || s.entries["c"] == nil || s.entries["b"] != nil || !slices.Equal(removed, []string{"b"}) {
		t.Errorf("after the generation moved: %d reads, c known %v, b known %v, removed %v; want 2, true, false, [b]",
			reads, s.entries["c"] != nil, s.entries["b"] != nil, removed)
	}
}

// The due heap pops sources in due order and finds the earliest without
// looking at the others.
func TestDueHeapOrder(t *testing.T) {
	s := &Scheduler{Sources: func() []feedsvc.Source { return nil }}
	s.init()
	now := time.Now()
	for i, d := range []int{5, 1, 4, 2, 3} {
		e := &entry{src: feedsvc.Source{ID: fmt.Sprint(i)}, next: now.Add(time.Duration(d) * time.Second), idx: -1}
		s.entries[e.src.ID] = e
		pushEntry(s, e)
	}
	var got []time.Duration
	for s.queue.Len() > 0 {
		e := popEntry(s)
		got = append(got, e.next.Sub(now)/time.Second)
	}
	if !slices.IsSorted(got) || len(got) != 5 {
		t.Errorf("popped in order %v", got)
	}
}

func pushEntry(s *Scheduler, e *entry) { heapPush(&s.queue, e) }
func popEntry(s *Scheduler) *entry     { return heapPop(&s.queue) }

// With every slot busy all the time (ingest CPU-bound), hosts take turns:
// a source polled once and due again waits behind every other host's
// first poll, so no source is polled twice before all were polled once.
func TestSchedulerHostsTakeTurns(t *testing.T) {
	var srcs []feedsvc.Source
	for h := range 20 {
		for i := range 10 {
			srcs = append(srcs, *source(fmt.Sprintf("h%02d-%d", h, i), fmt.Sprintf("http://h%d.example/%d.xml", h, i)))
		}
	}
	s := &Scheduler{Ingester: newIngester(memstore.New()), Concurrency: 2, Sources: func() []feedsvc.Source { return srcs }}
	s.init()
	s.sync()
	seen := map[string]bool{}
	for len(seen) < len(srcs) {
		s.mu.Lock()
		starts, _ := s.dispatch(time.Now())
		s.mu.Unlock()
		if len(starts) == 0 {
			t.Fatalf("nothing started with %d of %d polled", len(seen), len(srcs))
		}
		for _, st := range starts {
			if seen[st.src.ID] {
				t.Fatalf("%s polled again with %d of %d sources never polled", st.src.ID, len(srcs)-len(seen), len(srcs))
			}
			seen[st.src.ID] = true
			s.finish(st.e, time.Now().Add(-time.Second)) // due again at once
		}
	}
}
