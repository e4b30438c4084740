package main

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// TestServicePrunes: the running service prunes at start, each section by
// its own retain_items or by RETAIN_ITEMS, and its channels show it.
func TestServicePrunes(t *testing.T) {
	st := memstore.New()
	var arts []feedsvc.Article
	for i := range 30 {
		for _, slug := range []string{"own", "dflt"} {
			id := fmt.Sprintf("%s-%02d", slug, i)
			arts = append(arts, feedsvc.Article{ID: id, URL: "https://news.example/" + id, Title: id,
				Published: time.Now().Add(time.Duration(i-40) * time.Hour), Sections: []string{slug}})
		}
	}
	if err := st.PutArticles(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	file := config.File{Sections: []feedsvc.Section{{Slug: "own", Title: "Own", RetainItems: 10}, {Slug: "dflt", Title: "Default"}}}
	app := startAppEnv(t, st, file, map[string]string{"RETAIN_ITEMS": "15"})
	for slug, want := range map[string]int{"own": 10, "dflt": 15} {
		deadline := time.Now().Add(20 * time.Second)
		for {
			n := feedItems(t, app.Base+"/sections/"+slug+"/json?limit=100")
			if n == want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("section %s: %d items 20s after start, want %d", slug, n, want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// feedItems returns the number of items of a JSON Feed.
func feedItems(t *testing.T, url string) int {
	t.Helper()
	resp, body := httpGet(t, url, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	var doc struct{ Items []json.RawMessage }
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return len(doc.Items)
}
