package boltstore

import (
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// entryKey is the index key of a cursor: the sort time in milliseconds as
// 8 big-endian bytes with the sign bit flipped (so negative times sort
// first), then the ID. Ascending key order is oldest first, ties by ID
// ascending, so walking backwards is the feedsvc.Cursor order.
func entryKey(c feedsvc.Cursor) []byte {
	k := make([]byte, 8, 8+len(c.ID))
	binary.BigEndian.PutUint64(k, uint64(c.Millis)^(1<<63))
	return append(k, c.ID...)
}

// entryMillis returns the sort time of an index key.
func entryMillis(k []byte) int64 {
	return int64(binary.BigEndian.Uint64(k[:8]) ^ (1 << 63))
}

// SectionArticles returns a page of the section slug, newest first: a
// seek in the section's bucket, a walk backwards, and a read of each
// article, in one read transaction (O(log N + n)).
func (s *Store) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	out := []feedsvc.Article{}
	err := s.view(ctx, "section "+slug, func(tx *bolt.Tx) error {
		b := tx.Bucket(bSections).Bucket([]byte(slug))
		if b == nil {
			return nil
		}
		var err error
		out, err = load(tx, pageIDs(b.Cursor(), q), out)
		return err
	})
	return out, err
}

// pageIDs returns the IDs of up to q.Limit entries strictly after
// q.Before whose sort time is at or after q.Since.
func pageIDs(c *bolt.Cursor, q feedsvc.Query) []string {
	limit := q.PageLimit()
	var k []byte
	if q.Before.IsZero() {
		k, _ = c.Last()
	} else if k, _ = c.Seek(entryKey(q.Before)); k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	ids := make([]string, 0, limit)
	for ; k != nil && len(ids) < limit; k, _ = c.Prev() {
		if !q.Since.IsZero() && entryMillis(k) < q.Since.UnixMilli() {
			break
		}
		ids = append(ids, string(k[8:]))
	}
	return ids
}

// SectionVersion returns the change counter of the section slug (0 when
// never written).
func (s *Store) SectionVersion(ctx context.Context, slug string) (int64, error) {
	var v int64
	err := s.view(ctx, "section version "+slug, func(tx *bolt.Tx) error {
		if b := tx.Bucket(bVersions).Get([]byte(slug)); len(b) == 8 {
			v = int64(binary.BigEndian.Uint64(b))
		}
		return nil
	})
	return v, err
}

// bump increments the version of slug.
func bump(tx *bolt.Tx, slug string) error {
	b := tx.Bucket(bVersions)
	var v uint64
	if old := b.Get([]byte(slug)); len(old) == 8 {
		v = binary.BigEndian.Uint64(old)
	}
	return b.Put([]byte(slug), binary.BigEndian.AppendUint64(nil, v+1))
}

// SectionRecent returns the Recent entries of up to limit of the newest
// entries of slug, read from the index values; an entry written before
// entries held one is read from its article.
func (s *Store) SectionRecent(ctx context.Context, slug string, limit int) ([]feedsvc.Recent, error) {
	limit = feedsvc.Query{Limit: limit}.PageLimit()
	out := []feedsvc.Recent{}
	err := s.view(ctx, "section recent "+slug, func(tx *bolt.Tx) error {
		b := tx.Bucket(bSections).Bucket([]byte(slug))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && len(out) < limit; k, v = c.Prev() {
			r := feedsvc.Recent{Cursor: feedsvc.Cursor{Millis: entryMillis(k), ID: string(k[8:])}}
			if feedsvc.DecodeRecent(v, &r) != nil {
				arts, err := load(tx, []string{r.ID}, nil)
				if err != nil {
					return err
				}
				if len(arts) == 0 {
					continue
				}
				r = feedsvc.RecentOf(&arts[0])
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}
