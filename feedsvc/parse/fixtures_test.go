package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// TestAuthoredExpectations checks the GBK feed against its expected.json.
func TestAuthoredExpectations(t *testing.T) {
	dir, _ := feedFixtures(t)
	const rel = testenv.AuthoredFeedPath
	exp, _ := testenv.AuthoredFeed(t)
	_, fi, arts, err := parseFixture(t, dir, rel)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Title != exp.Feed.Title || fi.Link != exp.Feed.Link || !strings.EqualFold(fi.Language, exp.Feed.Language) {
		t.Errorf("feed: got %q %q %q, want %q %q %q", fi.Title, fi.Link, fi.Language, exp.Feed.Title, exp.Feed.Link, exp.Feed.Language)
	}
	if len(arts) != exp.ItemCount || len(exp.Items) != exp.ItemCount {
		t.Fatalf("item count: got %d, want %d", len(arts), exp.ItemCount)
	}
	for i, want := range exp.Items {
		a := arts[i]
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			// The expected guid falls back to the link when the item has
			// none; parse leaves GUID empty and normalize does the fallback.
			if a.GUID != want.GUID && !(a.GUID == "" && want.GUID == a.URL) {
				t.Errorf("guid: got %q, want %q", a.GUID, want.GUID)
			}
			for _, c := range [][2]string{{a.Title, want.Title}, {a.URL, want.Link},
				{a.PublishedRaw, want.PublishedRaw}, {a.Source, testenv.Deref(want.Source)},
				{firstImage(a), testenv.Deref(want.FirstImage)}} {
				if c[0] != c[1] {
					t.Errorf("got %q, want %q", c[0], c[1])
				}
			}
			if strings.Join(a.Authors, "|") != strings.Join(want.Authors, "|") {
				t.Errorf("authors: got %q, want %q", a.Authors, want.Authors)
			}
			if strings.Join(a.Categories, "|") != strings.Join(want.Categories, "|") {
				t.Errorf("categories: got %q, want %q", a.Categories, want.Categories)
			}
		})
	}
}

var imgSrcRE = regexp.MustCompile(`(?i)<img[^>]+src\s*=\s*["']([^"']+)["']`)

// firstImage is the first picture of an article as normalize will see it:
// the first listed image, else the first <img> in the content, resolved
// against the article's BaseURL.
func firstImage(a feedsvc.Article) string {
	if len(a.Images) > 0 {
		return a.Images[0].URL
	}
	if m := imgSrcRE.FindStringSubmatch(a.ContentHTML); m != nil {
		return absHTTP(m[1], a.BaseURL)
	}
	return ""
}

// TestRealWorldCounts checks that real feeds yield every item they hold,
// each with a title and a link; N is counted from the file itself.
func TestRealWorldCounts(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		if !strings.HasPrefix(rel, "feedjira/") && !strings.HasPrefix(rel, "miniflux/") {
			continue
		}
		t.Run(rel, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			want := countItems(t, raw)
			_, fi, arts, err := parseFixture(t, dir, rel)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Title == "" {
				t.Error("feed title is empty")
			}
			if len(arts) != want {
				t.Errorf("items: got %d, want %d", len(arts), want)
			}
			for i, a := range arts {
				if a.Title == "" || a.URL == "" {
					t.Errorf("item %d: title %q, url %q: want both", i, a.Title, a.URL)
				}
			}
		})
	}
}

var (
	itemBlockRE = regexp.MustCompile(`(?s)<(item|entry)[\s>].*?</(?:item|entry)>`)
	dateElemRE  = regexp.MustCompile(`(?s)<(pubDate|dc:date|updated|published)>.*?</[^>]+>`)
	anyTagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
)

// countItems counts the items of a fixture that carry anything besides a
// date; parse drops items with nothing to show.
func countItems(t *testing.T, raw []byte) int {
	if strings.HasPrefix(strings.TrimSpace(string(raw)), "{") {
		var f struct{ Items []json.RawMessage }
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatal(err)
		}
		return len(f.Items)
	}
	n := 0
	for _, blk := range itemBlockRE.FindAll(raw, -1) {
		text := anyTagRE.ReplaceAll(dateElemRE.ReplaceAll(blk, nil), nil)
		if strings.TrimSpace(string(text)) != "" || strings.Contains(string(blk), "href=") || strings.Contains(string(blk), "url=") {
			n++
		}
	}
	return n
}
