package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// TestCheckListPage runs the shared section list page through
// `feedsvc check -list` (served from a local server standing in for the
// site) and asserts list.expected.json: items, order, dedupe, dates,
// next page and excluded URLs.
func TestCheckListPage(t *testing.T) {
	pages := filepath.Join(testenv.Shared(t), "pages")
	var want struct {
		URL   string
		Items []struct {
			Title, URL   string
			PublishedUTC string `json:"published_utc"`
		}
		ItemCount   int      `json:"item_count"`
		NextPage    *string  `json:"next_page"`
		MustNotURLs []string `json:"must_not_include_urls"`
	}
	b, err := os.ReadFile(filepath.Join(pages, "list.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	const site = "https://www.workercn.cn"
	html, _ := os.ReadFile(filepath.Join(pages, "list.html"))
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(bytes.ReplaceAll(html, []byte(site), []byte(srv.URL)))
	}))
	defer srv.Close()
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"check", "-list", "-timezone", "Asia/Shanghai", srv.URL + strings.TrimPrefix(want.URL, site)},
		func(string) string { return "" }, &out, &errb)
	if code != 0 {
		t.Fatalf("check -list: %s", errb.String())
	}
	var got struct {
		Items []struct{ URL, Title, Published string }
		Next  *string `json:"next_page"`
	}
	if err := json.Unmarshal(bytes.ReplaceAll(out.Bytes(), []byte(srv.URL), []byte(site)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != want.ItemCount || len(got.Items) != len(want.Items) {
		t.Fatalf("got %d items, want %d", len(got.Items), want.ItemCount)
	}
	for i, w := range want.Items {
		g := got.Items[i]
		if g.URL != w.URL || g.Title != w.Title || g.Published != w.PublishedUTC {
			t.Errorf("item %d: got %q %q %q, want %q %q %q", i, g.URL, g.Title, g.Published, w.URL, w.Title, w.PublishedUTC)
		}
	}
	if (got.Next == nil) != (want.NextPage == nil) || (got.Next != nil && *got.Next != *want.NextPage) {
		t.Errorf("next page: got %v, want %v", deref(got.Next), deref(want.NextPage))
	}
	for _, g := range got.Items {
		if slices.Contains(want.MustNotURLs, g.URL) {
			t.Errorf("item %s must not be listed", g.URL)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
