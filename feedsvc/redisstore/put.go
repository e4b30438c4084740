package redisstore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// maxPutAttempts bounds the optimistic retries of a batch whose articles
// another writer changed between read and write.
const maxPutAttempts = 50

// PutArticles inserts or replaces arts by ID. One pipeline reads what the
// store knows about the batch's ids, one MULTI/EXEC writes articles, index
// moves, URL entries and section versions. The meta keys are WATCHed, so
// concurrent puts of the same article (other goroutines, other replicas)
// retry instead of leaving it indexed in a section it left; on a cluster,
// where the keys span slots, the put is not isolated. The batch is
// validated first, so an ErrInvalid writes nothing; identical re-puts
// write nothing and leave section versions alone.
func (s *Store) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	for i := range arts {
		if arts[i].ID == "" {
			return fmt.Errorf("redisstore: put article %d (%s): missing ID: %w", i, arts[i].URL, feedsvc.ErrInvalid)
		}
	}
	if len(arts) == 0 {
		return nil
	}
	var keys []string
	for i := range arts {
		if k := s.key("m", arts[i].ID); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return s.watched(ctx, fmt.Sprintf("put %d articles", len(arts)), keys,
		func(c redis.Cmdable) error { return s.putOnce(ctx, c, arts) })
}

// watched runs fn in an optimistic transaction WATCHing keys, retrying
// with jittered backoff while another writer changes them, and wraps its
// error for op. On a cluster, where keys span slots, fn runs once on the
// cluster client, not isolated.
func (s *Store) watched(ctx context.Context, op string, keys []string, fn func(c redis.Cmdable) error) error {
	if _, ok := s.rdb.(*redis.ClusterClient); ok {
		return s.putErr(op, fn(s.rdb))
	}
	for attempt := 1; ; attempt++ {
		err := s.rdb.Watch(ctx, func(tx *redis.Tx) error { return fn(tx) }, keys...)
		if !errors.Is(err, redis.TxFailedErr) || attempt == maxPutAttempts {
			return s.putErr(op, err)
		}
		// Back off with jitter so that contending writers interleave.
		select {
		case <-ctx.Done():
			return s.putErr(op, ctx.Err())
		case <-time.After(time.Duration(rand.Int64N(int64(min(attempt, 10)) * int64(time.Millisecond)))):
		}
	}
}

// putErr wraps a PutArticles error once; encoding errors already are.
func (s *Store) putErr(op string, err error) error {
	if err == nil || errors.Is(err, feedsvc.ErrInvalid) {
		return err
	}
	return s.fail(op, err)
}

// putOnce reads the batch's meta through c and writes the batch in one
// transaction on c (a WATCHing *redis.Tx, or the cluster client).
func (s *Store) putOnce(ctx context.Context, c redis.Cmdable, arts []feedsvc.Article) error {
	prev, err := s.metas(ctx, c, arts)
	if err != nil {
		return err
	}
	tx := c.TxPipeline()
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
	_, err = tx.Exec(ctx)
	return err
}

// metas reads the meta hash of every distinct id in arts in one pipeline.
func (s *Store) metas(ctx context.Context, c redis.Cmdable, arts []feedsvc.Article) (map[string]meta, error) {
	ids := make([]string, len(arts))
	for i := range arts {
		ids[i] = arts[i].ID
	}
	return s.metasOf(ctx, c, ids)
}

// metasOf reads the meta hash of every distinct id in one pipeline.
func (s *Store) metasOf(ctx context.Context, c redis.Cmdable, ids []string) (map[string]meta, error) {
	pipe := c.Pipeline()
	cmds := map[string]*redis.SliceCmd{}
	for _, id := range ids {
		if cmds[id] == nil {
			cmds[id] = pipe.HMGet(ctx, s.key("m", id), metaFields...)
		}
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, err
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
		return fmt.Errorf("redisstore: encode article %s: %w: %w", a.ID, feedsvc.ErrInvalid, err)
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
