package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// sleepyStore answers every call after nap while asleep, ignoring the
// context's deadline (as a Redis client does without context timeouts).
type sleepyStore struct {
	feedsvc.Store
	asleep    atomic.Bool
	slowReads atomic.Bool // only article reads sleep
	nap       time.Duration
	done      chan struct{}
}

func (s *sleepyStore) doze() {
	if s.asleep.Load() {
		select {
		case <-time.After(s.nap):
		case <-s.done:
		}
	}
}

func (s *sleepyStore) SectionVersion(ctx context.Context, slug string) (int64, error) {
	s.doze()
	return s.Store.SectionVersion(ctx, slug)
}

func (s *sleepyStore) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	s.doze()
	if s.slowReads.Load() {
		select {
		case <-time.After(s.nap):
		case <-s.done:
		}
	}
	return s.Store.SectionArticles(ctx, slug, q)
}

func (s *sleepyStore) Blob(ctx context.Context, key string) ([]byte, error) {
	s.doze()
	return s.Store.Blob(ctx, key)
}

func (s *sleepyStore) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	s.doze()
	return s.Store.PutBlob(ctx, key, b, ttl)
}

func (s *sleepyStore) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	s.doze()
	return s.Store.TryLock(ctx, name, owner, ttl)
}

func (s *sleepyStore) Ping(ctx context.Context) error {
	s.doze()
	return s.Store.Ping(ctx)
}

// changedBehindSleepyStore serves section ent of ts through a
// sleepyStore (awake until the test says otherwise): target is served
// once with article a1, whose bytes it returns as the last good ones,
// then a2 is stored, so the channel has changed since.
func changedBehindSleepyStore(t *testing.T, ts testStore, target string) (*sleepyStore, http.Handler, []byte) {
	t.Helper()
	st := &sleepyStore{Store: ts.Store, nap: 10 * time.Second, done: make(chan struct{})}
	t.Cleanup(func() { close(st.done) })
	u, _ := url.Parse("http://feeds.test")
	s := &Server{Store: st, Render: &fakeRenderer{}, BaseURL: u, VersionTTL: -1, Shared: ts.redis,
		Sections: func() []feedsvc.Section { return []feedsvc.Section{{Slug: "ent", Title: "Ent"}} }}
	putArticles(t, ts.Store, feedsvc.Article{ID: "a1", Published: time.Now().Add(-time.Hour), Sections: []string{"ent"}})
	h := s.Handler()
	good, _ := io.ReadAll(get(t, h, target, nil).Body)
	putArticles(t, ts.Store, feedsvc.Article{ID: "a2", Published: time.Now(), Sections: []string{"ent"}})
	return st, h, good
}

// TestSleepingStoreServesLastGoodAtOnce: with every store call taking 10 s,
// a channel served before answers its last good bytes within the store
// deadline (300 ms; bound 2 s on a loaded box), one never served answers
// 503 after at most 3 s, and /readyz answers within its 2 s timeout.
func TestSleepingStoreServesLastGoodAtOnce(t *testing.T) {
	eachStore(t, func(t *testing.T, ts testStore) {
		st, h, good := changedBehindSleepyStore(t, ts, "/sections/ent/rss")
		st.asleep.Store(true)
		for _, tt := range []struct {
			target string
			want   int
			bound  time.Duration
		}{
			{"/sections/ent/rss", 200, 2 * time.Second},
			{"/sections/ent/atom", 503, 5 * time.Second},
			{"/readyz", 503, 3 * time.Second},
		} {
			start := time.Now()
			r := get(t, h, tt.target, nil)
			took := time.Since(start)
			body, _ := io.ReadAll(r.Body)
			if r.StatusCode != tt.want || took > tt.bound {
				t.Errorf("%s with a sleeping store: %d after %v, want %d within %v", tt.target, r.StatusCode, took, tt.want, tt.bound)
			}
			if tt.want == 200 && string(body) != string(good) {
				t.Errorf("%s: served %q, want the last good bytes %q", tt.target, body, good)
			}
			t.Logf("%s: %d in %v", tt.target, r.StatusCode, took.Round(time.Millisecond))
		}
	})
}

// TestSlowRenderServesLastGood: the counters answer at once but article
// reads take 10 s; a changed channel serves its last good bytes after the
// store deadline instead of waiting for the render.
func TestSlowRenderServesLastGood(t *testing.T) {
	eachStore(t, func(t *testing.T, ts testStore) {
		st, h, good := changedBehindSleepyStore(t, ts, "/sections/ent/json")
		st.slowReads.Store(true)
		start := time.Now()
		r := get(t, h, "/sections/ent/json", nil)
		took := time.Since(start)
		body, _ := io.ReadAll(r.Body)
		if r.StatusCode != 200 || string(body) != string(good) || took > 2*time.Second {
			t.Errorf("slow render: %d %q after %v, want the last good bytes within 2 s", r.StatusCode, body, took)
		}
		t.Logf("slow render: %d in %v", r.StatusCode, took.Round(time.Millisecond))
	})
}
