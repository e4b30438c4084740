package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// pagedStore holds n articles in section "world", one a minute, and can
// be switched to fail like an unreachable Redis.
type pagedStore struct {
	*memstore.Store
	down bool
}

func (s *pagedStore) SectionArticles(ctx context.Context, slug string, q feedsvc.Query) ([]feedsvc.Article, error) {
	if s.down {
		return nil, fmt.Errorf("redis: %w", feedsvc.ErrUnavailable)
	}
	return s.Store.SectionArticles(ctx, slug, q)
}

func newPagedPages(t *testing.T, n int) (*Pages, *pagedStore) {
	t.Helper()
	st := &pagedStore{Store: memstore.New()}
	var arts []feedsvc.Article
	for i := range n {
		arts = append(arts, feedsvc.Article{ID: fmt.Sprintf("a%03d", i), URL: fmt.Sprintf("https://e.example/%d", i),
			Title: fmt.Sprintf("Story %d", i), Published: testNow.Add(-time.Duration(i) * time.Minute), Sections: []string{"world"}})
	}
	if err := st.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return &Pages{Store: st, BaseURL: testBase, Sections: func() []feedsvc.Section { return testSections },
		Log: slog.New(slog.DiscardHandler)}, st
}

func TestSectionPagePagesBackWithFeedCursors(t *testing.T) {
	p, _ := newPagedPages(t, 120)
	seen := map[string]bool{}
	path, pages := "/sections/world", 0
	for path != "" {
		res, body := get(t, p, path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", path, res.StatusCode, body)
		}
		d := doc(t, body)
		links := d.Find("main article h2 a")
		links.Each(func(_ int, s *goquery.Selection) {
			if seen[s.Text()] {
				t.Errorf("%s repeats %s", path, s.Text())
			}
			seen[s.Text()] = true
		})
		pages++
		if pages == 1 && links.Length() != pageLimit {
			t.Errorf("first page: %d articles, want %d", links.Length(), pageLimit)
		}
		if pages > 1 && d.Find(`nav.pager a[href="https://feeds.example/sections/world"]`).Length() != 1 {
			t.Errorf("%s has no link back to the newest page", path)
		}
		next, ok := d.Find(`nav.pager a[rel="next"]`).Attr("href")
		path = strings.TrimPrefix(next, "https://feeds.example")
		if ok && !strings.Contains(next, "?before=") {
			t.Fatalf("older link %q does not carry a before cursor", next)
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
	}
	if pages != 3 || len(seen) != 120 {
		t.Errorf("got %d pages and %d distinct articles, want 3 and 120", pages, len(seen))
	}
	// The cursor is the feeds' cursor: the 50th article's sort time and id.
	_, body := get(t, p, "/sections/world")
	want := feedsvc.Cursor{Millis: testNow.Add(-49 * time.Minute).UnixMilli(), ID: "a049"}.String()
	if !strings.Contains(body, "?before="+want) {
		t.Errorf("older link does not use cursor %s", want)
	}
	if res, _ := get(t, p, "/sections/world?before=garbage"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad cursor: %d, want 400", res.StatusCode)
	}
}

func TestSectionPageServedStaleDuringStoreOutage(t *testing.T) {
	p, st := newPagedPages(t, 3)
	good, before := get(t, p, "/sections/world")
	st.down = true
	res, during := get(t, p, "/sections/world")
	if res.StatusCode != http.StatusOK || during != before {
		t.Errorf("outage: status %d, same page %v; want the last good page", res.StatusCode, during == before)
	}
	// The last good page is the same response: it once lacked the page
	// headers (Content-Security-Policy, Referrer-Policy).
	for _, k := range []string{"Content-Security-Policy", "Referrer-Policy", "Vary", "ETag", "Content-Length", "Cache-Control"} {
		if got, want := res.Header.Get(k), good.Header.Get(k); got != want || want == "" {
			t.Errorf("stale page %s: got %q, want %q", k, got, want)
		}
	}
	if res, _ := get(t, p, "/sections/empty"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a page never rendered: %d, want 503", res.StatusCode)
	}
	if res, _ := get(t, p, "/sections/world?before=1_x"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("an older page: %d, want 503", res.StatusCode)
	}
}
