package ingest

import (
	"cmp"
	"context"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// DefaultFirstPage is the size of a section's first page when the section
// names no Limit (the channel default).
const DefaultFirstPage = 50

// shareOf is the part of a section's first page one source may take from
// the other sources of the section: at most 1/shareOf of it.
const shareOf = 2

// firstPageShare defers new articles of src that would give it more than
// its share of a section's first page while other sources' articles are
// there to show; it returns the articles to store now and how many wait.
// Deferred articles are offered again by later polls, and enter once they
// no longer push the other sources off the first page. A section fed by
// src alone is not thinned.
func (in *Ingester) firstPageShare(ctx context.Context, src *feedsvc.Source, fresh []feedsvc.Article, recent recentCache) ([]feedsvc.Article, int, error) {
	if len(fresh) == 0 {
		return fresh, 0, nil
	}
	deferred := map[string]bool{}
	for _, slug := range src.Sections {
		stored, err := recent.get(ctx, in.Store, slug)
		if err != nil {
			return nil, 0, err
		}
		deferInSection(src.ID, in.firstPage(slug), stored, fresh, deferred)
	}
	if len(deferred) == 0 {
		return fresh, 0, nil
	}
	out := fresh[:0:0]
	for _, a := range fresh {
		if !deferred[a.ID] {
			out = append(out, a)
		}
	}
	return out, len(deferred), nil
}

// deferInSection marks in deferred the fresh articles beyond src's share
// of a first page of size page. stored is the section's newest articles,
// newest first. Fresh articles are tried newest first; one that would
// leave src more of the page than it may hold (its share, or every place
// the other sources cannot fill) waits. Pushing src's own older articles
// off the page is always allowed.
func deferInSection(srcID string, page int, stored []feedsvc.Recent, fresh []feedsvc.Article, deferred map[string]bool) {
	others := 0
	for i := range stored {
		if stored[i].SourceID != srcID {
			others++
		}
	}
	allowed := max(page/shareOf, page-min(others, page))
	order := make([]feedsvc.Cursor, len(fresh))
	for i := range fresh {
		order[i] = feedsvc.CursorOf(&fresh[i])
	}
	slices.SortFunc(order, func(x, y feedsvc.Cursor) int { return newer(y, x) })
	var kept []feedsvc.Cursor
	for _, c := range order {
		try := append(kept[:len(kept):len(kept)], c)
		if ownOnPage(srcID, page, stored, try) > allowed && ownOnPage(srcID, page, stored, kept) < ownOnPage(srcID, page, stored, try) {
			deferred[c.ID] = true
			continue
		}
		kept = try
	}
}

// ownOnPage counts src's articles on the first page made of stored and
// fresh (both newest first).
func ownOnPage(srcID string, page int, stored []feedsvc.Recent, fresh []feedsvc.Cursor) int {
	own, s, f := 0, 0, 0
	for slot := 0; slot < page; slot++ {
		switch {
		case f < len(fresh) && (s >= len(stored) || newer(fresh[f], stored[s].Cursor) > 0):
			own, f = own+1, f+1
		case s < len(stored):
			if stored[s].SourceID == srcID {
				own++
			}
			s++
		default:
			return own
		}
	}
	return own
}

// newer compares two cursors in section order: > 0 when x comes first.
func newer(x, y feedsvc.Cursor) int {
	return cmp.Or(cmp.Compare(x.Millis, y.Millis), cmp.Compare(x.ID, y.ID))
}

// firstPage is the first page size of section slug.
func (in *Ingester) firstPage(slug string) int {
	if in.Pipeline != nil && in.Pipeline.Sections != nil {
		for _, s := range in.Pipeline.Sections() {
			if s.Slug == slug && s.Limit > 0 {
				return s.Limit
			}
		}
	}
	return DefaultFirstPage
}
