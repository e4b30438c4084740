package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// countingStore counts failed store operations (Redis errors); lookups
// that find nothing are not failures.
type countingStore struct {
	feedsvc.Store
	m *Metrics
}

var _ feedsvc.Store = countingStore{}

// Store wraps s so that its failures are counted in feedsvc_store_errors_total.
func (m *Metrics) Store(s feedsvc.Store) feedsvc.Store { return countingStore{Store: s, m: m} }

// Unwrap returns the wrapped store.
func (c countingStore) Unwrap() feedsvc.Store { return c.Store }

func (c countingStore) count(err error) error {
	if err != nil && !errors.Is(err, feedsvc.ErrNotFound) && !errors.Is(err, context.Canceled) {
		c.m.StoreError()
	}
	return err
}

func (c countingStore) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	return c.count(c.Store.PutArticles(ctx, arts))
}

func (c countingStore) Articles(ctx context.Context, ids []string) ([]feedsvc.Article, error) {
	a, err := c.Store.Articles(ctx, ids)
	return a, c.count(err)
}

func (c countingStore) LookupURL(ctx context.Context, url string) (string, error) {
	id, err := c.Store.LookupURL(ctx, url)
	return id, c.count(err)
}

func (c countingStore) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	a, err := c.Store.SectionArticles(ctx, slug, q)
	return a, c.count(err)
}

func (c countingStore) SectionVersion(ctx context.Context, slug string) (int64, error) {
	v, err := c.Store.SectionVersion(ctx, slug)
	return v, c.count(err)
}

func (c countingStore) SectionOldest(ctx context.Context, slug string, limit int) ([]feedsvc.Cursor, int, error) {
	cs, n, err := c.Store.SectionOldest(ctx, slug, limit)
	return cs, n, c.count(err)
}

func (c countingStore) SectionRecent(ctx context.Context, slug string, limit int) ([]feedsvc.Recent, error) {
	r, err := c.Store.SectionRecent(ctx, slug, limit)
	return r, c.count(err)
}

func (c countingStore) RemoveFromSection(ctx context.Context, slug string, ids []string) error {
	return c.count(c.Store.RemoveFromSection(ctx, slug, ids))
}

func (c countingStore) SourceState(ctx context.Context, id string) (feedsvc.SourceState, error) {
	s, err := c.Store.SourceState(ctx, id)
	return s, c.count(err)
}

func (c countingStore) PutSourceState(ctx context.Context, st feedsvc.SourceState) error {
	return c.count(c.Store.PutSourceState(ctx, st))
}

func (c countingStore) Blob(ctx context.Context, key string) ([]byte, error) {
	b, err := c.Store.Blob(ctx, key)
	return b, c.count(err)
}

func (c countingStore) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	return c.count(c.Store.PutBlob(ctx, key, b, ttl))
}

func (c countingStore) DeleteBlobs(ctx context.Context, prefix string) error {
	return c.count(c.Store.DeleteBlobs(ctx, prefix))
}

func (c countingStore) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	ok, err := c.Store.TryLock(ctx, name, owner, ttl)
	return ok, c.count(err)
}

func (c countingStore) Unlock(ctx context.Context, name, owner string) error {
	return c.count(c.Store.Unlock(ctx, name, owner))
}

func (c countingStore) Ping(ctx context.Context) error { return c.count(c.Store.Ping(ctx)) }
