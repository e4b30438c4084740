package redisstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// scanCount is the COUNT hint of each SCAN step in DeleteBlobs.
const scanCount = 500

// SourceState returns the fetch state of sourceID, or ErrNotFound.
func (s *Store) SourceState(ctx context.Context, sourceID string) (feedsvc.SourceState, error) {
	var st feedsvc.SourceState
	b, err := s.rdb.Get(ctx, s.key("st", sourceID)).Bytes()
	if err != nil {
		return st, s.fail("source state "+sourceID, err)
	}
	if st, err = feedsvc.DecodeState(b); err != nil {
		return st, fmt.Errorf("redisstore: source state %s: %w", sourceID, err)
	}
	return st, nil
}

// PutSourceState replaces the fetch state of st.SourceID.
func (s *Store) PutSourceState(ctx context.Context, st feedsvc.SourceState) error {
	b, err := feedsvc.EncodeState(st)
	if err != nil {
		return fmt.Errorf("redisstore: %w", err)
	}
	if err := s.rdb.Set(ctx, s.key("st", st.SourceID), b, 0).Err(); err != nil {
		return s.fail("put source state "+st.SourceID, err)
	}
	return nil
}

// Blob returns the blob under key, or ErrNotFound (Redis drops expired
// keys itself).
func (s *Store) Blob(ctx context.Context, key string) ([]byte, error) {
	b, err := s.rdb.Get(ctx, s.key("b", key)).Bytes()
	if err != nil {
		return nil, s.fail("blob "+key, err)
	}
	return b, nil
}

// Blobs returns the blob under each key, nil where there is none, with
// one pipelined GET per key (feedsvc.BlobReader).
func (s *Store) Blobs(ctx context.Context, keys []string) ([][]byte, error) {
	rkeys := make([]string, len(keys))
	for i, k := range keys {
		rkeys[i] = s.key("b", k)
	}
	out, err := s.getPipelined(ctx, rkeys)
	if err != nil {
		return nil, s.fail(fmt.Sprintf("%d blobs", len(keys)), err)
	}
	return out, nil
}

// PutBlob stores b under key with a PX expiry when ttl > 0 (at least 1ms).
func (s *Store) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	if err := s.rdb.Set(ctx, s.key("b", key), b, blobTTL(ttl)).Err(); err != nil {
		return s.fail("put blob "+key, err)
	}
	return nil
}

// PutBlobs stores every blob as PutBlob does, pipelined: one round trip
// (per primary on a cluster) instead of one per blob. Each blob's key is a
// slot of its own, so no transaction could hold two of them on a cluster
// (TestOneSlotPerOperation), and a failure midway may leave part of the
// batch stored, as PutBlob blob by blob would (feedsvc.BlobBatcher).
func (s *Store) PutBlobs(ctx context.Context, blobs []feedsvc.Blob) error {
	if len(blobs) == 0 {
		return nil
	}
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, bl := range blobs {
			p.Set(ctx, s.key("b", bl.Key), bl.Value, blobTTL(bl.TTL))
		}
		return nil
	})
	if err != nil {
		return s.fail(fmt.Sprintf("put %d blobs", len(blobs)), err)
	}
	return nil
}

// blobTTL is a blob's expiry as SET PX takes it: at least 1ms, 0 for none.
func blobTTL(ttl time.Duration) time.Duration {
	if ttl > 0 {
		return max(ttl.Round(time.Millisecond), time.Millisecond)
	}
	return 0
}

// DeleteBlobs removes every blob whose key starts with prefix: SCAN MATCH
// over the escaped key prefix, then UNLINK of each page of keys. On a
// cluster every master is scanned.
func (s *Store) DeleteBlobs(ctx context.Context, prefix string) error {
	match := escapeGlob(s.space("b")+prefix) + "*"
	var err error
	if cc, ok := s.rdb.(*redis.ClusterClient); ok {
		err = cc.ForEachMaster(ctx, func(ctx context.Context, c *redis.Client) error {
			return scanUnlink(ctx, c, match)
		})
	} else {
		err = scanUnlink(ctx, s.rdb, match)
	}
	if err != nil {
		return s.fail("delete blobs "+prefix, err)
	}
	return nil
}

// scanUnlink unlinks every key of one node matching the glob match. Keys
// are unlinked one per command, pipelined, as they may hash to different
// cluster slots.
func scanUnlink(ctx context.Context, c redis.Cmdable, match string) error {
	var cursor uint64
	for {
		keys, next, err := c.Scan(ctx, cursor, match, scanCount).Result()
		if err != nil {
			return err
		}
		if len(keys) > 0 {
			pipe := c.Pipeline()
			for _, k := range keys {
				pipe.Unlink(ctx, k)
			}
			if _, err := pipe.Exec(ctx); err != nil {
				return err
			}
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

// escapeGlob quotes the characters Redis glob patterns treat specially.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]\^`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
