package boltstore

import (
	"bytes"
	"context"
	"crypto/sha1"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// PutArticles inserts or replaces arts by ID in one transaction, moving
// each in the section indexes it lists and in the URL index; it returns
// once the transaction is on disk. The batch is validated first, so an
// ErrInvalid writes nothing; identical re-puts write nothing (over a
// record of an older version, only the record) and leave section versions
// alone.
func (s *Store) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	if err := feedsvc.CheckPut(arts); err != nil {
		return fmt.Errorf("boltstore: %w", err)
	}
	if len(arts) == 0 {
		return nil
	}
	now := s.now()
	return s.update(ctx, fmt.Sprintf("put %d articles", len(arts)), func(tx *bolt.Tx) error {
		changed := map[string]bool{}
		for i := range arts {
			if err := put(tx, arts[i], now, changed); err != nil {
				return err
			}
		}
		for slug := range changed {
			if err := bump(tx, slug); err != nil {
				return err
			}
		}
		return nil
	})
}

// put stores one article and records the sections it touched in changed.
func put(tx *bolt.Tx, a feedsvc.Article, now time.Time, changed map[string]bool) error {
	ab := tx.Bucket(bArticles)
	old := ab.Get([]byte(a.ID))
	var prev *feedsvc.Article
	var firstSeen time.Time
	if old != nil {
		p, err := feedsvc.DecodeArticle(old)
		if err != nil {
			return fmt.Errorf("decode article %s: %w", a.ID, err)
		}
		prev, firstSeen = &p, p.FirstSeen
	}
	c := feedsvc.StoredArticle(a, firstSeen, now)
	js, err := feedsvc.EncodeArticle(c)
	if err != nil {
		return fmt.Errorf("%w: %w", feedsvc.ErrInvalid, err)
	}
	if bytes.Equal(js, old) {
		return nil
	}
	if prev != nil && sameArticle(*prev, js) {
		return ab.Put([]byte(a.ID), js) // an older record version of the same article
	}
	if prev != nil {
		if err := unindex(tx, prev, c.URL, changed); err != nil {
			return err
		}
	}
	if err := ab.Put([]byte(a.ID), js); err != nil {
		return err
	}
	return index(tx, &c, changed)
}

// sameArticle reports whether prev, read from a record of another
// version, is the article whose current record is js: then a put only
// rewrites the record, and leaves the indexes and section versions alone.
func sameArticle(prev feedsvc.Article, js []byte) bool {
	re, err := feedsvc.EncodeArticle(prev)
	return err == nil && bytes.Equal(re, js)
}

// unindex removes prev from its sections, and its URL entry when the URL
// changes to next and the entry still points at it.
func unindex(tx *bolt.Tx, prev *feedsvc.Article, next string, changed map[string]bool) error {
	key := entryKey(feedsvc.CursorOf(prev))
	for _, slug := range feedsvc.SectionSet(prev.Sections) {
		changed[slug] = true
		if err := delEntry(tx, slug, key); err != nil {
			return err
		}
	}
	if prev.URL == "" || prev.URL == next {
		return nil
	}
	ub := tx.Bucket(bURLs)
	if h := urlKey(prev.URL); string(ub.Get(h)) == prev.ID {
		return ub.Delete(h)
	}
	return nil
}

// index adds c to its sections, each entry holding c's Recent, and to
// the URL index.
func index(tx *bolt.Tx, c *feedsvc.Article, changed map[string]bool) error {
	key := entryKey(feedsvc.CursorOf(c))
	recent := feedsvc.EncodeRecent(feedsvc.RecentOf(c))
	for _, slug := range feedsvc.SectionSet(c.Sections) {
		changed[slug] = true
		if err := addEntry(tx, slug, key, recent); err != nil {
			return err
		}
	}
	if c.URL == "" {
		return nil
	}
	return tx.Bucket(bURLs).Put(urlKey(c.URL), []byte(c.ID))
}

// Articles returns the stored articles for ids, in order, skipping ids
// that are not stored.
func (s *Store) Articles(ctx context.Context, ids []string) ([]feedsvc.Article, error) {
	out := make([]feedsvc.Article, 0, len(ids))
	err := s.view(ctx, fmt.Sprintf("get %d articles", len(ids)), func(tx *bolt.Tx) error {
		var err error
		out, err = load(tx, ids, out)
		return err
	})
	return out, err
}

// load appends the stored articles of ids to out.
func load(tx *bolt.Tx, ids []string, out []feedsvc.Article) ([]feedsvc.Article, error) {
	ab := tx.Bucket(bArticles)
	for _, id := range ids {
		v := ab.Get([]byte(id))
		if v == nil {
			continue
		}
		a, err := feedsvc.DecodeArticle(v)
		if err != nil {
			return nil, fmt.Errorf("decode article %s: %w", id, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// LookupURL returns the ID stored under url, or ErrNotFound.
func (s *Store) LookupURL(ctx context.Context, url string) (string, error) {
	var id string
	err := s.view(ctx, "lookup url "+url, func(tx *bolt.Tx) error {
		v := tx.Bucket(bURLs).Get(urlKey(url))
		if v == nil || url == "" {
			return feedsvc.ErrNotFound
		}
		id = string(v)
		return nil
	})
	return id, err
}

// urlKey is the URL index key of a canonical URL: its SHA-1, so that long
// URLs stay within bbolt's key size.
func urlKey(u string) []byte {
	h := sha1.Sum([]byte(u))
	return h[:]
}
