package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// A source read from a local file (the bundled example, fixtures) makes
// no network request on its behalf: no media probe, no full-text page,
// although its teaser items link to remote pages and carry remote images.
func TestFileSourceFetchesNothingRemote(t *testing.T) {
	dir := t.TempDir()
	doc := rss(item{"1", "One", "https://remote.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", `<p>Teaser.</p><img src="https://img.remote.example/a.jpg">`})
	if err := os.WriteFile(filepath.Join(dir, "feed.xml"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	st := memstore.New()
	in := &Ingester{Pipeline: &Pipeline{Fetch: fetch.New(fetch.Options{AllowFile: true})}, Store: st}
	probed := 0
	in.Enrich = func(context.Context, []feedsvc.Article) { probed++ }
	src := source("local", "file:"+filepath.Join(dir, "feed.xml"))
	pr, err := in.Poll(context.Background(), src)
	if err != nil || pr.Changed != 1 {
		t.Fatalf("poll: %+v, %v", pr, err)
	}
	if probed != 0 {
		t.Errorf("media probed %d times for a file: source", probed)
	}
	state, err := st.SourceState(context.Background(), "local")
	if err != nil {
		t.Fatal(err)
	}
	if state.Fulltext != nil && (state.Fulltext.Fetched+state.Fulltext.Failures) != 0 {
		t.Errorf("full-text pages fetched for a file: source: %+v", state.Fulltext)
	}
}
