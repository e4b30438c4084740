package ingest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/url"
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
type Scheduler struct {
	Ingester    *Ingester
	Sources     func() []feedsvc.Source
	Concurrency int           // parallel polls; default 4
	Tick        time.Duration // how often due sources are looked for; default 1s
	Log         *slog.Logger
	// Owner names this replica in leases (default: random).
	Owner string
	// LeaseTTL is the poll lease's lifetime (default DefaultLeaseTTL).
	LeaseTTL time.Duration

	mu      sync.Mutex
	next    map[string]time.Time
	running map[string]bool
	force   map[string]bool
	hosts   map[string]chan struct{}
}

// Run polls until ctx is done, then waits for polls in flight.
func (s *Scheduler) Run(ctx context.Context) {
	s.init()
	conc := s.Concurrency
	if conc <= 0 {
		conc = 4
	}
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	defer wg.Wait()
	tick := s.Tick
	if tick <= 0 {
		tick = time.Second
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		for _, src := range s.due(time.Now()) {
			wg.Add(1)
			go func(src feedsvc.Source) {
				defer wg.Done()
				s.done(src.ID, s.gatedPoll(ctx, &src, sem))
			}(src)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// gatedPoll waits for a place on the source's host first and only then
// for one of the global slots, so polls queued behind a slow host never
// hold slots that sources on other hosts need.
func (s *Scheduler) gatedPoll(ctx context.Context, src *feedsvc.Source, sem chan struct{}) time.Time {
	host := s.hostSlot(src.URL)
	select {
	case host <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}
	}
	defer func() { <-host }()
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}
	}
	defer func() { <-sem }()
	return s.poll(ctx, src)
}

// hostSlot returns the poll gate of rawURL's host: as many polls at once
// as the pipeline allows requests to one host.
func (s *Scheduler) hostSlot(rawURL string) chan struct{} {
	host := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		host = u.Host
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.hosts[host]
	if !ok {
		g = make(chan struct{}, s.Ingester.Pipeline.hostLimit())
		s.hosts[host] = g
	}
	return g
}

func (s *Scheduler) init() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.next == nil {
		s.next, s.running, s.force = map[string]time.Time{}, map[string]bool{}, map[string]bool{}
		s.hosts = map[string]chan struct{}{}
	}
	if s.Owner == "" {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		s.Owner = hex.EncodeToString(b)
	}
}

// PollNow makes a source due at the next tick, whatever its schedule.
func (s *Scheduler) PollNow(id string) {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next[id], s.force[id] = time.Time{}, true
}

func (s *Scheduler) due(now time.Time) []feedsvc.Source {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []feedsvc.Source
	live := map[string]bool{}
	for _, src := range s.Sources() {
		live[src.ID] = true
		if s.running[src.ID] || now.Before(s.next[src.ID]) {
			continue
		}
		s.running[src.ID] = true
		out = append(out, src)
	}
	for id := range s.next { // forget deleted sources
		if !live[id] && !s.running[id] {
			delete(s.next, id)
			delete(s.running, id)
			delete(s.force, id)
		}
	}
	return out
}

// done records when a source is due next on this replica (zero: soon).
func (s *Scheduler) done(id string, next time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.running[id] = false
	if s.force[id] { // a refresh asked for while this poll ran
		s.next[id] = time.Time{}
		return
	}
	if next.IsZero() {
		next = time.Now().Add(5 * time.Second)
	}
	s.next[id] = next
}

// poll takes the source's lease, re-checks in the store that it is still
// due (another replica may have polled it), polls it while renewing the
// lease, and returns when it is due next.
func (s *Scheduler) poll(ctx context.Context, src *feedsvc.Source) time.Time {
	store := s.Ingester.Store
	lease := "poll:" + src.ID
	ok, err := store.TryLock(ctx, lease, s.Owner, s.leaseTTL())
	if err != nil || !ok {
		return time.Time{} // store down or another replica polls it: look again soon
	}
	defer func() { _ = store.Unlock(context.WithoutCancel(ctx), lease, s.Owner) }()
	s.mu.Lock()
	forced := s.force[src.ID]
	delete(s.force, src.ID)
	s.mu.Unlock()
	if st, err := store.SourceState(ctx, src.ID); err == nil && !forced && time.Now().Before(st.NextPoll) {
		return st.NextPoll
	}
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.renew(pctx, cancel, lease)
	pr, _ := s.Ingester.Poll(pctx, src) // Poll logs and records its own errors
	return pr.Next
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
