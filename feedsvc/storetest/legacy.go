package storetest

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/zstd"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// RunLegacyRecords checks that articles stored in an earlier record
// version still read the same. s is an empty store; writeOld must
// overwrite the stored record of each id with the given bytes (the way
// the store keeps records) and return the store to read from then on (the
// same one, or the store reopened). It is called once per earlier version:
// version 1 (Article.MarshalJSON, the check shape, as stores wrote before
// the record had its own type), version 2 (the uncompressed JSON record,
// as on an export line) and version 3 (that JSON in a zstd frame). render renders a channel (render.Atom in
// the store's test): the channel's bytes must not change, nor must a later
// put, removal or page.
func RunLegacyRecords(t *testing.T, s feedsvc.Store, writeOld func(t *testing.T, s feedsvc.Store, old map[string][]byte) feedsvc.Store,
	render func(*feedsvc.Channel) ([]byte, error)) {
	bare := feedsvc.Article{ID: "leg-bare", URL: "https://news.example.org/bare", Title: "Bare", Published: base, Sections: []string{"society"}}
	rich := full("leg-rich")
	rich.Versions = []feedsvc.Version{{Kind: feedsvc.VersionPage, Changed: map[string]time.Time{"title": base},
		Article: feedsvc.Article{ID: "leg-rich", Title: "旧标题", Published: base, Authors: []string{"Li Wei"}},
		Fetched: &feedsvc.PageFetch{Key: "k1", ETag: `"e1"`}}}
	put(t, s, bare, rich, full("leg-2"))
	before, arts := channel(t, s, render)
	for _, version := range []int{1, 2, 3} {
		old := map[string][]byte{}
		for _, a := range arts {
			old[a.ID] = oldRecord(t, version, a)
		}
		s = writeOld(t, s, old)
		after, again := channel(t, s, render)
		if !bytes.Equal(before, after) {
			t.Errorf("channel over version %d records differs:\nbefore %s\nafter  %s", version, before, after)
		}
		if d := cmp.Diff(arts, again, equateEmpty); d != "" {
			t.Errorf("articles over version %d records (-current +v%d):\n%s", version, version, d)
		}
		// A poll re-puts the same articles; retention takes one out of a
		// section. Both read the old records and leave the channel alone.
		put(t, s, bare, rich, full("leg-2"))
		if err := s.RemoveFromSection(t.Context(), "front", []string{"leg-rich"}); err != nil {
			t.Fatalf("RemoveFromSection: %v", err)
		}
		if final, _ := channel(t, s, render); !bytes.Equal(before, final) {
			t.Errorf("channel after a re-put and a removal over version %d differs:\nbefore %s\nafter  %s", version, before, final)
		}
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

// oldRecord returns a's record in an earlier version: 1, the check shape,
// 2, the JSON record, or 3, the JSON record in one zstd frame.
func oldRecord(t *testing.T, version int, a feedsvc.Article) []byte {
	t.Helper()
	switch version {
	case 2:
		return JSONRecord(t, a)
	case 3:
		enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest))
		if err != nil {
			t.Fatal(err)
		}
		defer enc.Close()
		return enc.EncodeAll(JSONRecord(t, a), nil)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// JSONRecord returns a's version 2 record, the JSON that a version 3
// record compressed: the article of an export line.
func JSONRecord(t testing.TB, a feedsvc.Article) []byte {
	t.Helper()
	line, err := json.Marshal(feedsvc.Record{Type: feedsvc.RecordArticle, Version: feedsvc.RecordVersion, Article: &a})
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ Article json.RawMessage }
	if err := json.Unmarshal(line, &r); err != nil || !bytes.HasPrefix(r.Article, []byte(`{"v":2,`)) {
		t.Fatalf("export line %.80s (%v): want a version 2 JSON record", line, err)
	}
	return r.Article
}
