package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// SectionOldest returns up to limit entries of the section slug, oldest
// first, and the size of its index (kept in bucket n, so O(log N + limit)).
func (s *Store) SectionOldest(ctx context.Context, slug string, limit int) ([]feedsvc.Cursor, int, error) {
	out, n := []feedsvc.Cursor{}, 0
	err := s.view(ctx, "section oldest "+slug, func(tx *bolt.Tx) error {
		b := tx.Bucket(bSections).Bucket([]byte(slug))
		if b == nil {
			return nil
		}
		n = entryCount(tx, slug)
		c := b.Cursor()
		for k, _ := c.First(); k != nil && len(out) < limit; k, _ = c.Next() {
			out = append(out, feedsvc.Cursor{Millis: entryMillis(k), ID: string(k[8:])})
		}
		return nil
	})
	return out, n, err
}

// RemoveFromSection takes ids out of the section slug in one transaction,
// deleting each article that is then in no section (with its URL entry
// while that still points at it).
func (s *Store) RemoveFromSection(ctx context.Context, slug string, ids []string) error {
	return s.update(ctx, "remove from section "+slug, func(tx *bolt.Tx) error {
		changed := map[string]bool{}
		for _, id := range ids {
			if err := removeOne(tx, slug, id, changed); err != nil {
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

// removeOne takes id out of slug and records the sections it changed.
func removeOne(tx *bolt.Tx, slug, id string, changed map[string]bool) error {
	ab := tx.Bucket(bArticles)
	v := ab.Get([]byte(id))
	if v == nil || slug == "" {
		return nil
	}
	a, err := feedsvc.DecodeArticle(v)
	if err != nil {
		return fmt.Errorf("decode article %s: %w", id, err)
	}
	if !slices.Contains(a.Sections, slug) {
		return nil
	}
	if err := delEntry(tx, slug, entryKey(feedsvc.CursorOf(&a))); err != nil {
		return err
	}
	changed[slug] = true
	if !feedsvc.LeaveSection(&a, slug) {
		ub := tx.Bucket(bURLs)
		if a.URL != "" && string(ub.Get(urlKey(a.URL))) == id {
			if err := ub.Delete(urlKey(a.URL)); err != nil {
				return err
			}
		}
		return ab.Delete([]byte(id))
	}
	js, err := feedsvc.EncodeArticle(a)
	if err != nil {
		return err
	}
	for _, other := range feedsvc.SectionSet(a.Sections) {
		changed[other] = true
	}
	return ab.Put([]byte(id), js)
}

// addEntry adds key to the index of slug, counting it when it is new.
func addEntry(tx *bolt.Tx, slug string, key, recent []byte) error {
	b, err := tx.Bucket(bSections).CreateBucketIfNotExists([]byte(slug))
	if err != nil {
		return fmt.Errorf("section %q: %w: %w", slug, feedsvc.ErrInvalid, err)
	}
	present := has(b, key)
	if err := b.Put(key, recent); err != nil {
		return err
	}
	if present {
		return nil
	}
	return addCount(tx, slug, 1)
}

// delEntry removes key from the index of slug, counting it when present.
func delEntry(tx *bolt.Tx, slug string, key []byte) error {
	b := tx.Bucket(bSections).Bucket([]byte(slug))
	if b == nil || !has(b, key) {
		return nil
	}
	if err := b.Delete(key); err != nil {
		return err
	}
	return addCount(tx, slug, -1)
}

// has reports whether b holds key.
func has(b *bolt.Bucket, key []byte) bool {
	k, _ := b.Cursor().Seek(key)
	return k != nil && bytes.Equal(k, key)
}

// entryCount returns the number of entries in the index of slug.
func entryCount(tx *bolt.Tx, slug string) int {
	if v := tx.Bucket(bCounts).Get([]byte(slug)); len(v) == 8 {
		return int(binary.BigEndian.Uint64(v))
	}
	return 0
}

// addCount adds d to the entry count of slug.
func addCount(tx *bolt.Tx, slug string, d int) error {
	n := max(entryCount(tx, slug)+d, 0)
	return tx.Bucket(bCounts).Put([]byte(slug), binary.BigEndian.AppendUint64(nil, uint64(n)))
}
