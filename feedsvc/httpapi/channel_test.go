package httpapi

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// fakeRenderer renders the ids of a channel, one per line, plus its links.
type fakeRenderer struct{ calls int }

func (f *fakeRenderer) Render(format string, ch *feedsvc.Channel) ([]byte, error) {
	f.calls++
	var b strings.Builder
	fmt.Fprintf(&b, "%s self=%s next=%s\n", format, ch.SelfURL, ch.NextURL)
	for _, a := range ch.Articles {
		b.WriteString(a.ID + "\n")
	}
	return []byte(b.String()), nil
}

func (f *fakeRenderer) ContentType(format string) string { return "text/x-" + format }

func newTestServer(t *testing.T, n int) (*Server, *fakeRenderer, feedsvc.Store) {
	t.Helper()
	st := memstore.New()
	var arts []feedsvc.Article
	base := time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		arts = append(arts, feedsvc.Article{ID: fmt.Sprintf("a%03d", i), Title: "t", URL: fmt.Sprintf("https://e.org/%d", i),
			Published: base.Add(time.Duration(i) * time.Hour), FirstSeen: base, Sections: []string{"ent"}})
	}
	if err := st.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	fr := &fakeRenderer{}
	u, _ := url.Parse("http://feeds.test")
	s := &Server{Store: st, Render: fr, BaseURL: u, VersionTTL: -1,
		Sections: func() []feedsvc.Section { return []feedsvc.Section{{Slug: "ent", Title: "Ent"}} }}
	return s, fr, st
}

func get(t *testing.T, h http.Handler, target string, hdr map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestChannelValidatorsAndGzip(t *testing.T) {
	s, fr, _ := newTestServer(t, 3)
	h := s.Handler()
	r := get(t, h, "/sections/ent/atom", nil)
	body, _ := io.ReadAll(r.Body)
	if r.StatusCode != 200 || r.Header.Get("Content-Type") != "text/x-atom" {
		t.Fatalf("status %d type %q", r.StatusCode, r.Header.Get("Content-Type"))
	}
	etag, lm := r.Header.Get("ETag"), r.Header.Get("Last-Modified")
	if !strings.HasPrefix(etag, `"`) || lm != "Wed, 15 Nov 2023 02:00:00 GMT" {
		t.Errorf("etag %q last-modified %q", etag, lm)
	}
	if cc := r.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "public, max-age=") {
		t.Errorf("cache-control %q", cc)
	}
	if r := get(t, h, "/sections/ent/atom", map[string]string{"If-None-Match": etag}); r.StatusCode != 304 {
		t.Errorf("If-None-Match: got %d, want 304", r.StatusCode)
	}
	if r := get(t, h, "/sections/ent/atom", map[string]string{"If-Modified-Since": lm}); r.StatusCode != 304 {
		t.Errorf("If-Modified-Since: got %d, want 304", r.StatusCode)
	}
	if r := get(t, h, "/sections/ent/atom", map[string]string{"If-Modified-Since": "Wed, 15 Nov 2023 01:00:00 GMT"}); r.StatusCode != 200 {
		t.Errorf("older If-Modified-Since: got %d, want 200", r.StatusCode)
	}
	gr := get(t, h, "/sections/ent/atom", map[string]string{"Accept-Encoding": "gzip, deflate"})
	zr, err := gzip.NewReader(gr.Body)
	if err != nil {
		t.Fatal(err)
	}
	unz, _ := io.ReadAll(zr)
	if !bytes.Equal(unz, body) || gr.Header.Get("Content-Encoding") != "gzip" || gr.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("gzip body differs or headers missing: %v", gr.Header)
	}
	if gr.Header.Get("ETag") == etag {
		t.Errorf("gzip response reuses the identity ETag %s", etag)
	}
	if fr.calls != 1 {
		t.Errorf("rendered %d times for one unchanged channel, want 1", fr.calls)
	}
}

func TestChannelChangeMovesETag(t *testing.T) {
	s, _, st := newTestServer(t, 2)
	h := s.Handler()
	etag := get(t, h, "/sections/ent/rss", nil).Header.Get("ETag")
	a := feedsvc.Article{ID: "new", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Sections: []string{"ent"}}
	if err := st.PutArticles(context.Background(), []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	r := get(t, h, "/sections/ent/rss", map[string]string{"If-None-Match": etag})
	if r.StatusCode != 200 || r.Header.Get("ETag") == etag {
		t.Errorf("after a change: status %d etag %q (old %q)", r.StatusCode, r.Header.Get("ETag"), etag)
	}
}

func TestChannelPagingWalksEverythingOnce(t *testing.T) {
	s, _, _ := newTestServer(t, 7)
	h := s.Handler()
	seen := map[string]int{}
	next := "/sections/ent/json?limit=3"
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		body, _ := io.ReadAll(get(t, h, next, nil).Body)
		lines := strings.Split(strings.TrimSpace(string(body)), "\n")
		_, nextURL, _ := strings.Cut(strings.Fields(lines[0])[2], "next=")
		for _, id := range lines[1:] {
			seen[id]++
		}
		next = strings.TrimPrefix(nextURL, "http://feeds.test")
	}
	if len(seen) != 7 {
		t.Errorf("saw %d distinct articles, want 7", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s seen %d times", id, n)
		}
	}
}

func TestRoutesErrors(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	h := s.Handler()
	for _, tt := range []struct {
		name, target string
		want         int
	}{
		{"unknown section", "/sections/nope/rss", 404},
		{"unknown format", "/sections/ent/xml", 404},
		{"bad limit", "/sections/ent/rss?limit=0", 400},
		{"huge limit", "/sections/ent/rss?limit=100000", 400},
		{"bad cursor", "/sections/ent/rss?before=zzz", 400},
		{"healthz", "/healthz", 200},
		{"readyz", "/readyz", 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := get(t, h, tt.target, nil).StatusCode; got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
	var list []map[string]string
	if err := json.NewDecoder(get(t, h, "/sections", nil).Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0]["atom"] != "http://feeds.test/sections/ent/atom" {
		t.Errorf("sections: got %v", list)
	}
}
