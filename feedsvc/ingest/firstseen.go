package ingest

import (
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// undatedSeconds hands out the first-seen seconds of newly seen articles
// without a published date (they sort, and show `updated`, by first-seen
// time): one second each, never a second another undated article of this
// process already took, so neither a poll's items nor two sources polled
// in the same second give the combined channel two entries with the same
// time. Stores keep seconds and the earliest first-seen time of an
// article, so an article once stored keeps its own; this is only asked
// for articles not stored yet.
type undatedSeconds struct {
	mu   sync.Mutex
	used map[int64]bool // Unix seconds taken, pruned to the last day
}

// undatedWindow is how far back taken seconds are remembered.
const undatedWindow = 24 * 60 * 60

// take returns the newest free second at or before want.
func (u *undatedSeconds) take(want int64) int64 {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.used == nil {
		u.used = map[int64]bool{}
	}
	for u.used[want] {
		want--
	}
	u.used[want] = true
	if len(u.used) > 4*undatedWindow {
		for s := range u.used {
			if s < want-undatedWindow {
				delete(u.used, s)
			}
		}
	}
	return want
}

// inFeedOrder gives a newly seen undated article the first-seen second of
// its poll, or the newest free second before the one given to the poll's
// previous undated article (prev, zero for the first): the poll's undated
// items are ordered as the feed lists them (the first newest).
func (u *undatedSeconds) inFeedOrder(a *feedsvc.Article, prev time.Time) time.Time {
	if !a.Published.IsZero() || a.FirstSeen.IsZero() {
		return prev
	}
	want := a.FirstSeen.Unix()
	if !prev.IsZero() && prev.Unix()-1 < want {
		want = prev.Unix() - 1
	}
	a.FirstSeen = time.Unix(u.take(want), 0).UTC()
	return a.FirstSeen
}
