package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// expectedList is the README's list.expected.json schema.
type expectedList struct {
	URL   string `json:"url"`
	File  string `json:"file"`
	Items []struct {
		Title        string `json:"title"`
		URL          string `json:"url"`
		PublishedUTC string `json:"published_utc"`
	} `json:"items"`
	ItemCount   int      `json:"item_count"`
	NextPage    *string  `json:"next_page"`
	MustNotURLs []string `json:"must_not_include_urls"`
}

func TestListPage(t *testing.T) {
	var exp expectedList
	b, err := os.ReadFile(filepath.Join(pagesDir(t), "list.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	got, err := List(readPage(t, filepath.Join(pagesDir(t), exp.File)), exp.URL, feedsvc.ListRules{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != exp.ItemCount || len(exp.Items) != exp.ItemCount {
		t.Errorf("got %d items, want %d", len(got.Items), exp.ItemCount)
	}
	for i := 0; i < len(got.Items) && i < len(exp.Items); i++ {
		g, w := got.Items[i], exp.Items[i]
		if g.URL != w.URL {
			t.Errorf("item %d url: got %q, want %q", i, g.URL, w.URL)
		}
		if clean(g.Title) != clean(w.Title) {
			t.Errorf("item %d title: got %q, want %q", i, g.Title, w.Title)
		}
		want, _ := time.Parse(time.RFC3339, w.PublishedUTC)
		if d, ok := normalize.ParseDate(g.DateRaw, cst, refNow); !ok || !d.Equal(want) {
			t.Errorf("item %d date: raw %q parsed to %v, want %v", i, g.DateRaw, d, want)
		}
	}
	seen := map[string]bool{}
	for _, it := range got.Items {
		if seen[it.URL] {
			t.Errorf("duplicate item %q", it.URL)
		}
		seen[it.URL] = true
		if slices.Contains(exp.MustNotURLs, it.URL) {
			t.Errorf("item %q must not be listed", it.URL)
		}
	}
	if got.Next != deref(exp.NextPage) {
		t.Errorf("next: got %q, want %q", got.Next, deref(exp.NextPage))
	}
}
