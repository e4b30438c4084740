package httpapi

import (
	"context"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// maxArchive bounds the items of one monthly archive document.
const maxArchive = 5000

// readPage returns up to q.limit matching articles of the sections, newest
// first, and whether more exist after them.
func (s *Server) readPage(ctx context.Context, slugs []string, q *pageQuery) ([]feedsvc.Article, bool, error) {
	limit, before, since := q.limit, q.before, q.since
	if !q.month.IsZero() {
		limit = maxArchive
		before = feedsvc.Cursor{Millis: q.month.AddDate(0, 1, 0).UnixMilli()}
		since = q.month
		if q.cap > 0 {
			limit = q.cap
		}
	}
	all, err := feedsvc.ReadSections(ctx, slugs, 0, func(ctx context.Context, slug string) ([]feedsvc.Article, error) {
		return s.scan(ctx, slug, q, limit+1, before, since)
	})
	if err != nil {
		return nil, false, err
	}
	if len(all) > limit {
		return all[:limit], true, nil
	}
	return all, false, nil
}

// scan reads one section from before, keeping articles that match q's
// filters, until it has n or the index (or maxScan) is exhausted.
func (s *Server) scan(ctx context.Context, slug string, q *pageQuery, n int, before feedsvc.Cursor, since time.Time) ([]feedsvc.Article, error) {
	batch := n
	if q.filtered() {
		batch = max(n*2, 100)
	}
	var out []feedsvc.Article
	for scanned := 0; len(out) < n && scanned < maxScan; {
		arts, err := s.Store.SectionArticles(ctx, slug, feedsvc.Query{Limit: batch, Before: before, Since: since})
		if err != nil {
			return nil, fmt.Errorf("section %s: %w", slug, err)
		}
		for i := range arts {
			if q.match(&arts[i]) && len(out) < n {
				out = append(out, arts[i])
			}
		}
		if len(arts) < batch {
			break
		}
		scanned += len(arts)
		before = feedsvc.CursorOf(&arts[len(arts)-1])
	}
	return out, nil
}

// monthOf returns the first instant of t's month in UTC.
func monthOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// prevArchive returns the month of the newest article of the sections
// older than month start, or zero when there is none.
func (s *Server) prevArchive(ctx context.Context, slugs []string, start time.Time) (time.Time, error) {
	var newest time.Time
	for _, slug := range slugs {
		arts, err := s.Store.SectionArticles(ctx, slug, feedsvc.Query{Limit: 1, Before: feedsvc.Cursor{Millis: start.UnixMilli()}})
		if err != nil {
			return time.Time{}, fmt.Errorf("section %s: %w", slug, err)
		}
		if len(arts) == 1 && arts[0].SortTime().After(newest) {
			newest = arts[0].SortTime()
		}
	}
	if newest.IsZero() {
		return time.Time{}, nil
	}
	return monthOf(newest), nil
}

// nextArchive returns the RFC 5005 next-archive month of the archive of
// month start: the oldest newer month holding an article of the
// sections, else the current month (the newest archive document, always
// served), or zero when start is the current month or later. The
// months are searched by halves, so a long gap costs a few reads.
func (s *Server) nextArchive(ctx context.Context, slugs []string, start, now time.Time) (time.Time, error) {
	first, cur := start.AddDate(0, 1, 0), monthOf(now)
	if first.After(cur) {
		return time.Time{}, nil
	}
	lo, hi := 0, (cur.Year()-first.Year())*12+int(cur.Month()-first.Month())
	for lo < hi {
		mid := lo + (hi-lo)/2
		if lo == 0 && mid > 0 {
			mid = 0 // archives are mostly contiguous: try the next month first
		}
		found, err := s.anyBetween(ctx, slugs, first, first.AddDate(0, mid+1, 0))
		if err != nil {
			return time.Time{}, err
		}
		if found {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return first.AddDate(0, lo, 0), nil
}

// anyBetween reports whether a section of slugs holds an article sorted
// at or after from and before to.
func (s *Server) anyBetween(ctx context.Context, slugs []string, from, to time.Time) (bool, error) {
	for _, slug := range slugs {
		arts, err := s.Store.SectionArticles(ctx, slug, feedsvc.Query{Limit: 1, Before: feedsvc.Cursor{Millis: to.UnixMilli()}, Since: from})
		if err != nil {
			return false, fmt.Errorf("section %s: %w", slug, err)
		}
		if len(arts) > 0 {
			return true, nil
		}
	}
	return false, nil
}
