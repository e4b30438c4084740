package redisstore

import (
	"context"
	"strings"

	"github.com/redis/go-redis/v9"
)

// layoutVersion is the key layout the store writes, recorded under
// {p}layout: 2 is the hash-tagged layout ({p}a:{id}); 1, before it, had no
// braces ({p}a:id).
const layoutVersion = "2"

// kinds are the key spaces of the store.
var kinds = []string{"a", "m", "s", "u", "v", "st", "b", "l"}

// migrate renames the keys of layout 1 to layout 2 once, at open, so that
// a single-node (or Sentinel) deployment keeps its data across the
// upgrade: SCAN the prefix, RENAMENX each old key to its tagged name
// (expiries move with it), and drop an old key whose new name a newer
// write already holds. Replicas may run it at the same time: each rename
// happens once. A Redis Cluster never held layout 1 through REDIS_URL and
// is only marked.
func (s *Store) migrate(ctx context.Context) error {
	marker := s.p + "layout"
	v, err := s.rdb.Get(ctx, marker).Result()
	if err == nil && v == layoutVersion {
		return nil
	}
	if err != nil && !isNil(err) {
		return err
	}
	if _, ok := s.rdb.(*redis.ClusterClient); !ok {
		if err := s.renameLegacy(ctx); err != nil {
			return err
		}
	}
	return s.rdb.Set(ctx, marker, layoutVersion, 0).Err()
}

// renameLegacy renames every layout-1 key under the prefix, a pipeline
// of RENAMENX per SCAN page.
func (s *Store) renameLegacy(ctx context.Context) error {
	var cursor uint64
	for {
		keys, next, err := s.rdb.Scan(ctx, cursor, escapeGlob(s.p)+"*", scanCount).Result()
		if err != nil {
			return err
		}
		if err := s.renamePage(ctx, keys); err != nil {
			return err
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

// renamePage moves the layout-1 keys among keys to their tagged names;
// an old key whose new name exists is dropped, one another replica moved
// meanwhile is skipped.
func (s *Store) renamePage(ctx context.Context, keys []string) error {
	pipe := s.rdb.Pipeline()
	moves := map[string]*redis.BoolCmd{}
	for _, k := range keys {
		if to, ok := s.tagged(k); ok {
			moves[k] = pipe.RenameNX(ctx, k, to)
		}
	}
	if len(moves) == 0 {
		return nil
	}
	_, _ = pipe.Exec(ctx) // errors are checked per command below
	var stale []string
	for k, c := range moves {
		ok, err := c.Result()
		switch {
		case err != nil && strings.Contains(err.Error(), "no such key"):
		case err != nil:
			return err
		case !ok:
			stale = append(stale, k)
		}
	}
	for _, k := range stale {
		if err := s.rdb.Del(ctx, k).Err(); err != nil {
			return err
		}
	}
	return nil
}

// tagged returns the layout-2 name of a layout-1 key, and false for keys
// that are not of layout 1.
func (s *Store) tagged(key string) (string, bool) {
	rest := strings.TrimPrefix(key, s.p)
	kind, name, ok := strings.Cut(rest, ":")
	if !ok || name == "" || strings.HasPrefix(name, "{") {
		return "", false
	}
	for _, k := range kinds {
		if k == kind {
			return s.key(kind, name), true
		}
	}
	return "", false
}
