package redisstore

import (
	"context"
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

// RemoveFromSection takes ids out of the section slug: each article that
// is then in no section is deleted (record, meta, URL entry), the others
// are rewritten without slug, each in one compare-and-set script on its
// slot (a concurrent put of the same article makes it read and write
// again instead of being undone); then reconcile drops the index and URL
// entries.
func (s *Store) RemoveFromSection(ctx context.Context, slug string, ids []string) error {
	ids = feedsvc.SectionSet(ids) // distinct, non-empty (the same rule as slugs)
	if slug == "" || len(ids) == 0 {
		return nil
	}
	touched := map[string]*touch{}
	todo := make([]feedsvc.Article, len(ids))
	for i, id := range ids {
		todo[i] = feedsvc.Article{ID: id}
	}
	err := s.retrySlots(ctx, todo, func(todo []feedsvc.Article) ([]feedsvc.Article, error) {
		return s.removeOnce(ctx, slug, todo, touched)
	})
	if rerr := s.reconcile(ctx, touched); err == nil {
		err = rerr
	}
	return s.putErr(fmt.Sprintf("remove %d articles from section %s", len(ids), slug), err)
}

// removeOnce reads the metas of todo (and the records of those that stay
// in another section), writes their slots and returns those another
// writer changed first.
func (s *Store) removeOnce(ctx context.Context, slug string, todo []feedsvc.Article, touched map[string]*touch) ([]feedsvc.Article, error) {
	ids := make([]string, len(todo))
	for i := range todo {
		ids[i] = todo[i].ID
	}
	metas, err := s.metasOf(ctx, s.rdb, ids)
	if err != nil {
		return nil, err
	}
	var kept []string
	for _, id := range ids {
		if m := metas[id]; m.found && len(m.sections) > 1 && slices.Contains(m.sections, slug) {
			kept = append(kept, id)
		}
	}
	bodies, err := s.bodies(ctx, s.rdb, kept)
	if err != nil {
		return nil, err
	}
	var writes []casWrite
	for _, id := range ids {
		m := metas[id]
		if !m.found || !slices.Contains(m.sections, slug) {
			continue
		}
		w, err := leaveWrite(slug, id, m, bodies[id])
		if err != nil {
			return nil, err
		}
		writes = append(writes, w)
	}
	lost, err := s.writeSlots(ctx, writes)
	if err != nil {
		return nil, err
	}
	var again []feedsvc.Article
	for _, w := range writes {
		if slices.Contains(lost, w.id) {
			again = append(again, feedsvc.Article{ID: w.id})
			continue
		}
		if touched[w.id] == nil {
			touched[w.id] = &touch{}
		}
		touched[w.id].add(metas[w.id])
		touched[w.id].wrote = &w.next
	}
	return again, nil
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

// leaveWrite returns the write that takes article id, whose meta is m and
// record body, out of slug: a deletion when slug is its only section (or
// its record is missing), else its record and meta without slug.
func leaveWrite(slug, id string, m meta, body []byte) (casWrite, error) {
	w := casWrite{id: id, expect: m.nonce}
	if len(m.sections) <= 1 || body == nil {
		return w, nil
	}
	a, err := feedsvc.DecodeArticle(body)
	if err != nil {
		return w, fmt.Errorf("redisstore: decode article %s: %w", id, err)
	}
	feedsvc.LeaveSection(&a, slug) // kept: m says it is in another section
	js, err := feedsvc.EncodeArticle(a)
	if err != nil {
		return w, fmt.Errorf("redisstore: %w", err)
	}
	m.sections = feedsvc.SectionSet(a.Sections)
	m.sum, m.nonce, m.score = checksum(js), newNonce(), feedsvc.CursorOf(&a).Millis
	m.recent = feedsvc.EncodeRecent(feedsvc.RecentOf(&a))
	w.body, w.next = js, m
	return w, nil
}

// isNil reports whether err is only a missing key.
func isNil(err error) bool { return errors.Is(err, redis.Nil) }
