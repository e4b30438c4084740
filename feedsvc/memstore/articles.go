package memstore

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// PutArticles inserts or replaces arts by ID, moving each in the section
// indexes it lists and in the URL index. The batch is validated first, so
// an ErrInvalid leaves the store unchanged. Re-putting an identical
// article changes nothing, not even section versions.
func (s *Store) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	if err := feedsvc.CheckPut(arts); err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "put articles"); err != nil {
		return err
	}
	changed := make(map[string]bool)
	now := s.now()
	for i := range arts {
		s.put(arts[i], now, changed)
	}
	for slug := range changed {
		s.versions[slug]++
	}
	return nil
}

// put stores one article and records the sections it touched in changed.
func (s *Store) put(a feedsvc.Article, now time.Time, changed map[string]bool) {
	prev := s.arts[a.ID]
	var firstSeen time.Time
	if prev != nil {
		firstSeen = prev.FirstSeen
	}
	c := feedsvc.StoredArticle(clone(a), firstSeen, now)
	if prev != nil {
		if reflect.DeepEqual(*prev, c) {
			return
		}
		old := feedsvc.CursorOf(prev)
		for _, slug := range feedsvc.SectionSet(prev.Sections) {
			s.sections[slug].remove(old)
			changed[slug] = true
		}
		if prev.URL != c.URL && s.urls[prev.URL] == a.ID {
			delete(s.urls, prev.URL)
		}
	}
	s.arts[a.ID] = &c
	cur := feedsvc.CursorOf(&c)
	for _, slug := range feedsvc.SectionSet(c.Sections) {
		x := s.sections[slug]
		if x == nil {
			x = &index{}
			s.sections[slug] = x
		}
		x.insert(cur)
		changed[slug] = true
	}
	if c.URL != "" {
		s.urls[c.URL] = a.ID
	}
}

// Articles returns copies of the stored articles for ids, in order,
// skipping unknown ids.
func (s *Store) Articles(ctx context.Context, ids []string) ([]feedsvc.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "articles"); err != nil {
		return nil, err
	}
	out := make([]feedsvc.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := s.arts[id]; ok {
			out = append(out, clone(*a))
		}
	}
	return out, nil
}

// LookupURL returns the ID stored under url, or ErrNotFound.
func (s *Store) LookupURL(ctx context.Context, url string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "lookup url"); err != nil {
		return "", err
	}
	id, ok := s.urls[url]
	if !ok || url == "" {
		return "", fmt.Errorf("memstore: lookup url %s: %w", url, feedsvc.ErrNotFound)
	}
	return id, nil
}

// clone deep-copies a so that neither side can mutate the other's slices.
func clone(a feedsvc.Article) feedsvc.Article {
	a.Authors = slices.Clone(a.Authors)
	a.Photographers = slices.Clone(a.Photographers)
	a.Categories = slices.Clone(a.Categories)
	a.Images = slices.Clone(a.Images)
	a.Attachments = slices.Clone(a.Attachments)
	a.Sections = slices.Clone(a.Sections)
	a.AlsoIn = slices.Clone(a.AlsoIn)
	return a
}
