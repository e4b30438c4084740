package redisstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Articles returns the stored articles for ids, in order, skipping ids
// that are not stored.
func (s *Store) Articles(ctx context.Context, ids []string) ([]feedsvc.Article, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = s.key("a", id)
	}
	vals, err := s.getMany(ctx, keys)
	if err != nil {
		return nil, s.fail(fmt.Sprintf("get %d articles", len(ids)), err)
	}
	out := make([]feedsvc.Article, 0, len(ids))
	for i, v := range vals {
		if v == nil {
			continue
		}
		a, err := feedsvc.DecodeArticle(v)
		if err != nil {
			return nil, fmt.Errorf("redisstore: decode article %s: %w", ids[i], err)
		}
		out = append(out, a)
	}
	return out, nil
}

// LookupURL returns the ID stored under url, or ErrNotFound.
func (s *Store) LookupURL(ctx context.Context, url string) (string, error) {
	if url == "" {
		return "", fmt.Errorf("redisstore: lookup empty url: %w", feedsvc.ErrNotFound)
	}
	id, err := s.rdb.Get(ctx, s.key("u", urlHash(url))).Result()
	if err != nil {
		return "", s.fail("lookup url "+url, err)
	}
	return id, nil
}

// getMany reads string keys in one round trip: MGET on a single node, a
// pipeline of GETs on a cluster, where keys span slots. A missing key
// yields nil.
func (s *Store) getMany(ctx context.Context, keys []string) ([][]byte, error) {
	out := make([][]byte, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	if _, ok := s.rdb.(*redis.ClusterClient); ok {
		return s.getPipelined(ctx, keys)
	}
	vals, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		if str, ok := v.(string); ok {
			out[i] = []byte(str)
		}
	}
	return out, nil
}

// getPipelined reads keys with one GET each, pipelined: nil for a
// missing key.
func (s *Store) getPipelined(ctx context.Context, keys []string) ([][]byte, error) {
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.StringCmd, len(keys))
	for i, k := range keys {
		cmds[i] = pipe.Get(ctx, k)
	}
	_, _ = pipe.Exec(ctx) // errors are checked per command below
	out := make([][]byte, len(keys))
	for i, c := range cmds {
		b, err := c.Bytes()
		switch {
		case err == nil:
			out[i] = b
			if b == nil {
				out[i] = []byte{} // an empty value, not a missing one
			}
		case !errors.Is(err, redis.Nil):
			return nil, err
		}
	}
	return out, nil
}
