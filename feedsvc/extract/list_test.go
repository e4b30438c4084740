package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
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
		if labels.Clean(g.Title) != labels.Clean(w.Title) {
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
	if got.Next != testenv.Deref(exp.NextPage) {
		t.Errorf("next: got %q, want %q", got.Next, testenv.Deref(exp.NextPage))
	}
}

// TestListOtherTemplate checks the generic path on a card layout split in
// two streams with a longer "most read" sidebar and a rel=next link.
func TestListOtherTemplate(t *testing.T) {
	got, err := List(localPage(t, "list-blog.html"), "https://citypost.example/business/", feedsvc.ListRules{})
	if err != nil {
		t.Fatal(err)
	}
	want := []feedsvc.ListItem{
		{URL: "https://citypost.example/business/2024/03/05/port-expansion-approved/", Title: "Port expansion approved", DateRaw: "March 5, 2024"},
		{URL: "https://citypost.example/business/2024/03/04/bakery-chain-opens-tenth-shop/", Title: "Bakery chain opens tenth shop", DateRaw: "March 4, 2024"},
		{URL: "https://citypost.example/business/2024/03/04/fuel-prices-fall/", Title: "Fuel prices fall for third week", DateRaw: "March 4, 2024"},
		{URL: "https://citypost.example/business/2024/03/03/startup-raises-funds/", Title: "Startup raises funds for solar roofs", DateRaw: "March 3, 2024"},
		{URL: "https://citypost.example/business/2024/03/02/market-hall-restored/", Title: "Market hall restored", DateRaw: "March 2, 2024"},
	}
	if !slices.Equal(got.Items, want) {
		t.Errorf("items:\ngot  %q\nwant %q", got.Items, want)
	}
	if w := "https://citypost.example/business/page/2/"; got.Next != w {
		t.Errorf("next: got %q, want %q", got.Next, w)
	}
}

// TestListRules checks that selectors replace the generic detection.
func TestListRules(t *testing.T) {
	rules := feedsvc.ListRules{Item: ".sidebar li", Title: "a", Next: "footer a[href$='.html']"}
	got, err := List(localPage(t, "list-blog.html"), "https://citypost.example/business/", rules)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != 6 || got.Items[0].URL != "https://citypost.example/sport/2024/03/01/derby-result/" ||
		got.Items[0].Title != "Derby result stuns fans" {
		t.Errorf("items: got %q, want the 6 sidebar links", got.Items)
	}
	if w := "https://citypost.example/2024/privacy-policy.html"; got.Next != w {
		t.Errorf("next: got %q, want %q", got.Next, w)
	}
	linkOnly, err := List(localPage(t, "list-blog.html"), "https://citypost.example/business/", feedsvc.ListRules{Link: ".stream h3 a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(linkOnly.Items) != 5 || linkOnly.Items[4].Title != "Market hall restored" {
		t.Errorf("link rule: got %q, want the 5 stream links", linkOnly.Items)
	}
}
