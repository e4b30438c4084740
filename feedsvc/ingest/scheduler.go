package ingest

import (
	"container/heap"
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// DefaultLeaseTTL is how long a replica holds a source's poll lease; it
// renews it every third of that while the poll runs, so a replica that
// dies mid-fetch loses the source within the TTL and another picks it up.
const DefaultLeaseTTL = 30 * time.Second

// Scheduler polls every source when it is due, with bounded concurrency.
// When is "due" lives in the store (SourceState.NextPoll), and each poll
// runs under a lease in the store, so several replicas on one store fetch
// each source exactly once per cycle.
//
// In memory, sources wait in a heap keyed by the time they are due next,
// so finding due sources costs O(log n) per source, not a scan of all. A
// due source then queues on its host; a free poll slot goes to the next
// host, round-robin, that has a due source, fewer than the pipeline's
// per-host limit of polls running and whose politeness delay since its
// last poll start has passed. One host's gate therefore never holds a
// slot, and the order of sources in the configuration does not matter.
type Scheduler struct {
	Ingester *Ingester
	Sources  func() []feedsvc.Source
	// Generation, when set, changes whenever Sources' answer may have
	// (catalog.Catalog.Generation): each tick then re-reads the list only
	// when it moved, instead of copying all sources every second.
	Generation  func() uint64
	Concurrency int           // parallel polls; default 4
	Tick        time.Duration // how often the source list is re-read; default 1s
	Log         *slog.Logger
	// Owner names this replica in leases (default: random).
	Owner string
	// LeaseTTL is the poll lease's lifetime (default DefaultLeaseTTL).
	LeaseTTL time.Duration
	// OnRemove, when set, is called with the id of each source that left
	// the source list, after the scheduler dropped it (metrics series).
	OnRemove func(id string)

	mu      sync.Mutex
	entries map[string]*entry // every known source by id
	queue   dueHeap           // sources neither running nor waiting on their host
	hosts   map[string]*hostQueue
	ready   []*hostQueue // hosts with waiting sources, in round-robin order
	running int
	wake    chan struct{}
	gen     uint64 // Generation of the list the entries reflect
	listed  bool   // the entries reflect a list once
}

// entry is one source's place in the scheduler.
type entry struct {
	src   feedsvc.Source
	host  string
	next  time.Time // due time on this replica (zero: now)
	idx   int       // index in the queue heap; -1 when not queued
	state entryState
	force bool // a refresh was asked for
}

type entryState uint8

const (
	queued  entryState = iota // in the heap
	waiting                   // due, in its host's queue
	running                   // being polled
)

// hostQueue holds the due sources of one host and the host's politeness
// state. It exists only while the host has a source waiting or running,
// or its delay has not passed: host state is pruned as it goes idle.
type hostQueue struct {
	name     string
	waiting  []*entry
	inflight int
	readyAt  time.Time // earliest start of the next poll (politeness delay)
	listed   bool      // in Scheduler.ready
}

// Run polls until ctx is done, then waits for polls in flight.
func (s *Scheduler) Run(ctx context.Context) {
	s.init()
	var wg sync.WaitGroup
	defer wg.Wait()
	tick := s.tick()
	timer := time.NewTimer(0)
	defer timer.Stop()
	var synced time.Time
	for {
		now := time.Now()
		if now.Sub(synced) >= tick {
			s.sync()
			synced = now
		}
		s.mu.Lock()
		starts, wakeAt := s.dispatch(now)
		s.mu.Unlock()
		for _, st := range starts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				next, busy := s.poll(ctx, &st.src, st.forced)
				s.finish(st.e, next)
				if busy && st.forced {
					s.keepRefresh(st.e)
				}
			}()
		}
		wait := tick - time.Since(synced)
		if !wakeAt.IsZero() {
			wait = min(wait, time.Until(wakeAt))
		}
		timer.Reset(max(wait, time.Millisecond))
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-timer.C:
		}
	}
}

// start is one poll dispatch hands to a goroutine: the entry and a copy of
// its source taken under the lock.
type start struct {
	e      *entry
	src    feedsvc.Source
	forced bool
}

