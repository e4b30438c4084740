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
// articles of slug. Redis keeps no entry beside the index: they are taken
// from the articles, read in one round trip as for a page.
func (s *Store) SectionRecent(ctx context.Context, slug string, limit int) ([]feedsvc.Recent, error) {
	arts, err := s.SectionArticles(ctx, slug, feedsvc.Query{Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]feedsvc.Recent, len(arts))
	for i := range arts {
		out[i] = feedsvc.RecentOf(&arts[i])
	}
	return out, nil
}
