package partner

import (
	"time"

	"golang.org/x/time/rate"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// limiters holds a token bucket per partner id. Buckets live in process:
// with several replicas each one allows the full rate (the limit is per
// replica), which keeps the hot path free of store round trips.
type limiters map[string]*bucket

type bucket struct {
	rpm int
	lim *rate.Limiter
}

// Allow takes a token from p's bucket (RatePerMinute per minute, burst
// the same). Over the limit it returns false and how long until the next
// token.
func (g *Registry) Allow(p feedsvc.Partner) (time.Duration, bool) {
	if p.RatePerMinute <= 0 {
		return 0, true
	}
	g.mu.Lock()
	if g.limits == nil {
		g.limits = limiters{}
	}
	b := g.limits[p.ID]
	if b == nil || b.rpm != p.RatePerMinute {
		b = &bucket{rpm: p.RatePerMinute, lim: rate.NewLimiter(rate.Limit(float64(p.RatePerMinute)/60), p.RatePerMinute)}
		g.limits[p.ID] = b
	}
	g.mu.Unlock()
	now := time.Now()
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}

// forget drops a deleted partner's bucket and unflushed counts.
func (g *Registry) forget(id string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.limits, id)
	delete(g.pending, id)
}