// dispatch moves the due sources to their hosts' queues and starts polls
// while slots are free; it returns the polls to run and when to look
// again (zero: at the next tick or poll end). Called with s.mu held.
func (s *Scheduler) dispatch(now time.Time) ([]start, time.Time) {
	for s.queue.Len() > 0 && !s.queue[0].next.After(now) {
		e := heap.Pop(&s.queue).(*entry)
		h := s.host(e.host)
		e.state = waiting
		h.waiting = append(h.waiting, e)
		if !h.listed {
			h.listed = true
			s.ready = append(s.ready, h)
		}
	}
	var out []start
	var wakeAt time.Time
	limit, delay := s.Ingester.Pipeline.hostLimit(), s.Ingester.Pipeline.HostDelay
	// Round-robin over the hosts with waiting sources: a host that starts
	// a poll goes to the back of the line, so every host gets its turn
	// and none takes every slot (within a host, sources go in due order).
	for s.running < s.conc() {
		started := false
		for range len(s.ready) {
			if s.running >= s.conc() {
				break
			}
			h := s.ready[0]
			s.ready[0] = nil
			s.ready = s.ready[1:]
			switch {
			case len(h.waiting) == 0:
				h.listed = false
				s.prune(h, now)
				continue
			case h.inflight >= limit:
				// the poll end calls for a dispatch
			case now.Before(h.readyAt):
				if wakeAt.IsZero() || h.readyAt.Before(wakeAt) {
					wakeAt = h.readyAt
				}
			default:
				e := h.waiting[0]
				h.waiting[0] = nil
				h.waiting = h.waiting[1:]
				h.inflight++
				h.readyAt = now.Add(delay)
				s.running++
				e.state = running
				out = append(out, start{e: e, src: e.src, forced: e.force})
				e.force = false
				started = true
			}
			s.ready = append(s.ready, h)
		}
		if !started {
			break
		}
	}
	if s.queue.Len() > 0 && (wakeAt.IsZero() || s.queue[0].next.Before(wakeAt)) {
		wakeAt = s.queue[0].next
	}
	return out, wakeAt
}

// finish records a poll's end: the source is due again at next (zero:
// in 5 s, or now when a refresh was asked for while it ran).
func (s *Scheduler) finish(e *entry, next time.Time) {
	if s.requeue(e, next) || s.OnRemove == nil {
		return
	}
	s.OnRemove(e.src.ID) // the poll of a removed source may have recreated its series
}

// requeue is finish under the lock; it reports false when the source was
// removed (and not added again) while it ran.
func (s *Scheduler) requeue(e *entry, next time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.running--
	if h := s.hosts[e.host]; h != nil {
		h.inflight--
		if len(h.waiting) > 0 && !h.listed {
			h.listed = true
			s.ready = append(s.ready, h)
		}
		s.prune(h, time.Now())
	}
	if cur := s.entries[e.src.ID]; cur != e { // removed while it ran
		s.signal()
		return cur != nil
	}
	e.host = hostOf(e.src.URL) // the source may have moved while it ran
	switch {
	case e.force:
		next = time.Time{}
	case next.IsZero():
		next = time.Now().Add(5 * time.Second)
	}
	e.next = next
	e.state = queued
	heap.Push(&s.queue, e)
	s.signal()
	return true
}

// host returns the queue of a host, creating it. Called with s.mu held.
func (s *Scheduler) host(name string) *hostQueue {
	h := s.hosts[name]
	if h == nil {
		h = &hostQueue{name: name}
		s.hosts[name] = h
	}
	return h
}

// prune forgets an idle host whose politeness delay has passed; hosts
// idle but still within their delay are pruned by the next sync.
func (s *Scheduler) prune(h *hostQueue, now time.Time) {
	if h.inflight == 0 && len(h.waiting) == 0 && !h.listed && !now.Before(h.readyAt) {
		delete(s.hosts, h.name)
	}
}

// sync reads the source list: new sources are due now, changed ones keep
// their schedule, removed ones leave every structure of the scheduler.
func (s *Scheduler) sync() {
	var gen uint64
	if s.Generation != nil {
		gen = s.Generation() // before Sources: a change in between is read next time
	}
	s.mu.Lock()
	same := s.Generation != nil && s.listed && gen == s.gen
	s.mu.Unlock()
	var removed []string
	if !same {
		removed = s.reconcile(s.Sources(), gen)
	}
	s.mu.Lock()
	s.ready = slices.DeleteFunc(s.ready, func(h *hostQueue) bool {
		h.listed = len(h.waiting) > 0
		return !h.listed
	})
	now := time.Now()
	for _, h := range s.hosts {
		s.prune(h, now)
	}
	s.mu.Unlock()
	if s.OnRemove != nil {
		for _, id := range removed {
			s.OnRemove(id)
		}
	}
}

// reconcile brings the entries in line with list, read at generation gen,
// and returns the ids of the sources that left it.
func (s *Scheduler) reconcile(list []feedsvc.Source, gen uint64) (removed []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen, s.listed = gen, true
	live := make(map[string]bool, len(list))
	for _, src := range list {
		live[src.ID] = true
		e := s.entries[src.ID]
		if e == nil {
			e = &entry{src: src, host: hostOf(src.URL), idx: -1}
			s.entries[src.ID] = e
			heap.Push(&s.queue, e)
			continue
		}
		if e.src.URL != src.URL && e.state == waiting {
			s.unwait(e) // a moved source queues on its new host
			e.state = queued
			heap.Push(&s.queue, e)
		}
		e.src = src
		if e.state != running {
			e.host = hostOf(src.URL)
		}
	}
	for id, e := range s.entries {
		if live[id] {
			continue
		}
		switch e.state {
		case queued:
			heap.Remove(&s.queue, e.idx)
		case waiting:
			s.unwait(e)
		}
		delete(s.entries, id)
		removed = append(removed, id)
	}
	return removed
}

