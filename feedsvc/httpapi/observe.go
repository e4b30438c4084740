package httpapi

import "time"

// Observer receives serving events for metrics. Implementations must be
// safe for concurrent use; a nil Observer ignores everything.
type Observer interface {
	CacheLookup(hit bool)
	Rendered(format string, d time.Duration)
	ServedStale()
	Request(route string, status int, d time.Duration)
}

// observer wraps a possibly nil Observer.
type observer struct{ o Observer }

func (m observer) cacheHit(hit bool) {
	if m.o != nil {
		m.o.CacheLookup(hit)
	}
}

func (m observer) rendered(format string, d time.Duration) {
	if m.o != nil {
		m.o.Rendered(format, d)
	}
}

func (m observer) stale() {
	if m.o != nil {
		m.o.ServedStale()
	}
}

func (m observer) request(route string, status int, d time.Duration) {
	if m.o != nil {
		m.o.Request(route, status, d)
	}
}
