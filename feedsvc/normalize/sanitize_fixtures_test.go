package normalize

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/parse"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// fixtureContent is one HTML content of the repository's fixtures.
type fixtureContent struct {
	name, html string
}

// fixtureContents returns every non-blank HTML content the fixtures give
// normalize: the content and summary of every item of the shared feeds
// (the inputs of the ingest and parse goldens), and the content extract
// finds on the shared pages, the corpus pages and extract's own test
// pages. Sorted by file, so that failures read the same on every run.
// They are read once per test binary.
func fixtureContents(t testing.TB) []fixtureContent {
	t.Helper()
	shared, root := testenv.Shared(t), testenv.RepoRoot(t)
	fixtures.Do(func() { fixtures.contents, fixtures.err = readFixtureContents(shared, root) })
	if fixtures.err != nil {
		t.Fatal(fixtures.err)
	}
	if len(fixtures.contents) < 300 {
		t.Fatalf("only %d fixture contents", len(fixtures.contents))
	}
	return fixtures.contents
}

var fixtures struct {
	sync.Once
	contents []fixtureContent
	err      error
}

func readFixtureContents(shared, root string) ([]fixtureContent, error) {
	var files []string
	for _, g := range []string{
		filepath.Join(shared, "feeds", "*", "*"),
		filepath.Join(shared, "pages", "*.html"),
		filepath.Join(root, "testdata", "corpus", "*", "*.html"),
		filepath.Join(root, "feedsvc", "extract", "testdata", "*.html"),
	} {
		m, err := filepath.Glob(g)
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	var out []fixtureContent
	add := func(name string, cs ...string) {
		for _, c := range cs {
			if strings.TrimSpace(c) != "" {
				out = append(out, fixtureContent{name, c})
			}
		}
	}
	for _, p := range files {
		if strings.HasSuffix(p, ".expected.json") || strings.Contains(p, "licenses") {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		body, _, err := fetch.DecodeUTF8(raw, "")
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(root, p)
		if strings.HasSuffix(p, ".html") {
			if a, err := extract.Article(body, "https://e.org/p.html", feedsvc.ArticleRules{}); err == nil {
				add(rel, a.ContentHTML)
			}
			continue
		}
		if _, arts, err := parse.Feed(body, "https://e.org/feed"); err == nil {
			for _, a := range arts {
				add(rel, a.ContentHTML, a.Summary)
			}
		}
	}
	return out, nil
}
