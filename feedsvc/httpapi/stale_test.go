package httpapi

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// brokenReads fails article reads at once while broken, as a Redis
// Cluster does for the slots of a primary that just died while the
// section's counter lives on a node that still answers.
type brokenReads struct {
	feedsvc.Store
	broken atomic.Bool
}

func (s *brokenReads) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	if s.broken.Load() {
		return nil, fmt.Errorf("connection refused: %w", feedsvc.ErrUnavailable)
	}
	return s.Store.SectionArticles(ctx, slug, q)
}

// TestFailedRenderServesLastGood: the section changed and its counter
// reads, but the render's article reads fail: a channel served before
// answers its last good bytes (and 304 to its ETag), one never served
// answers 503.
func TestFailedRenderServesLastGood(t *testing.T) {
	eachStore(t, func(t *testing.T, ts testStore) {
		st := &brokenReads{Store: ts.Store}
		u, _ := url.Parse("http://feeds.test")
		s := &Server{Store: st, Render: &fakeRenderer{}, BaseURL: u, VersionTTL: -1, Shared: ts.redis,
			Sections: func() []feedsvc.Section { return []feedsvc.Section{{Slug: "ent", Title: "Ent"}} }}
		putArticles(t, ts.Store, feedsvc.Article{ID: "a1", Published: time.Now().Add(-time.Hour), Sections: []string{"ent"}})
		h := s.Handler()
		first := get(t, h, "/sections/ent/rss", nil)
		good, _ := io.ReadAll(first.Body)
		putArticles(t, ts.Store, feedsvc.Article{ID: "a2", Published: time.Now(), Sections: []string{"ent"}})
		st.broken.Store(true)
		r := get(t, h, "/sections/ent/rss", nil)
		body, _ := io.ReadAll(r.Body)
		if r.StatusCode != 200 || string(body) != string(good) {
			t.Errorf("changed channel, article reads failing: %d %q, want 200 with the last good bytes %q", r.StatusCode, body, good)
		}
		if r := get(t, h, "/sections/ent/rss", map[string]string{"If-None-Match": first.Header.Get("ETag")}); r.StatusCode != 304 {
			t.Errorf("If-None-Match of the last good bytes, article reads failing: %d, want 304", r.StatusCode)
		}
		if r := get(t, h, "/sections/ent/atom", nil); r.StatusCode != 503 {
			t.Errorf("channel never served, article reads failing: %d, want 503", r.StatusCode)
		}
		st.broken.Store(false)
		if r := get(t, h, "/sections/ent/rss", nil); r.Header.Get("ETag") == first.Header.Get("ETag") {
			t.Errorf("after the store recovered the channel still has the old ETag %s", first.Header.Get("ETag"))
		}
	})
}
