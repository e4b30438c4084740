package normalize

import (
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/parse"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// keptAgrees sanitizes content as Articles does and, when bluemonday kept
// the prepared markup, checks that the prepared tree gives the text,
// images and captions its output parses to. It reports whether it was
// kept.
func keptAgrees(t *testing.T, name, content string, base *url.URL) bool {
	t.Helper()
	a := feedsvc.Article{ContentHTML: content}
	b := readBody(&a)
	if b.tree == nil {
		return false
	}
	out, kept := sanitizeTree(b.tree, b.raw, base)
	if !kept {
		return false
	}
	ref := parseFragment(out)
	if ref == nil {
		t.Fatalf("%s: sanitized output does not parse", name)
	}
	if got, want := textOf(b.tree), textOf(ref); got != want {
		t.Errorf("%s: text of the prepared tree\n%q\nof the output\n%q", name, got, want)
	}
	if got, want := contentImages(b.tree), contentImages(ref); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: images of the prepared tree %+v, of the output %+v", name, got, want)
	}
	return true
}

// TestPreparedTreeAgrees: on every feed item and page of the shared
// fixtures, whenever bluemonday keeps the prepared markup unchanged, the
// prepared tree stands for its output exactly (text, images, captions),
// so cleanBody may skip parsing the output.
func TestPreparedTreeAgrees(t *testing.T) {
	dir := testenv.Shared(t)
	contents := map[string][]string{}
	feeds, _ := filepath.Glob(filepath.Join(dir, "feeds", "*", "*"))
	pages, _ := filepath.Glob(filepath.Join(dir, "pages", "*.html"))
	for _, p := range append(feeds, pages...) {
		if strings.HasSuffix(p, ".expected.json") || strings.Contains(p, "licenses") {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		body, _, err := fetch.DecodeUTF8(raw, "")
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(rel, "pages") {
			if a, err := extract.Article(body, "https://e.org/p.html", feedsvc.ArticleRules{}); err == nil {
				contents[rel] = append(contents[rel], a.ContentHTML)
			}
			continue
		}
		if _, arts, err := parse.Feed(body, "https://e.org/feed"); err == nil {
			for _, a := range arts {
				contents[rel] = append(contents[rel], a.ContentHTML, a.Summary)
			}
		}
	}
	base, _ := url.Parse("https://e.org/a/")
	kept, all := 0, 0
	for name, cs := range contents {
		for _, c := range cs {
			if strings.TrimSpace(c) == "" {
				continue
			}
			all++
			if keptAgrees(t, name, c, base) {
				kept++
			}
		}
	}
	// Most real content keeps (the check would be vacuous otherwise).
	if all < 300 || kept*10 < all*7 {
		t.Errorf("bluemonday kept the prepared markup of %d of %d contents", kept, all)
	}
	t.Logf("kept %d of %d", kept, all)
}
