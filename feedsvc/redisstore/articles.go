package redisstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// PutArticles inserts or replaces arts by ID in two round trips: one
// pipeline reads what the store knows about the batch's ids, one
// transaction writes articles, index moves, URL entries and section
// versions. The batch is validated first, so an ErrInvalid writes nothing;
// identical re-puts write nothing and leave section versions alone.
func (s *Store) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	for i := range arts {
		if arts[i].ID == "" {
			return fmt.Errorf("redisstore: put article %d (%s): missing ID: %w", i, arts[i].URL, feedsvc.ErrInvalid)
		}
	}
	if len(arts) == 0 {
		return nil
	}
	prev, err := s.metas(ctx, arts)
	if err != nil {
		return err
	}
	tx := s.rdb.TxPipeline()
	changed := map[string]bool{}
	now := s.now()
	for i := range arts {
		if err := s.queuePut(ctx, tx, arts[i], prev, now, changed); err != nil {
			return err
		}
	}
	if tx.Len() == 0 {
		return nil
	}
	for slug := range changed {
		tx.Incr(ctx, s.key("v", slug))
	}
	if _, err := tx.Exec(ctx); err != nil {
		return s.fail(fmt.Sprintf("put %d articles", len(arts)), err)
	}
	return nil
}

// metas reads the meta hash of every distinct id in arts in one pipeline.
func (s *Store) metas(ctx context.Context, arts []feedsvc.Article) (map[string]meta, error) {
	pipe := s.rdb.Pipeline()
	cmds := map[string]*redis.SliceCmd{}
	for i := range arts {
		id := arts[i].ID
		if cmds[id] == nil {
			cmds[id] = pipe.HMGet(ctx, s.key("m", id), metaFields...)
		}
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, s.fail("read article meta", err)
	}
	out := make(map[string]meta, len(cmds))
	for id, cmd := range cmds {
		out[id] = parseMeta(cmd.Val())
	}
	return out, nil
}

// queuePut queues the writes of one article on tx, records the sections
// it touches in changed, and updates prev so that a later article with the
// same ID in the batch sees this one.
func (s *Store) queuePut(ctx context.Context, tx redis.Pipeliner, a feedsvc.Article,
	prev map[string]meta, now time.Time, changed map[string]bool) error {
	old := prev[a.ID]
	c, js, err := canonical(a, old, now)
	if err != nil {
		return fmt.Errorf("redisstore: encode article %s: %w", a.ID, err)
	}
	next := meta{found: true, sections: sectionSet(c.Sections), url: c.URL, firstSeen: c.FirstSeen, sum: checksum(js)}
	if old.found && old.sum == next.sum {
		return nil
	}
	tx.Set(ctx, s.key("a", a.ID), js, 0)
	for _, slug := range old.sections {
		changed[slug] = true
		if !slices.Contains(next.sections, slug) {
			tx.ZRem(ctx, s.key("s", slug), a.ID)
		}
	}
	score := float64(feedsvc.CursorOf(&c).Millis)
	for _, slug := range next.sections {
		changed[slug] = true
		tx.ZAdd(ctx, s.key("s", slug), redis.Z{Score: score, Member: a.ID})
	}
	if old.url != "" && old.url != next.url {
		compareAndDelete.Eval(ctx, tx, []string{s.key("u", urlHash(old.url))}, a.ID)
	}
	if next.url != "" {
		tx.Set(ctx, s.key("u", urlHash(next.url)), a.ID, 0)
	}
	tx.HSet(ctx, s.key("m", a.ID), next.fields()...)
	prev[a.ID] = next
	return nil
}

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
		a, err := decode(v)
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

// getPipelined is getMany for clients where MGET cannot span keys.
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
		case !errors.Is(err, redis.Nil):
			return nil, err
		}
	}
	return out, nil
}
