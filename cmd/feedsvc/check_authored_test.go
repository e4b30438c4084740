package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// TestCheckAuthoredFeed asserts the authored GBK feed's shipped
// expectations on the whole pipeline's output.
func TestCheckAuthoredFeed(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "feeds", "authored")
	var want struct {
		Items []struct {
			Title, Link, PublishedUTC, Source, FirstImage string
			Authors, Categories                           []string
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "workercn-zgyl-gbk-rss20.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte(`"published_utc"`), []byte(`"PublishedUTC"`))
	b = bytes.ReplaceAll(b, []byte(`"first_image"`), []byte(`"FirstImage"`))
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	arts, stderr := checkJSON(t, "-timezone", "Asia/Shanghai", filepath.Join(dir, "workercn-zgyl-gbk-rss20.xml"))
	if stderr != "" {
		t.Fatal(stderr)
	}
	if len(arts) != len(want.Items) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want.Items))
	}
	for i, w := range want.Items {
		a := arts[i]
		got := func(k string) string { s, _ := a[k].(string); return s }
		if got("title") != w.Title || got("url") != w.Link || got("published") != w.PublishedUTC || got("source") != w.Source {
			t.Errorf("item %d: got %q %q %q %q, want %q %q %q %q", i, got("title"), got("url"), got("published"), got("source"),
				w.Title, w.Link, w.PublishedUTC, w.Source)
		}
		imgs, _ := a["images"].([]any)
		first := ""
		if len(imgs) > 0 {
			first, _ = imgs[0].(map[string]any)["url"].(string)
		}
		if first != w.FirstImage {
			t.Errorf("item %d first image: got %q, want %q", i, first, w.FirstImage)
		}
		if g, _ := json.Marshal(a["authors"]); string(g) != mustJSON(w.Authors) {
			t.Errorf("item %d authors: got %s, want %s", i, g, mustJSON(w.Authors))
		}
		if g, _ := json.Marshal(a["categories"]); string(g) != mustJSON(w.Categories) {
			t.Errorf("item %d categories: got %s, want %s", i, g, mustJSON(w.Categories))
		}
	}
}
