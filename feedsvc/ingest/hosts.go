package ingest

import (
	"context"
	"net/url"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/fetch"
)

// hostGate is politeness per host: at most `limit` requests in flight to
// one host, and at least `delay` between the starts of two of them. Its
// per-host state is pruned once a host has no request in flight or
// waiting and its delay has passed, so it stays as large as the set of
// hosts recently asked, not every host ever asked.
type hostGate struct {
	limit int
	delay time.Duration

	mu      sync.Mutex
	hosts   map[string]*gateHost
	sweepAt int // sweep idle hosts when the map reaches this size
}

type gateHost struct {
	slot  chan struct{}
	users int       // acquirers holding or waiting for a slot
	next  time.Time // earliest start of the next request
}

// minSweep is the map size below which idle hosts are not swept.
const minSweep = 64

func newHostGate(limit int, delay time.Duration) *hostGate {
	return &hostGate{limit: limit, delay: delay, hosts: map[string]*gateHost{}}
}

// acquire waits for a slot and the delay for host; release frees the slot.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	g.mu.Lock()
	h, ok := g.hosts[host]
	if !ok {
		g.sweep(time.Now())
		h = &gateHost{slot: make(chan struct{}, g.limit)}
		g.hosts[host] = h
	}
	h.users++
	g.mu.Unlock()
	leave := func() {
		g.mu.Lock()
		h.users--
		g.mu.Unlock()
	}
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
	release = func() {
		<-h.slot
		leave()
	}
	g.mu.Lock()
	now := time.Now()
	at := h.next
	if at.Before(now) {
		at = now
	}
	h.next = at.Add(g.delay)
	g.mu.Unlock()
	if wait := at.Sub(now); wait > 0 {
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			release()
			return nil, ctx.Err()
		}
	}
	return release, nil
}

// sweep drops idle hosts whose delay has passed once the map has doubled
// since the last sweep (amortized O(1) per new host). Called with g.mu held.
func (g *hostGate) sweep(now time.Time) {
	if len(g.hosts) < max(g.sweepAt, minSweep) {
		return
	}
	for name, h := range g.hosts {
		if h.users == 0 && !now.Before(h.next) {
			delete(g.hosts, name)
		}
	}
	g.sweepAt = 2 * len(g.hosts)
}

// size is how many hosts the gate keeps state for.
func (g *hostGate) size() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.hosts)
}

// get fetches r through the per-host gate, without the poll's CPU turn
// while it waits (cpu.go).
func (p *Pipeline) get(ctx context.Context, r fetch.Request) (*fetch.Response, error) {
	p.hostsOnce.Do(func() { p.hosts = newHostGate(p.hostLimit(), p.HostDelay) })
	host := ""
	if u, err := url.Parse(r.URL); err == nil {
		host = u.Host
	}
	return offCPU(ctx, func() (*fetch.Response, error) {
		release, err := p.hosts.acquire(ctx, host)
		if err != nil {
			return nil, err
		}
		defer release()
		return p.Fetch.Get(ctx, r)
	})
}

// hostLimit is the most requests (and polls) at once to one host.
func (p *Pipeline) hostLimit() int {
	if p.HostConcurrency <= 0 {
		return 2
	}
	return p.HostConcurrency
}
