package ingest

import (
	"context"
	"net/url"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/fetch"
)

// hostGate is politeness per host: at most `limit` requests in flight to
// one host, and at least `delay` between the starts of two of them.
type hostGate struct {
	limit int
	delay time.Duration

	mu    sync.Mutex
	slots map[string]chan struct{}
	next  map[string]time.Time
}

// acquire waits for a slot and the delay for host; release frees the slot.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	g.mu.Lock()
	slot, ok := g.slots[host]
	if !ok {
		slot = make(chan struct{}, g.limit)
		g.slots[host] = slot
	}
	g.mu.Unlock()
	select {
	case slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-slot }
	g.mu.Lock()
	now := time.Now()
	at := g.next[host]
	if at.Before(now) {
		at = now
	}
	g.next[host] = at.Add(g.delay)
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

// get fetches r through the per-host gate.
func (p *Pipeline) get(ctx context.Context, r fetch.Request) (*fetch.Response, error) {
	p.hostsOnce.Do(func() {
		p.hosts = &hostGate{limit: p.hostLimit(), delay: p.HostDelay, slots: map[string]chan struct{}{}, next: map[string]time.Time{}}
	})
	host := ""
	if u, err := url.Parse(r.URL); err == nil {
		host = u.Host
	}
	release, err := p.hosts.acquire(ctx, host)
	if err != nil {
		return nil, err
	}
	defer release()
	return p.Fetch.Get(ctx, r)
}

// hostLimit is the most requests (and polls) at once to one host.
func (p *Pipeline) hostLimit() int {
	if p.HostConcurrency <= 0 {
		return 2
	}
	return p.HostConcurrency
}
