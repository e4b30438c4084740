package ingest

import (
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// inFeedOrder gives a newly seen article without a published date (sorted
// by first-seen time), the i-th item of its poll, the first-seen time of
// the poll less i seconds: such items of one poll are ordered as the feed
// lists them (the first newest) and, undated, no two show the same
// updated time. Stores keep seconds, and keep the
// earliest first-seen time of an article, so an article once stored keeps
// its own; this is only called for articles not stored yet.
func inFeedOrder(a *feedsvc.Article, i int) {
	if !a.Published.IsZero() || a.FirstSeen.IsZero() {
		return
	}
	a.FirstSeen = a.FirstSeen.Truncate(time.Second).Add(-time.Duration(i) * time.Second)
}
