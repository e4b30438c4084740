package ingest

import (
	"cmp"
	"slices"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// newestFirst keeps the src.ItemCap() newest of a feed's items before they
// are extracted and normalized, so a source that floods costs one parse,
// not one normalization and one store write per item. Items are ranked by
// their published (else updated) date read in the source's zone; undated
// items rank after dated ones in feed order. It reports how many were cut.
func newestFirst(arts []feedsvc.Article, src *feedsvc.Source, now time.Time) ([]feedsvc.Article, int) {
	limit := src.ItemCap()
	if len(arts) <= limit {
		return arts, 0
	}
	type ranked struct {
		t time.Time
		i int
	}
	rs := make([]ranked, len(arts))
	for i := range arts {
		rs[i] = ranked{itemDate(&arts[i], src, now), i}
	}
	slices.SortStableFunc(rs, func(x, y ranked) int { return y.t.Compare(x.t) })
	keep := make([]int, limit)
	for j := range keep {
		keep[j] = rs[j].i
	}
	slices.Sort(keep) // the feed's own order among the kept items
	out := make([]feedsvc.Article, limit)
	for j, i := range keep {
		out[j] = arts[i]
	}
	return out, len(arts) - limit
}

func itemDate(a *feedsvc.Article, src *feedsvc.Source, now time.Time) time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	if t, ok := normalize.ParseDate(cmp.Or(a.PublishedRaw, a.UpdatedRaw), src.Loc(), now); ok {
		return t
	}
	return time.Time{}
}
