package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// SectionOldest returns up to limit entries of the section slug, oldest
// first, and the size of its index: one pipeline of ZRANGE WITHSCORES
// and ZCARD, O(log N + limit) in Redis.
func (s *Store) SectionOldest(ctx context.Context, slug string, limit int) ([]feedsvc.Cursor, int, error) {
	key := s.key("s", slug)
	pipe := s.rdb.Pipeline()
	var zr *redis.ZSliceCmd
	if limit > 0 {
		zr = pipe.ZRangeWithScores(ctx, key, 0, int64(limit-1))
	}
	card := pipe.ZCard(ctx, key)
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, 0, s.fail("section oldest "+slug, err)
	}
	out := []feedsvc.Cursor{}
	if zr != nil {
		for _, z := range zr.Val() {
			id, _ := z.Member.(string)
			out = append(out, feedsvc.Cursor{Millis: int64(z.Score), ID: id})
		}
	}
	return out, int(card.Val()), nil
}

// RemoveFromSection takes ids out of the section slug in one WATCHed
// transaction on their meta keys (so a concurrent put of the same article
// retries instead of being undone), deleting each article that is then in
// no section: its record, meta and URL entry.
func (s *Store) RemoveFromSection(ctx context.Context, slug string, ids []string) error {
	ids = sectionSet(ids) // distinct, non-empty
	if slug == "" || len(ids) == 0 {
		return nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = s.key("m", id)
	}
	return s.watched(ctx, fmt.Sprintf("remove %d articles from section %s", len(ids), slug), keys,
		func(c redis.Cmdable) error { return s.removeOnce(ctx, c, slug, ids) })
}

// removeOnce reads the metas of ids (and the records of those that stay
// in another section) through c and writes the removal in one
// transaction on c.
func (s *Store) removeOnce(ctx context.Context, c redis.Cmdable, slug string, ids []string) error {
	metas, err := s.metasOf(ctx, c, ids)
	if err != nil {
		return err
	}
	var gone, kept []string
	for _, id := range ids {
		m := metas[id]
		switch {
		case !m.found || !slices.Contains(m.sections, slug):
		case len(m.sections) == 1:
			gone = append(gone, id)
		default:
			kept = append(kept, id)
		}
	}
	if len(gone)+len(kept) == 0 {
		return nil
	}
	bodies, err := s.bodies(ctx, c, kept)
	if err != nil {
		return err
	}
	tx := c.TxPipeline()
	changed := map[string]bool{slug: true}
	for _, id := range append(gone, kept...) {
		tx.ZRem(ctx, s.key("s", slug), id)
	}
	for _, id := range gone {
		s.queueDelete(ctx, tx, id, metas[id])
	}
	for _, id := range kept {
		if err := s.queueLeave(ctx, tx, slug, id, metas[id], bodies[id], changed); err != nil {
			return err
		}
	}
	for sec := range changed {
		tx.Incr(ctx, s.key("v", sec))
	}
	_, err = tx.Exec(ctx)
	return err
}

// bodies reads the stored records of ids through c.
func (s *Store) bodies(ctx context.Context, c redis.Cmdable, ids []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	pipe := c.Pipeline()
	cmds := make([]*redis.StringCmd, len(ids))
	for i, id := range ids {
		cmds[i] = pipe.Get(ctx, s.key("a", id))
	}
	if _, err := pipe.Exec(ctx); err != nil && !isNil(err) {
		return nil, err
	}
	for i, cmd := range cmds {
		if b, err := cmd.Bytes(); err == nil {
			out[ids[i]] = b
		}
	}
	return out, nil
}

// queueDelete queues the deletion of article id: record, meta and its URL
// entry when that still maps to id.
func (s *Store) queueDelete(ctx context.Context, tx redis.Pipeliner, id string, m meta) {
	tx.Del(ctx, s.key("a", id))
	tx.Del(ctx, s.key("m", id))
	if m.url != "" {
		compareAndDelete.Eval(ctx, tx, []string{s.key("u", urlHash(m.url))}, id)
	}
}

// queueLeave queues the rewrite of article id without slug in its
// Sections, and records the sections it stays in as changed.
func (s *Store) queueLeave(ctx context.Context, tx redis.Pipeliner, slug, id string, m meta, body []byte, changed map[string]bool) error {
	if body == nil { // meta without a record: nothing left to keep
		s.queueDelete(ctx, tx, id, m)
		return nil
	}
	a, err := decode(body)
	if err != nil {
		return fmt.Errorf("redisstore: decode article %s: %w", id, err)
	}
	a.Sections = slices.DeleteFunc(a.Sections, func(x string) bool { return x == slug })
	js, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("redisstore: encode article %s: %w", id, err)
	}
	m.sections = slices.DeleteFunc(slices.Clone(m.sections), func(x string) bool { return x == slug })
	m.sum = checksum(js)
	tx.Set(ctx, s.key("a", id), js, 0)
	tx.HSet(ctx, s.key("m", id), m.fields()...)
	for _, sec := range m.sections {
		changed[sec] = true
	}
	return nil
}

// isNil reports whether err is only a missing key.
func isNil(err error) bool { return errors.Is(err, redis.Nil) }
