package extract_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// fileFetcher answers each URL with a fixture file, as a site would.
type fileFetcher map[string]string

func (f fileFetcher) Get(_ context.Context, r fetch.Request) (*fetch.Response, error) {
	path, ok := f[r.URL]
	if !ok {
		return nil, &fetch.HTTPError{StatusCode: 404, URL: r.URL}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &fetch.Response{URL: r.URL, StatusCode: 200, Body: b, ContentType: "text/html"}, nil
}

// TestPagesThroughPipeline runs every article fixture through the same
// pipeline as `feedsvc check` (kind detection, charset decoding, extract,
// normalize) with no per-source rules, and checks every expected field on
// the normalized article.
func TestPagesThroughPipeline(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "pages")
	files, _ := filepath.Glob(filepath.Join(dir, "*-article.expected.json"))
	if len(files) < 4 {
		t.Fatalf("found %d article fixtures", len(files))
	}
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	for _, f := range files {
		want, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page := strings.TrimSuffix(f, ".expected.json") + ".html"
		var e struct{ URL string }
		if err := json.Unmarshal(want, &e); err != nil {
			t.Fatal(err)
		}
		url := e.URL
		t.Run(filepath.Base(page), func(t *testing.T) {
			p := &ingest.Pipeline{Fetch: fileFetcher{url: page}, Now: func() time.Time { return time.Date(2023, 11, 15, 12, 0, 0, 0, shanghai) }}
			src := &feedsvc.Source{ID: "check", URL: url, Location: shanghai, Timezone: "Asia/Shanghai"}
			res, err := p.Collect(context.Background(), src, feedsvc.SourceState{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind != ingest.KindArticle || len(res.Articles) != 1 {
				t.Fatalf("kind %q with %d articles, want one article", res.Kind, len(res.Articles))
			}
			extract.CheckArticleJSON(t, want, res.Articles[0])
		})
	}
}
