package storetest

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// RunLegacyRecords checks that articles stored before the stored record
// had its own type still read the same. s is an empty store; writeV1
// must overwrite the stored record of each id with the given bytes (the
// version 1 form, Article.MarshalJSON, as earlier versions of the store
// wrote it) the way the store keeps records, and return the store to read
// from then on (the same one, or the store reopened). render renders a
// channel (render.Atom in the store's test): the channel's bytes must not
// change, nor must a later put, removal or page.
func RunLegacyRecords(t *testing.T, s feedsvc.Store, writeV1 func(t *testing.T, s feedsvc.Store, old map[string][]byte) feedsvc.Store,
	render func(*feedsvc.Channel) ([]byte, error)) {
	bare := feedsvc.Article{ID: "leg-bare", URL: "https://news.example.org/bare", Title: "Bare", Published: base, Sections: []string{"society"}}
	rich := full("leg-rich")
	rich.Versions = []feedsvc.Version{{Kind: feedsvc.VersionPage, Changed: map[string]time.Time{"title": base},
		Article: feedsvc.Article{ID: "leg-rich", Title: "旧标题", Published: base, Authors: []string{"Li Wei"}},
		Fetched: &feedsvc.PageFetch{Key: "k1", ETag: `"e1"`}}}
	put(t, s, bare, rich, full("leg-2"))
	before, arts := channel(t, s, render)
	old := map[string][]byte{}
	for _, a := range arts {
		b, err := json.Marshal(a) // the version 1 record: the check shape
		if err != nil {
			t.Fatal(err)
		}
		old[a.ID] = b
	}
	s = writeV1(t, s, old)
	after, again := channel(t, s, render)
	if !bytes.Equal(before, after) {
		t.Errorf("channel over version 1 records differs:\nbefore %s\nafter  %s", before, after)
	}
	if d := cmp.Diff(arts, again, equateEmpty); d != "" {
		t.Errorf("articles over version 1 records (-current +v1):\n%s", d)
	}
	// A poll re-puts the same articles; retention takes one out of a
	// section. Both read the version 1 records and leave the channel alone.
	put(t, s, bare, rich, full("leg-2"))
	if err := s.RemoveFromSection(t.Context(), "front", []string{"leg-rich"}); err != nil {
		t.Fatalf("RemoveFromSection: %v", err)
	}
	if final, _ := channel(t, s, render); !bytes.Equal(before, final) {
		t.Errorf("channel after a re-put and a removal differs:\nbefore %s\nafter  %s", before, final)
	}
}

// channel renders the first page of section society.
func channel(t *testing.T, s feedsvc.Store, render func(*feedsvc.Channel) ([]byte, error)) ([]byte, []feedsvc.Article) {
	t.Helper()
	arts := page(t, s, "society", feedsvc.Query{})
	if len(arts) != 3 {
		t.Fatalf("section society holds %d articles, want 3", len(arts))
	}
	ch := &feedsvc.Channel{Section: feedsvc.Section{Slug: "society", Title: "Society", Language: "zh-CN"},
		SelfURL: "https://feeds.example.org/sections/society/atom", HomeURL: "https://feeds.example.org/sections/society",
		IDs: feedsvc.IDScheme{Authority: "feeds.example.org", Date: "2024"}, Updated: feedsvc.LatestChange(arts), Articles: arts}
	b, err := render(ch)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return b, arts
}
