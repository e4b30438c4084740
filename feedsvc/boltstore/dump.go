package boltstore

import (
	"bytes"
	"context"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var _ feedsvc.Dumper = (*Store)(nil)

// Dump calls fn for every blob, source state and article, in one read
// transaction (a consistent snapshot; writers are not blocked).
func (s *Store) Dump(ctx context.Context, fn func(feedsvc.Record) error) error {
	now := s.now().UnixNano()
	return s.view(ctx, "dump", func(tx *bolt.Tx) error {
		each := func(bucket []byte, rec func(k, v []byte) (feedsvc.Record, bool, error)) error {
			return tx.Bucket(bucket).ForEach(func(k, v []byte) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				r, ok, err := rec(k, v)
				if err != nil || !ok {
					return err
				}
				r.Version = feedsvc.RecordVersion
				return fn(r)
			})
		}
		if err := each(bBlobs, func(k, v []byte) (feedsvc.Record, bool, error) {
			exp := blobExpiry(v)
			r := feedsvc.Record{Type: feedsvc.RecordBlob, Key: string(k), Data: bytes.Clone(v[8:])}
			if exp != 0 {
				r.Expires = time.Unix(0, exp).UTC()
			}
			return r, exp == 0 || exp > now, nil
		}); err != nil {
			return err
		}
		if err := each(bStates, func(k, v []byte) (feedsvc.Record, bool, error) {
			st, err := feedsvc.DecodeState(v)
			if err != nil {
				return feedsvc.Record{}, false, fmt.Errorf("source state %s: %w", k, err)
			}
			return feedsvc.Record{Type: feedsvc.RecordState, State: &st}, true, nil
		}); err != nil {
			return err
		}
		return each(bArticles, func(k, v []byte) (feedsvc.Record, bool, error) {
			a, err := feedsvc.DecodeArticle(v)
			if err != nil {
				return feedsvc.Record{}, false, fmt.Errorf("decode article %s: %w", k, err)
			}
			return feedsvc.Record{Type: feedsvc.RecordArticle, Article: &a}, true, nil
		})
	})
}
