package redisstore

import (
	"context"
	"errors"
	"strconv"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// slack is how many extra index entries a page asks for, to make up for
// entries tied with the cursor's millisecond that must be skipped.
const slack = 8

// SectionArticles returns a page of the section slug, newest first: the
// ids come from the ZSET by score from the cursor down, then one MGET
// reads the articles. A page of n costs O(log N + n) in Redis.
func (s *Store) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	limit := q.PageLimit()
	ids, err := s.pageIDs(ctx, slug, q, limit)
	if err != nil {
		return nil, s.fail("section "+slug, err)
	}
	return s.Articles(ctx, ids)
}

// pageIDs returns up to limit ids strictly after q.Before. Entries with the
// cursor's own score sort first (by id desc) and those with id >= the
// cursor's id are skipped, so it reads on while the page is short.
func (s *Store) pageIDs(ctx context.Context, slug string, q feedsvc.Query, limit int) ([]string, error) {
	args := redis.ZRangeArgs{Key: s.key("s", slug), Start: "+inf", Stop: "-inf", ByScore: true, Rev: true}
	if !q.Before.IsZero() {
		args.Start = strconv.FormatInt(q.Before.Millis, 10)
	}
	if !q.Since.IsZero() {
		args.Stop = strconv.FormatInt(q.Since.UnixMilli(), 10)
	}
	ids := make([]string, 0, limit)
	for {
		args.Count = int64(limit - len(ids) + slack)
		zs, err := s.rdb.ZRangeArgsWithScores(ctx, args).Result()
		if err != nil {
			return nil, err
		}
		for _, z := range zs {
			id, _ := z.Member.(string)
			if !q.Before.IsZero() && int64(z.Score) == q.Before.Millis && id >= q.Before.ID {
				continue
			}
			if ids = append(ids, id); len(ids) == limit {
				return ids, nil
			}
		}
		if int64(len(zs)) < args.Count {
			return ids, nil
		}
		args.Offset += int64(len(zs))
	}
}

// SectionVersion returns the change counter of the section slug (0 when
// never written).
func (s *Store) SectionVersion(ctx context.Context, slug string) (int64, error) {
	v, err := s.rdb.Get(ctx, s.key("v", slug)).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, s.fail("section version "+slug, err)
	}
	return v, nil
}

// SectionRecent returns the Recent entries of up to limit of the newest
// articles of slug: the ids come from the ZSET as for a page, then one
// pipeline reads each article's entry from its meta hash (field "r").
// An article whose meta has none (written before metas held it) is read
// instead, as is every article on a store that predates the field.
func (s *Store) SectionRecent(ctx context.Context, slug string, limit int) ([]feedsvc.Recent, error) {
	limit = feedsvc.Query{Limit: limit}.PageLimit()
	ids, err := s.pageIDs(ctx, slug, feedsvc.Query{}, limit)
	if err != nil {
		return nil, s.fail("section recent "+slug, err)
	}
	out := make([]feedsvc.Recent, len(ids))
	found := make([]bool, len(ids))
	if len(ids) > 0 {
		pipe := s.rdb.Pipeline()
		cmds := make([]*redis.SliceCmd, len(ids))
		for i, id := range ids {
			cmds[i] = pipe.HMGet(ctx, s.key("m", id), "r", "t")
		}
		if _, err := pipe.Exec(ctx); err != nil {
			return nil, s.fail("section recent "+slug, err)
		}
		for i, c := range cmds {
			vals := c.Val()
			r, _ := vals[0].(string)
			t, _ := vals[1].(string)
			millis, terr := strconv.ParseInt(t, 10, 64)
			out[i].Cursor = feedsvc.Cursor{Millis: millis, ID: ids[i]}
			found[i] = terr == nil && feedsvc.DecodeRecent([]byte(r), &out[i]) == nil
		}
	}
	var missing []string
	for i, ok := range found {
		if !ok {
			missing = append(missing, ids[i])
		}
	}
	if len(missing) > 0 {
		arts, err := s.Articles(ctx, missing)
		if err != nil {
			return nil, err
		}
		byID := make(map[string]*feedsvc.Article, len(arts))
		for i := range arts {
			byID[arts[i].ID] = &arts[i]
		}
		for i, ok := range found {
			if a := byID[ids[i]]; !ok && a != nil {
				out[i], found[i] = feedsvc.RecentOf(a), true
			}
		}
	}
	kept := out[:0]
	for i := range out {
		if found[i] { // else deleted since the index was read
			kept = append(kept, out[i])
		}
	}
	return kept, nil
}
