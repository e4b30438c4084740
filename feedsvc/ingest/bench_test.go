package ingest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// benchFeed is the largest real feed fixture (TechCrunch, ~207 KB).
const benchFeed = "feedjira/techcrunch-rss20-feedburner.xml"

func benchBytes(b *testing.B) []byte {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join(testenv.Shared(b), "feeds", benchFeed))
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

// BenchmarkPipelineFeed measures one poll's work after the fetch: charset
// decoding, kind detection, parse (gofeed plus our mapping) and normalize
// (URLs, dates, sanitizing, ids, fingerprints).
func BenchmarkPipelineFeed(b *testing.B) {
	raw := benchBytes(b)
	url := "https://fixtures.example/" + benchFeed
	p := &ingest.Pipeline{
		Fetch: fixtureFetcher{url: url, ctype: "application/xml", body: raw},
		Now:   func() time.Time { return goldenNow },
	}
	src := &feedsvc.Source{ID: "bench", URL: url, Location: time.UTC}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := p.Collect(context.Background(), src, feedsvc.SourceState{}, nil)
		if err != nil || len(res.Articles) == 0 {
			b.Fatalf("got %d articles, err %v", len(res.Articles), err)
		}
	}
}

// BenchmarkGofeedOnly is the baseline: gofeed's universal parser alone on
// the same bytes.
func BenchmarkGofeedOnly(b *testing.B) {
	raw := benchBytes(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(raw))
		if err != nil || len(f.Items) == 0 {
			b.Fatalf("got %v, err %v", f, err)
		}
	}
}
