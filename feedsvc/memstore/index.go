package memstore

import (
	"cmp"
	"context"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// index is one section's article list, sorted newest first by
// (Millis desc, ID desc) so that a page is a binary search plus a slice.
type index struct {
	entries []feedsvc.Cursor
}

// compareDesc orders cursors newest first; equal cursors compare 0.
func compareDesc(a, b feedsvc.Cursor) int {
	if c := cmp.Compare(b.Millis, a.Millis); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// insert adds c unless it is already present.
func (x *index) insert(c feedsvc.Cursor) {
	i, found := slices.BinarySearchFunc(x.entries, c, compareDesc)
	if !found {
		x.entries = slices.Insert(x.entries, i, c)
	}
}

// remove deletes c if present.
func (x *index) remove(c feedsvc.Cursor) {
	i, found := slices.BinarySearchFunc(x.entries, c, compareDesc)
	if found {
		x.entries = slices.Delete(x.entries, i, i+1)
	}
}

// page returns the IDs of up to limit entries strictly after q.Before
// whose sort time is at or after q.Since (compared in milliseconds).
func (x *index) page(q feedsvc.Query) []string {
	start := 0
	if !q.Before.IsZero() {
		i, found := slices.BinarySearchFunc(x.entries, q.Before, compareDesc)
		if found {
			i++
		}
		start = i
	}
	limit := q.PageLimit()
	var ids []string
	for _, e := range x.entries[start:min(start+limit, len(x.entries))] {
		if !q.Since.IsZero() && e.Millis < q.Since.UnixMilli() {
			break
		}
		ids = append(ids, e.ID)
	}
	return ids
}

// SectionArticles returns a page of the section slug, newest first.
func (s *Store) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "section "+slug); err != nil {
		return nil, err
	}
	x := s.sections[slug]
	if x == nil {
		return []feedsvc.Article{}, nil
	}
	ids := x.page(q)
	out := make([]feedsvc.Article, 0, len(ids))
	for _, id := range ids {
		out = append(out, clone(*s.arts[id]))
	}
	return out, nil
}

// SectionVersion returns the change counter of the section slug.
func (s *Store) SectionVersion(ctx context.Context, slug string) (int64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "section version "+slug); err != nil {
		return 0, err
	}
	return s.versions[slug], nil
}

// SectionRecent returns the Recent entries of up to limit of the newest
// articles of slug.
func (s *Store) SectionRecent(ctx context.Context, slug string, limit int) ([]feedsvc.Recent, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "section recent "+slug); err != nil {
		return nil, err
	}
	out := []feedsvc.Recent{}
	if x := s.sections[slug]; x != nil {
		for _, id := range x.page(feedsvc.Query{Limit: limit}) {
			out = append(out, feedsvc.RecentOf(s.arts[id]))
		}
	}
	return out, nil
}
