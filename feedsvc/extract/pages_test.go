package extract

import (
	"path/filepath"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/accuracy"
)

// TestArticlePages runs every article fixture through the generic path
// (no per-source rules) and checks every field of its .expected.json with
// the corpus scorer (package accuracy).
func TestArticlePages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(pagesDir(t), "*.expected.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	tally := &accuracy.Tally{}
	for _, f := range files {
		exp, err := accuracy.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		if exp.Kind != "article" {
			continue
		}
		t.Run(exp.File, func(t *testing.T) {
			doc := readPage(t, exp.HTMLPath())
			got, err := Article(doc, exp.URL, feedsvc.ArticleRules{})
			if err != nil {
				t.Fatalf("Article: %v", err)
			}
			tally.Add(checkArticle(t, exp, got))
		})
	}
	if len(tally.Pages) < 4 {
		t.Errorf("got %d article fixtures, want at least 4", len(tally.Pages))
	}
	for _, f := range append(accuracy.Fields, accuracy.Extra...) {
		if p, n := tally.Field(f); n > 0 {
			t.Logf("generic accuracy %-16s %d/%d", f, p, n)
		}
	}
}

// checkArticle scores got and fails t on every missed field. Dates that
// only extract saw (no normalize) are parsed as normalize would.
func checkArticle(t *testing.T, exp accuracy.Expected, got feedsvc.Article) accuracy.PageResult {
	t.Helper()
	res := accuracy.Compare(exp, got, accuracy.Options{Zone: cst, Now: refNow})
	for _, r := range res {
		if !r.OK {
			t.Errorf("%s: got %s, want %s", r.Field, r.Got, r.Want)
		}
	}
	return accuracy.PageResult{Page: exp.File, Results: res}
}
