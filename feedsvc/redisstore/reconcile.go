package redisstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// maxReconcileRounds bounds reconcile while other writers keep changing
// the same articles.
const maxReconcileRounds = 1000

// touch lists the sections and URLs whose entries for one article a write
// may have changed.
type touch struct {
	sections, urls []string
	wrote          *meta // the meta this writer just wrote (found false: deleted), nil when unknown
}

// add merges the sections and URL of m into t.
func (t *touch) add(m meta) {
	for _, s := range m.sections {
		if !slices.Contains(t.sections, s) {
			t.sections = append(t.sections, s)
		}
	}
	if m.url != "" && !slices.Contains(t.urls, m.url) {
		t.urls = append(t.urls, m.url)
	}
}

// reconcile makes the section indexes and URL entries in touched agree
// with each article's meta, after the article slots were written (so an
// index never points at an article before it is stored). Each round
// reads the metas, writes every section's entries in one script on that
// section's slot and the URL entries one key each, then reads the metas
// again: an article whose meta changed meanwhile goes round once more, so
// the last writes made reflect the last meta whichever writer made them.
func (s *Store) reconcile(ctx context.Context, touched map[string]*touch) error {
	for round := 1; len(touched) > 0; round++ {
		if round > maxReconcileRounds {
			return fmt.Errorf("index of %d articles still changing after %d rounds", len(touched), maxReconcileRounds)
		}
		ids := make([]string, 0, len(touched))
		for id := range touched {
			ids = append(ids, id)
		}
		before, err := s.known(ctx, touched, ids)
		if err != nil {
			return err
		}
		if err := s.applyIndex(ctx, touched, before); err != nil {
			return err
		}
		after, err := s.metasOf(ctx, s.rdb, ids)
		if err != nil {
			return err
		}
		next := map[string]*touch{}
		for id, t := range touched {
			if m := after[id]; !m.sameIndex(before[id]) {
				t.add(m)
				t.wrote = nil
				next[id] = t
			}
		}
		touched = next
	}
	return nil
}

// known returns the meta of each touched id: the one its writer just
// wrote when known (saving a read in the first round), else read.
func (s *Store) known(ctx context.Context, touched map[string]*touch, ids []string) (map[string]meta, error) {
	var unknown []string
	for _, id := range ids {
		if touched[id].wrote == nil {
			unknown = append(unknown, id)
		}
	}
	out, err := s.metasOf(ctx, s.rdb, unknown)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if w := touched[id].wrote; w != nil {
			out[id] = *w
		}
	}
	return out, nil
}

// applyIndex writes, in one pipeline, the index and URL entries of every
// touched article as its meta m calls for.
func (s *Store) applyIndex(ctx context.Context, touched map[string]*touch, metas map[string]meta) error {
	moves := map[string][]any{}
	var calls []*scriptCall
	var sets [][2]string // URL key, id
	for id, t := range touched {
		m := metas[id]
		t.add(m)
		for _, slug := range t.sections {
			if m.found && slices.Contains(m.sections, slug) {
				moves[slug] = append(moves[slug], "+", strconv.FormatInt(m.score, 10), id)
			} else {
				moves[slug] = append(moves[slug], "-", "0", id)
			}
		}
		for _, u := range t.urls {
			if m.found && u == m.url {
				sets = append(sets, [2]string{s.key("u", urlHash(u)), id})
			} else {
				calls = append(calls, &scriptCall{script: compareAndDelete, keys: []string{s.key("u", urlHash(u))}, args: []any{id}})
			}
		}
	}
	for slug, args := range moves {
		calls = append(calls, &scriptCall{script: indexMoves, keys: []string{s.key("s", slug), s.key("v", slug)}, args: args})
	}
	return s.runScripts(ctx, calls, func(pipe redis.Pipeliner) {
		for _, kv := range sets {
			pipe.Set(ctx, kv[0], kv[1], 0)
		}
	})
}

// casWrite is one article slot's compare-and-set write.
type casWrite struct {
	id, expect string
	body       []byte // nil deletes the article
	next       meta
}

// writeSlots runs the writes in one pipeline, one script per article
// slot, and returns the ids another writer changed first.
func (s *Store) writeSlots(ctx context.Context, writes []casWrite) ([]string, error) {
	calls := make([]*scriptCall, len(writes))
	for i, w := range writes {
		args := []any{w.expect, string(w.body)}
		if w.body != nil {
			args = append(args, w.next.fields()...)
		}
		calls[i] = &scriptCall{script: casArticle, keys: []string{s.key("a", w.id), s.key("m", w.id)}, args: args}
	}
	if err := s.runScripts(ctx, calls, nil); err != nil {
		return nil, err
	}
	var lost []string
	for i, c := range calls {
		if n, _ := c.cmd.Int(); n != 1 {
			lost = append(lost, writes[i].id)
		}
	}
	return lost, nil
}
