package redisstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// maxPutAttempts bounds the optimistic retries of an article that another
// writer changed between read and write.
const maxPutAttempts = 50

// PutArticles inserts or replaces arts by ID, in per-slot steps that keep
// it correct on a Redis Cluster as on one node: one pipeline reads what
// the store knows about the batch's ids; one pipeline writes each changed
// article's record and meta in one script on the article's slot,
// compared and set on the meta's nonce (an article another writer changed
// meanwhile is read and written again); then reconcile moves the section
// indexes, URL entries and section versions. The batch is validated
// first, so an ErrInvalid writes nothing; identical re-puts write nothing
// and leave section versions alone.
func (s *Store) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	if err := feedsvc.CheckPut(arts); err != nil {
		return fmt.Errorf("redisstore: %w", err)
	}
	if len(arts) == 0 {
		return nil
	}
	op := fmt.Sprintf("put %d articles", len(arts))
	touched := map[string]*touch{}
	err := s.retrySlots(ctx, arts, func(todo []feedsvc.Article) ([]feedsvc.Article, error) {
		return s.putOnce(ctx, todo, touched)
	})
	if rerr := s.reconcile(ctx, touched); err == nil {
		err = rerr
	}
	return s.putErr(op, err)
}

// retrySlots runs step on todo until it reports nothing left to retry,
// backing off with jitter so that contending writers interleave.
func (s *Store) retrySlots(ctx context.Context, todo []feedsvc.Article, step func([]feedsvc.Article) ([]feedsvc.Article, error)) error {
	for attempt := 1; ; attempt++ {
		var err error
		if todo, err = step(todo); err != nil || len(todo) == 0 {
			return err
		}
		if attempt == maxPutAttempts {
			return fmt.Errorf("%d articles changed by other writers %d times", len(todo), attempt)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
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

// putOnce reads the metas of arts, writes every changed article's slot,
// records what each write touched and returns the articles whose slot
// another writer changed first.
func (s *Store) putOnce(ctx context.Context, arts []feedsvc.Article, touched map[string]*touch) ([]feedsvc.Article, error) {
	ids := make([]string, len(arts))
	for i := range arts {
		ids[i] = arts[i].ID
	}
	read, err := s.metasOf(ctx, s.rdb, ids)
	if err != nil {
		return nil, err
	}
	prev := maps.Clone(read)
	final := map[string]int{} // id -> index in writes
	var writes []casWrite
	now := s.now()
	for i := range arts {
		w, changed, err := nextWrite(arts[i], prev[arts[i].ID], now)
		if err != nil {
			return nil, err
		}
		if !changed {
			continue
		}
		w.expect = read[w.id].nonce
		prev[w.id] = w.next
		if j, ok := final[w.id]; ok {
			writes[j] = w
			continue
		}
		final[w.id] = len(writes)
		writes = append(writes, w)
	}
	lost, err := s.writeSlots(ctx, writes)
	if err != nil {
		return nil, err
	}
	for _, w := range writes {
		if !slices.Contains(lost, w.id) {
			t := touched[w.id]
			if t == nil {
				t = &touch{}
				touched[w.id] = t
			}
			t.add(read[w.id])
			t.add(w.next)
			t.wrote = &w.next
		}
	}
	var again []feedsvc.Article
	for i := range arts {
		if slices.Contains(lost, arts[i].ID) {
			again = append(again, arts[i])
		}
	}
	return again, nil
}

// nextWrite returns the write that stores a over old, and whether a
// differs from what is stored.
func nextWrite(a feedsvc.Article, old meta, now time.Time) (casWrite, bool, error) {
	c := feedsvc.StoredArticle(a, old.firstSeen, now)
	js, err := feedsvc.EncodeArticle(c)
	if err != nil {
		return casWrite{}, false, fmt.Errorf("redisstore: %w: %w", feedsvc.ErrInvalid, err)
	}
	next := meta{found: true, sections: feedsvc.SectionSet(c.Sections), url: c.URL, firstSeen: c.FirstSeen,
		sum: checksum(js), nonce: newNonce(), score: feedsvc.CursorOf(&c).Millis, recent: feedsvc.EncodeRecent(feedsvc.RecentOf(&c))}
	if old.found && old.sum == next.sum {
		return casWrite{}, false, nil
	}
	return casWrite{id: a.ID, body: js, next: next}, true, nil
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
	if len(cmds) == 0 {
		return map[string]meta{}, nil
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
