package boltstore_test

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// bodyFetcher answers its one URL with body, as the site would.
type bodyFetcher struct {
	url, contentType string
	body             []byte
}

func (f bodyFetcher) Get(_ context.Context, r fetch.Request) (*fetch.Response, error) {
	if r.URL != f.url {
		return nil, &fetch.HTTPError{StatusCode: 404, URL: r.URL}
	}
	return &fetch.Response{URL: f.url, StatusCode: 200, Body: f.body, ContentType: f.contentType}, nil
}

// TestRecordCompressionRatio measures the stored record (version 3,
// compressed) against the JSON record (version 2) on real text: the
// articles ingest makes of the corpus's article pages (testdata/corpus)
// and of the shared feed fixtures (testdata/shared/feeds). It prints the
// ratios (go test -v -run RecordCompression) and fails when the records
// of either set stop shrinking to under two thirds.
func TestRecordCompressionRatio(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sets := []struct {
		name, glob, kind, contentType string
	}{
		{"corpus zh pages", "corpus/zh/*.html", ingest.KindArticle, "text/html"},
		{"corpus en pages", "corpus/en/*.html", ingest.KindArticle, "text/html"},
		{"shared feeds", "shared/feeds/*/*.xml", "", "application/xml"},
	}
	for _, set := range sets {
		files, err := filepath.Glob(filepath.Join(root, set.glob))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no files (%v)", set.name, err)
		}
		var n, plain, packed int
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			url := "https://news.example.org/" + filepath.Base(f)
			p := &ingest.Pipeline{Fetch: bodyFetcher{url, set.contentType, body}, Now: func() time.Time { return now }}
			src := &feedsvc.Source{ID: "size", URL: url, Kind: set.kind, Location: time.UTC, Timezone: "UTC"}
			res, err := p.Collect(t.Context(), src, feedsvc.SourceState{}, nil)
			if err != nil {
				continue // a fixture ingest refuses (a broken feed) stores nothing
			}
			for _, a := range res.Articles {
				a.ID, a.Sections = cmp.Or(a.ID, "x"), []string{"news"}
				a = feedsvc.StoredArticle(a, time.Time{}, now)
				v2, v3 := storetest.JSONRecord(t, a), encode(t, a)
				n, plain, packed = n+1, plain+len(v2), packed+len(v3)
			}
		}
		if n == 0 {
			t.Fatalf("%s: no article", set.name)
		}
		ratio := float64(packed) / float64(plain)
		t.Logf("%s: %d articles, JSON records %d bytes (%.0f each), compressed %d bytes (%.0f each): %.2f",
			set.name, n, plain, float64(plain)/float64(n), packed, float64(packed)/float64(n), ratio)
		if ratio > 2.0/3 {
			t.Errorf("%s: compressed records are %.2f of the JSON records, want under 2/3", set.name, ratio)
		}
	}
}

func encode(t *testing.T, a feedsvc.Article) []byte {
	t.Helper()
	b, err := feedsvc.EncodeArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
