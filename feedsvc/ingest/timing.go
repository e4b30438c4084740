package ingest

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// DefaultMaxInterval caps every wait between two polls of a source.
const DefaultMaxInterval = 6 * time.Hour

// pollDelay is the wait before the next poll of src. After a success it
// honours the feed's <ttl>, Cache-Control max-age and Expires (never less
// than the source interval); after failures it backs off exponentially with
// jitter, honours Retry-After, and polls gone or blocked sources at the
// maximum interval. Everything is capped by limit; no source is ever
// abandoned.
func pollDelay(src *feedsvc.Source, st *feedsvc.SourceState, res *Result, now time.Time, limit time.Duration) time.Duration {
	if limit <= 0 {
		limit = DefaultMaxInterval
	}
	interval := src.Interval
	if interval <= 0 {
		interval = 15 * time.Minute
	}
	if st.Failures > 0 {
		if st.Health == feedsvc.HealthGone || st.Health == feedsvc.HealthBlocked {
			return limit
		}
		return min(max(NextDelay(interval, st.Failures, limit), res.RetryAfter), limit)
	}
	d := interval
	if ttl := time.Duration(res.Feed.TTL) * time.Minute; ttl > d {
		d = ttl
	}
	if h := cacheHint(res.Header, now); h > d {
		d = h
	}
	return min(d, limit)
}

// cacheHint reads Cache-Control max-age (or s-maxage), else Expires.
func cacheHint(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	for _, part := range strings.Split(h.Get("Cache-Control"), ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok && (strings.EqualFold(k, "max-age") || strings.EqualFold(k, "s-maxage")) {
			if n, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && n > 0 {
				return time.Duration(n) * time.Second
			}
		}
	}
	if exp, err := http.ParseTime(h.Get("Expires")); err == nil && exp.After(now) {
		return exp.Sub(now)
	}
	return 0
}

// NextDelay is the wait after n consecutive failures:
// min(interval·2^(n-1), limit) with ±20% jitter, never less than a tenth of
// the interval; after a success (n = 0) it is the interval.
func NextDelay(interval time.Duration, failures int, limit time.Duration) time.Duration {
	if interval <= 0 {
		interval = 15 * time.Minute
	}
	if failures <= 0 {
		return interval
	}
	d := interval
	for i := 1; i < failures && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	jitter := time.Duration((rand.Float64()*0.4 - 0.2) * float64(d))
	return max(d+jitter, interval/10)
}

// slowFactor is how many times its last answer's latency a source waits
// at least before its next poll: a slow host is polled less often instead
// of keeping a poll in flight all the time.
const slowFactor = 4

// withLatency stretches the delay d of a poll whose source took took to
// answer.
func withLatency(d, took, limit time.Duration) time.Duration {
	if limit <= 0 {
		limit = DefaultMaxInterval
	}
	return min(max(d, slowFactor*took), limit)
}
