package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// sweepMax bounds how many expired blobs one PutBlob removes.
const sweepMax = 32

// SourceState returns the fetch state of sourceID, or ErrNotFound.
func (s *Store) SourceState(ctx context.Context, sourceID string) (feedsvc.SourceState, error) {
	var st feedsvc.SourceState
	err := s.view(ctx, "source state "+sourceID, func(tx *bolt.Tx) error {
		v := tx.Bucket(bStates).Get([]byte(sourceID))
		if v == nil {
			return feedsvc.ErrNotFound
		}
		var err error
		st, err = feedsvc.DecodeState(v)
		return err
	})
	return st, err
}

// PutSourceState replaces the fetch state of st.SourceID.
func (s *Store) PutSourceState(ctx context.Context, st feedsvc.SourceState) error {
	b, err := feedsvc.EncodeState(st)
	if err != nil {
		return fmt.Errorf("boltstore: %w", err)
	}
	return s.update(ctx, "put source state "+st.SourceID, func(tx *bolt.Tx) error {
		return tx.Bucket(bStates).Put([]byte(st.SourceID), b)
	})
}

// Blob returns the blob under key, or ErrNotFound when it is missing or
// expired. A blob is stored as 8 bytes of expiry (Unix nanoseconds, 0 for
// none), then its bytes.
func (s *Store) Blob(ctx context.Context, key string) ([]byte, error) {
	var out []byte
	now := s.now().UnixNano()
	err := s.view(ctx, "blob "+key, func(tx *bolt.Tx) error {
		v := tx.Bucket(bBlobs).Get([]byte(key))
		if v == nil || key == "" {
			return feedsvc.ErrNotFound
		}
		if exp := blobExpiry(v); exp != 0 && exp <= now {
			return feedsvc.ErrNotFound
		}
		out = bytes.Clone(v[8:])
		return nil
	})
	return out, err
}

// Blobs returns the blob under each key, nil where Blob returns
// ErrNotFound, in one read transaction (feedsvc.BlobReader).
func (s *Store) Blobs(ctx context.Context, keys []string) ([][]byte, error) {
	out := make([][]byte, len(keys))
	now := s.now().UnixNano()
	err := s.view(ctx, fmt.Sprintf("%d blobs", len(keys)), func(tx *bolt.Tx) error {
		b := tx.Bucket(bBlobs)
		for i, key := range keys {
			v := b.Get([]byte(key))
			if v == nil || key == "" {
				continue
			}
			if exp := blobExpiry(v); exp != 0 && exp <= now {
				continue
			}
			out[i] = bytes.Clone(v[8:])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PutBlob stores b under key; ttl <= 0 means no expiry. A blob with an
// expiry is also listed in the expiry bucket, from which each PutBlob
// removes up to sweepMax expired blobs.
func (s *Store) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	return s.PutBlobs(ctx, []feedsvc.Blob{{Key: key, Value: b, TTL: ttl}})
}

// PutBlobs stores every blob as PutBlob does, in one transaction (one
// fsync): all of them or none.
func (s *Store) PutBlobs(ctx context.Context, blobs []feedsvc.Blob) error {
	if len(blobs) == 0 {
		return nil
	}
	for _, bl := range blobs {
		if bl.Key == "" {
			return fmt.Errorf("boltstore: put blob: empty key: %w", feedsvc.ErrInvalid)
		}
	}
	now := s.now().UnixNano()
	what := "put blob " + blobs[0].Key
	if len(blobs) > 1 {
		what = fmt.Sprintf("put %d blobs", len(blobs))
	}
	return s.update(ctx, what, func(tx *bolt.Tx) error {
		for _, bl := range blobs {
			if err := putBlob(tx, bl, now); err != nil {
				return err
			}
		}
		return sweep(tx, now)
	})
}

// putBlob writes one blob (and its expiry entry) in tx.
func putBlob(tx *bolt.Tx, bl feedsvc.Blob, now int64) error {
	var exp int64
	if bl.TTL > 0 {
		exp = now + int64(bl.TTL)
	}
	if err := dropBlob(tx, []byte(bl.Key)); err != nil {
		return err
	}
	v := append(binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(bl.Value)), uint64(exp)), bl.Value...)
	if err := tx.Bucket(bBlobs).Put([]byte(bl.Key), v); err != nil {
		return err
	}
	if exp != 0 {
		return tx.Bucket(bExpiry).Put(expiryKey(exp, bl.Key), nil)
	}
	return nil
}

// DeleteBlobs removes every blob whose key starts with prefix.
func (s *Store) DeleteBlobs(ctx context.Context, prefix string) error {
	return s.update(ctx, "delete blobs "+prefix, func(tx *bolt.Tx) error {
		var keys [][]byte
		c := tx.Bucket(bBlobs).Cursor()
		for k, _ := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		for _, k := range keys {
			if err := dropBlob(tx, k); err != nil {
				return err
			}
		}
		return nil
	})
}

// dropBlob deletes the blob under key and its expiry entry.
func dropBlob(tx *bolt.Tx, key []byte) error {
	b := tx.Bucket(bBlobs)
	old := b.Get(key)
	if old == nil {
		return nil
	}
	if exp := blobExpiry(old); exp != 0 {
		if err := tx.Bucket(bExpiry).Delete(expiryKey(exp, string(key))); err != nil {
			return err
		}
	}
	return b.Delete(key)
}

// sweep removes up to sweepMax blobs expired at now, oldest expiry first.
func sweep(tx *bolt.Tx, now int64) error {
	var keys [][]byte
	c := tx.Bucket(bExpiry).Cursor()
	for k, _ := c.First(); k != nil && len(keys) < sweepMax; k, _ = c.Next() {
		if int64(binary.BigEndian.Uint64(k[:8])) > now {
			break
		}
		keys = append(keys, bytes.Clone(k[8:]))
	}
	for _, k := range keys {
		if err := dropBlob(tx, k); err != nil {
			return err
		}
	}
	return nil
}

// blobExpiry returns the expiry of a stored blob value (0: none).
func blobExpiry(v []byte) int64 {
	if len(v) < 8 {
		return 0
	}
	return int64(binary.BigEndian.Uint64(v[:8]))
}

// expiryKey is the expiry bucket key of a blob: its expiry, then its key.
func expiryKey(exp int64, key string) []byte {
	return append(binary.BigEndian.AppendUint64(nil, uint64(exp)), key...)
}
