package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// htmlSite serves a list page (with an ETag) linking two article pages;
// article 2 fails with 503 until ok is set.
type htmlSite struct {
	mu   sync.Mutex
	ok   bool
	hits map[string]int
	*httptest.Server
}

func newHTMLSite(t *testing.T) *htmlSite {
	s := &htmlSite{hits: map[string]int{}}
	page := func(n int) string {
		return fmt.Sprintf(`<html><head><meta charset="utf-8"><meta property="og:type" content="article"><title>Story %d</title></head><body><article><h1>Story %d</h1><p>发布时间：2024-03-05 10:0%d</p><p>This is the full text of story number %d, long enough to be an article body for the extractor to keep as the content of the page.</p></article></body></html>`, n, n, n, n)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.hits[r.URL.Path]++
		switch r.URL.Path {
		case "/list/":
			w.Header().Set("ETag", `"list-v1"`)
			if r.Header.Get("If-None-Match") == `"list-v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprint(w, `<html><body><ul class="news"><li><a href="/2024-03-05/1.html">Story 1</a> <span>2024-03-05</span></li><li><a href="/2024-03-05/2.html">Story 2</a> <span>2024-03-05</span></li><li><a href="/about.html">About</a></li></ul></body></html>`)
		case "/2024-03-05/1.html":
			fmt.Fprint(w, page(1))
		case "/2024-03-05/2.html":
			if !s.ok {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, page(2))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *htmlSite) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// TestHTMLPageErrorIsRetried: an article page that fails once is fetched
// on the next poll (the list is not answered with 304), and pages already
// stored are not fetched again though the list shows only their day.
func TestHTMLPageErrorIsRetried(t *testing.T) {
	ctx := context.Background()
	site := newHTMLSite(t)
	st := memstore.New()
	in := newIngester(st)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	src := &feedsvc.Source{ID: "site", URL: site.URL + "/list/", Kind: feedsvc.KindHTML, Sections: []string{"news"}, Location: loc, Interval: time.Minute}
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	if n := len(section(t, st)); n != 1 {
		t.Fatalf("first poll stored %d articles, want 1 (page 2 failed)", n)
	}
	site.mu.Lock()
	site.ok = true
	site.mu.Unlock()
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	if n := len(section(t, st)); n != 2 {
		t.Errorf("second poll: %d articles, want 2 (the failed page retried)", n)
	}
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	if n := site.hit("/2024-03-05/1.html"); n != 1 {
		t.Errorf("stored article page fetched %d times, want once (list date without time = same day)", n)
	}
}

func TestMovedSourceDropsValidators(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	doc := rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "x"})
	fs.set("/old.xml", doc, 0)
	fs.set("/new.xml", doc+" ", 0)
	src := source("a", fs.URL+"/old.xml")
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	src.URL = fs.URL + "/new.xml"
	if err := st.PutSourceState(ctx, func() feedsvc.SourceState {
		s, _ := st.SourceState(ctx, "a")
		nd := doc + " "
		s.ETag = fmt.Sprintf(`"%x"`, len(nd)*31+strings.Count(nd, "<")) // the new URL's own ETag, stored under the old URL
		return s
	}()); err != nil {
		t.Fatal(err)
	}
	pr, err := in.Poll(ctx, src)
	if err != nil || pr.NotModified || pr.Status != 200 {
		t.Errorf("first poll of the moved source: %+v %v; want a full 200", pr, err)
	}
}

func TestSameDayOnly(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, loc)
	for _, tt := range []struct {
		list, stored time.Time
		want         bool
	}{
		{day, time.Date(2024, 3, 5, 10, 1, 0, 0, loc), true},
		{day, time.Date(2024, 3, 6, 0, 30, 0, 0, loc), false},
		{day.Add(10 * time.Hour), time.Date(2024, 3, 5, 11, 0, 0, 0, loc), false},
	} {
		if got := sameDayOnly(tt.list, tt.stored, loc); got != tt.want {
			t.Errorf("sameDayOnly(%v, %v) = %v", tt.list, tt.stored, got)
		}
	}
}