// unwait takes a waiting entry out of its host's queue. Called with s.mu held.
func (s *Scheduler) unwait(e *entry) {
	h := s.hosts[e.host]
	if h == nil {
		return
	}
	for i, w := range h.waiting {
		if w == e {
			h.waiting = append(h.waiting[:i], h.waiting[i+1:]...)
			break
		}
	}
}

func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Host
	}
	return rawURL
}

func (s *Scheduler) init() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.entries == nil {
		s.entries, s.hosts = map[string]*entry{}, map[string]*hostQueue{}
		s.wake = make(chan struct{}, 1)
	}
	if s.Owner == "" {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		s.Owner = hex.EncodeToString(b)
	}
}

// signal wakes Run for a dispatch. Called with s.mu held.
func (s *Scheduler) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// PollNow makes a source due now, whatever its schedule; asked for while
// the source is polled, it is polled again right after.
func (s *Scheduler) PollNow(id string) {
	s.init()
	s.mu.Lock()
	e := s.entries[id]
	s.mu.Unlock()
	if e == nil { // added since the last sync
		s.sync()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e = s.entries[id]; e == nil {
		return
	}
	e.force = true
	if e.state == queued {
		e.next = time.Time{}
		heap.Fix(&s.queue, e.idx)
	}
	s.signal()
}

// Pending reports how many sources the scheduler knows and how many
// hosts it keeps state for (tests and diagnostics).
func (s *Scheduler) Pending() (sources, hosts int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries), len(s.hosts)
}

func (s *Scheduler) conc() int {
	if s.Concurrency <= 0 {
		return 4
	}
	return s.Concurrency
}

func (s *Scheduler) tick() time.Duration {
	if s.Tick <= 0 {
		return time.Second
	}
	return s.Tick
}

// poll takes the source's lease, re-checks in the store that it is still
// due (another replica may have polled it), polls it while renewing the
// lease, and returns when it is due next. busy reports that it did not
// poll because the lease was held elsewhere or the store was down.
func (s *Scheduler) poll(ctx context.Context, src *feedsvc.Source, forced bool) (next time.Time, busy bool) {
	store := s.Ingester.Store
	lease := "poll:" + src.ID
	ok, err := store.TryLock(ctx, lease, s.Owner, s.leaseTTL())
	if err != nil || !ok {
		return time.Time{}, true // store down or another replica polls it: look again soon
	}
	defer func() { _ = store.Unlock(context.WithoutCancel(ctx), lease, s.Owner) }()
	if st, err := store.SourceState(ctx, src.ID); err == nil && !forced && time.Now().Before(st.NextPoll) {
		return st.NextPoll, false
	}
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.renew(pctx, cancel, lease)
	pr, _ := s.Ingester.Poll(pctx, src) // Poll logs and records its own errors
	return pr.Next, false
}

// keepRefresh carries a refresh over to the next try when the forced poll
// could not take the lease (another replica was polling, perhaps since
// before the refresh was asked for): the retry, at finish's usual delay,
// polls whatever the schedule says.
func (s *Scheduler) keepRefresh(e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.entries[e.src.ID] == e && e.state == queued {
		e.force = true
	}
}

// renew extends the lease until ctx ends; losing it cancels the poll.
func (s *Scheduler) renew(ctx context.Context, cancel context.CancelFunc, lease string) {
	t := time.NewTicker(s.leaseTTL() / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			ok, err := s.Ingester.Store.TryLock(ctx, lease, s.Owner, s.leaseTTL())
			if err == nil && !ok {
				s.log().Warn("poll lease lost; abandoning poll", "lease", lease)
				cancel()
				return
			}
		}
	}
}

func (s *Scheduler) leaseTTL() time.Duration {
	if s.LeaseTTL > 0 {
		return s.LeaseTTL
	}
	return DefaultLeaseTTL
}

func (s *Scheduler) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// dueHeap orders entries by due time, then by id (so ties do not follow
// the configuration's order).
type dueHeap []*entry

func (q dueHeap) Len() int { return len(q) }
func (q dueHeap) Less(i, j int) bool {
	if !q[i].next.Equal(q[j].next) {
		return q[i].next.Before(q[j].next)
	}
	return q[i].src.ID < q[j].src.ID
}
func (q dueHeap) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].idx, q[j].idx = i, j
}
func (q *dueHeap) Push(x any) {
	e := x.(*entry)
	e.idx = len(*q)
	*q = append(*q, e)
}
func (q *dueHeap) Pop() any {
	old := *q
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	e.idx = -1
	return e
}

func heapPush(q *dueHeap, e *entry) { heap.Push(q, e) }
func heapPop(q *dueHeap) *entry     { return heap.Pop(q).(*entry) }
