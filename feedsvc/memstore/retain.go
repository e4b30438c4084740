package memstore

import (
	"context"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// SectionOldest returns up to limit entries of the section slug, oldest
// first, and the size of its index.
func (s *Store) SectionOldest(ctx context.Context, slug string, limit int) ([]feedsvc.Cursor, int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "section oldest "+slug); err != nil {
		return nil, 0, err
	}
	x := s.sections[slug]
	if x == nil {
		return []feedsvc.Cursor{}, 0, nil
	}
	n := len(x.entries)
	out := make([]feedsvc.Cursor, 0, min(max(limit, 0), n))
	for i := n - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, x.entries[i])
	}
	return out, n, nil
}

// RemoveFromSection takes ids out of the section slug, deleting each
// article that is then in no section.
func (s *Store) RemoveFromSection(ctx context.Context, slug string, ids []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "remove from section "+slug); err != nil {
		return err
	}
	changed := map[string]bool{}
	for _, id := range ids {
		s.removeOne(slug, id, changed)
	}
	for slug := range changed {
		s.versions[slug]++
	}
	return nil
}

// removeOne takes id out of slug and records the sections it changed.
func (s *Store) removeOne(slug, id string, changed map[string]bool) {
	a := s.arts[id]
	if a == nil || slug == "" || !slices.Contains(a.Sections, slug) {
		return
	}
	if x := s.sections[slug]; x != nil {
		x.remove(feedsvc.CursorOf(a))
	}
	changed[slug] = true
	c := clone(*a)
	if !feedsvc.LeaveSection(&c, slug) {
		delete(s.arts, id)
		if a.URL != "" && s.urls[a.URL] == id {
			delete(s.urls, a.URL)
		}
		return
	}
	s.arts[id] = &c
	for _, other := range feedsvc.SectionSet(c.Sections) {
		changed[other] = true
	}
}
