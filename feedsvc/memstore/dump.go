package memstore

import (
	"context"
	"maps"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var _ feedsvc.Dumper = (*Store)(nil)

// Dump calls fn for every unexpired blob, source state and article, each
// kind in key order, holding the read lock (fn must not call the store).
func (s *Store) Dump(ctx context.Context, fn func(feedsvc.Record) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "dump"); err != nil {
		return err
	}
	now := s.now()
	for _, k := range slices.Sorted(maps.Keys(s.blobs)) {
		b := s.blobs[k]
		if !b.expires.IsZero() && !now.Before(b.expires) {
			continue
		}
		r := feedsvc.Record{Type: feedsvc.RecordBlob, Key: k, Data: slices.Clone(b.data), Expires: b.expires.UTC()}
		if err := emit(ctx, fn, r); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(s.states)) {
		st := cloneState(s.states[k])
		if err := emit(ctx, fn, feedsvc.Record{Type: feedsvc.RecordState, State: &st}); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(s.arts)) {
		a := clone(*s.arts[k])
		if err := emit(ctx, fn, feedsvc.Record{Type: feedsvc.RecordArticle, Article: &a}); err != nil {
			return err
		}
	}
	return nil
}

// emit stamps r with the record version and passes it to fn unless ctx
// is done.
func emit(ctx context.Context, fn func(feedsvc.Record) error, r feedsvc.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.Version = feedsvc.RecordVersion
	return fn(r)
}
