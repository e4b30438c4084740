package main

import (
	"encoding/json"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// TestCheckAuthoredFeed asserts the authored GBK feed's shipped
// expectations on the whole pipeline's output.
func TestCheckAuthoredFeed(t *testing.T) {
	want, feed := testenv.AuthoredFeed(t)
	arts, stderr := checkJSON(t, "-timezone", "Asia/Shanghai", feed)
	if stderr != "" {
		t.Fatal(stderr)
	}
	if len(arts) != len(want.Items) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want.Items))
	}
	for i, w := range want.Items {
		a := arts[i]
		got := func(k string) string { s, _ := a[k].(string); return s }
		if got("title") != w.Title || got("url") != w.Link || got("published") != w.PublishedUTC || got("source") != testenv.Deref(w.Source) {
			t.Errorf("item %d: got %q %q %q %q, want %q %q %q %q", i, got("title"), got("url"), got("published"), got("source"),
				w.Title, w.Link, w.PublishedUTC, testenv.Deref(w.Source))
		}
		imgs, _ := a["images"].([]any)
		first := ""
		if len(imgs) > 0 {
			first, _ = imgs[0].(map[string]any)["url"].(string)
		}
		if first != testenv.Deref(w.FirstImage) {
			t.Errorf("item %d first image: got %q, want %q", i, first, testenv.Deref(w.FirstImage))
		}
		if g, _ := json.Marshal(a["authors"]); string(g) != mustJSON(w.Authors) {
			t.Errorf("item %d authors: got %s, want %s", i, g, mustJSON(w.Authors))
		}
		if g, _ := json.Marshal(a["categories"]); string(g) != mustJSON(w.Categories) {
			t.Errorf("item %d categories: got %s, want %s", i, g, mustJSON(w.Categories))
		}
	}
}
