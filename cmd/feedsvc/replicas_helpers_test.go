package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// uniquePrefix returns a Redis key prefix no other test run uses, and
// registers nothing: each test's keys stay under it.
func uniquePrefix(name string) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return name + ":" + hex.EncodeToString(b) + ":"
}

// countingSources serves one RSS feed per source id at /ID.xml and
// records when each was fetched.
type countingSources struct {
	*httptest.Server
	feeds map[string]*feedHandler
}

func newCountingSources(t *testing.T, ids ...string) *countingSources {
	t.Helper()
	cs := &countingSources{feeds: map[string]*feedHandler{}}
	mux := http.NewServeMux()
	for _, id := range ids {
		h := &feedHandler{}
		h.Set(rssBytes(id, itemsFor("http://example.test", id, 0, 3)))
		cs.feeds[id] = h
		mux.Handle("GET /"+id+".xml", h)
	}
	cs.Server = httptest.NewServer(mux)
	t.Cleanup(cs.Close)
	return cs
}

// checkOncePerCycle asserts that no two fetches of one source came closer
// than half its interval (no duplicate fetch within a cycle) and that the
// number of fetches fits the cycles elapsed since the first one.
func checkOncePerCycle(t *testing.T, id string, fetches []time.Time, interval time.Duration, until time.Time) {
	t.Helper()
	if len(fetches) == 0 {
		t.Errorf("%s: never fetched", id)
		return
	}
	for i := 1; i < len(fetches); i++ {
		if gap := fetches[i].Sub(fetches[i-1]); gap < interval/2 {
			t.Errorf("%s: fetches %d and %d only %s apart (interval %s): duplicate fetch within a cycle",
				id, i-1, i, gap.Round(time.Millisecond), interval)
		}
	}
	cycles := int(until.Sub(fetches[0]) / interval)
	if len(fetches) > cycles+1 {
		t.Errorf("%s: %d fetches in %d cycles, want at most %d", id, len(fetches), cycles, cycles+1)
	}
}

// killableStore passes calls to Store until Kill; afterwards every call
// fails as if the replica had lost its network (it cannot even release
// its leases), which is how a crashed replica looks to the others.
type killableStore struct {
	feedsvc.Store
	dead atomic.Bool
}

func (k *killableStore) Kill() { k.dead.Store(true) }

func (k *killableStore) err(op string) error {
	if k.dead.Load() {
		return fmt.Errorf("killed replica: %s: %w", op, feedsvc.ErrUnavailable)
	}
	return nil
}

func (k *killableStore) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	if err := k.err("put articles"); err != nil {
		return err
	}
	return k.Store.PutArticles(ctx, arts)
}

func (k *killableStore) Articles(ctx context.Context, ids []string) ([]feedsvc.Article, error) {
	if err := k.err("articles"); err != nil {
		return nil, err
	}
	return k.Store.Articles(ctx, ids)
}

func (k *killableStore) LookupURL(ctx context.Context, url string) (string, error) {
	if err := k.err("lookup url"); err != nil {
		return "", err
	}
	return k.Store.LookupURL(ctx, url)
}

func (k *killableStore) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	if err := k.err("section articles"); err != nil {
		return nil, err
	}
	return k.Store.SectionArticles(ctx, slug, q)
}

func (k *killableStore) SectionVersion(ctx context.Context, slug string) (int64, error) {
	if err := k.err("section version"); err != nil {
		return 0, err
	}
	return k.Store.SectionVersion(ctx, slug)
}

func (k *killableStore) SourceState(ctx context.Context, id string) (feedsvc.SourceState, error) {
	if err := k.err("source state"); err != nil {
		return feedsvc.SourceState{}, err
	}
	return k.Store.SourceState(ctx, id)
}

func (k *killableStore) PutSourceState(ctx context.Context, st feedsvc.SourceState) error {
	if err := k.err("put source state"); err != nil {
		return err
	}
	return k.Store.PutSourceState(ctx, st)
}

func (k *killableStore) Blob(ctx context.Context, key string) ([]byte, error) {
	if err := k.err("blob"); err != nil {
		return nil, err
	}
	return k.Store.Blob(ctx, key)
}

func (k *killableStore) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	if err := k.err("put blob"); err != nil {
		return err
	}
	return k.Store.PutBlob(ctx, key, b, ttl)
}

func (k *killableStore) DeleteBlobs(ctx context.Context, prefix string) error {
	if err := k.err("delete blobs"); err != nil {
		return err
	}
	return k.Store.DeleteBlobs(ctx, prefix)
}

func (k *killableStore) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	if err := k.err("lock"); err != nil {
		return false, err
	}
	return k.Store.TryLock(ctx, name, owner, ttl)
}

func (k *killableStore) Unlock(ctx context.Context, name, owner string) error {
	if err := k.err("unlock"); err != nil {
		return err
	}
	return k.Store.Unlock(ctx, name, owner)
}

func (k *killableStore) Ping(ctx context.Context) error {
	if err := k.err("ping"); err != nil {
		return err
	}
	return k.Store.Ping(ctx)
}

// stallFirstFetch serves /stall.xml; the first GET hangs until the client
// goes away. started receives the time of every GET.
func stallFirstFetch(t *testing.T) (*httptest.Server, <-chan time.Time) {
	t.Helper()
	started := make(chan time.Time, 16)
	var n atomic.Int64
	body := rssBytes("stall", itemsFor("http://example.test", "stall", 0, 3))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case started <- time.Now():
		default:
		}
		if n.Add(1) == 1 {
			<-r.Context().Done()
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, started
}
