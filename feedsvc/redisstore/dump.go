package redisstore

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var _ feedsvc.Dumper = (*Store)(nil)

// Dump calls fn for every blob (with its remaining expiry), source state
// and article under the store's prefix: SCAN MATCH per key space, then one
// pipeline of GET (and PTTL for blobs) per page of keys. On a cluster
// every master is scanned. It is not a snapshot: keys written during the
// dump may or may not be seen. fn is called from one goroutine at a time
// (go-redis scans the masters of a cluster concurrently).
func (s *Store) Dump(ctx context.Context, fn func(feedsvc.Record) error) error {
	var mu sync.Mutex
	each := fn
	fn = func(r feedsvc.Record) error {
		mu.Lock()
		defer mu.Unlock()
		return each(r)
	}
	for _, kind := range []string{"b", "st", "a"} {
		match := escapeGlob(s.space(kind)) + "*"
		scan := func(ctx context.Context, c redis.Cmdable) error { return s.dumpNode(ctx, c, kind, match, fn) }
		var err error
		if cc, ok := s.rdb.(*redis.ClusterClient); ok {
			err = cc.ForEachMaster(ctx, func(ctx context.Context, c *redis.Client) error { return scan(ctx, c) })
		} else {
			err = scan(ctx, s.rdb)
		}
		if err != nil {
			return s.dumpErr(kind, err)
		}
	}
	return nil
}

// dumpErr wraps a Dump error: Redis errors through fail, the callback's
// and decoding errors as they are.
func (s *Store) dumpErr(kind string, err error) error {
	var dec *decodeError
	if errors.As(err, &dec) {
		return fmt.Errorf("redisstore: dump %s: %w", kind, err)
	}
	if errors.Is(err, errCallback) {
		return err
	}
	return s.fail("dump "+kind, err)
}

// errCallback marks errors returned by Dump's callback.
var errCallback = errors.New("dump callback")

// decodeError is a stored value Dump cannot read.
type decodeError struct {
	key string
	err error
}

func (e *decodeError) Error() string { return fmt.Sprintf("decode %s: %v", e.key, e.err) }
func (e *decodeError) Unwrap() error { return e.err }

// dumpNode scans one node for keys matching match and emits their records.
func (s *Store) dumpNode(ctx context.Context, c redis.Cmdable, kind, match string, fn func(feedsvc.Record) error) error {
	var cursor uint64
	for {
		keys, next, err := c.Scan(ctx, cursor, match, scanCount).Result()
		if err != nil {
			return err
		}
		if err := s.dumpKeys(ctx, c, kind, keys, fn); err != nil {
			return err
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

// dumpKeys reads keys of one kind in a pipeline and emits their records;
// keys that vanished since the SCAN are skipped.
func (s *Store) dumpKeys(ctx context.Context, c redis.Cmdable, kind string, keys []string, fn func(feedsvc.Record) error) error {
	if len(keys) == 0 {
		return nil
	}
	pipe := c.Pipeline()
	gets := make([]*redis.StringCmd, len(keys))
	ttls := make([]*redis.DurationCmd, len(keys))
	for i, k := range keys {
		gets[i] = pipe.Get(ctx, k)
		if kind == "b" {
			ttls[i] = pipe.PTTL(ctx, k)
		}
	}
	_, _ = pipe.Exec(ctx) // errors are checked per command below
	now := s.now()
	for i, k := range keys {
		v, err := gets[i].Bytes()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			return err
		}
		r, err := record(kind, s.name(kind, k), v)
		if err != nil {
			return &decodeError{key: k, err: err}
		}
		if ttls[i] != nil {
			if d := ttls[i].Val(); d > 0 {
				r.Expires = now.Add(d).UTC()
			}
		}
		r.Version = feedsvc.RecordVersion
		if err := fn(r); err != nil {
			return fmt.Errorf("%w: %w", errCallback, err)
		}
	}
	return nil
}

// record decodes the value v of a key of kind named name.
func record(kind, name string, v []byte) (feedsvc.Record, error) {
	switch kind {
	case "b":
		return feedsvc.Record{Type: feedsvc.RecordBlob, Key: name, Data: v}, nil
	case "st":
		st, err := feedsvc.DecodeState(v)
		if err != nil {
			return feedsvc.Record{}, err
		}
		return feedsvc.Record{Type: feedsvc.RecordState, State: &st}, nil
	}
	a, err := feedsvc.DecodeArticle(v)
	if err != nil {
		return feedsvc.Record{}, err
	}
	return feedsvc.Record{Type: feedsvc.RecordArticle, Article: &a}, nil
}
