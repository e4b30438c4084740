package redisstore_test

import (
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
)

// TestMigrateLegacyLayout writes a store, turns its keys back into the
// untagged layout 1 ({p}a:id), and checks that opening the store again
// renames them: every article, index entry, URL, version, blob (with its
// expiry) and state reads back and no untagged key is left.
func TestMigrateLegacyLayout(t *testing.T) {
	s, p := newStore(t)
	c := client(t)
	ctx := t.Context()
	pub := time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC)
	a := feedsvc.Article{ID: "id1", URL: "https://e.org/a", Title: "T", Published: pub, Sections: []string{"news", "world"}}
	if err := s.PutArticles(ctx, []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBlob(ctx, "k", []byte("v"), time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSourceState(ctx, feedsvc.SourceState{SourceID: "src", ETag: `"e"`}); err != nil {
		t.Fatal(err)
	}
	keys, err := c.Keys(ctx, p+"*").Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		old := strings.NewReplacer("{", "", "}", "").Replace(k)
		if err := c.Rename(ctx, k, old).Err(); err != nil {
			t.Fatal(err)
		}
	}
	c.Del(ctx, p+"layout")

	s2, err := redisstore.New(ctx, redisstore.Options{URL: redisURL(t), Prefix: p})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	for _, slug := range a.Sections {
		got, err := s2.SectionArticles(ctx, slug, feedsvc.Query{})
		if err != nil || len(got) != 1 || got[0].Title != "T" {
			t.Errorf("section %s after migration: %v, %v", slug, got, err)
		}
		if v, _ := s2.SectionVersion(ctx, slug); v != 1 {
			t.Errorf("version of %s after migration: %d, want 1", slug, v)
		}
	}
	if id, err := s2.LookupURL(ctx, a.URL); id != "id1" {
		t.Errorf("URL after migration: %q, %v", id, err)
	}
	if b, err := s2.Blob(ctx, "k"); string(b) != "v" {
		t.Errorf("blob after migration: %q, %v", b, err)
	}
	if ttl := c.PTTL(ctx, p+"b:{k}").Val(); ttl <= 0 {
		t.Errorf("blob expiry after migration: %v", ttl)
	}
	if st, err := s2.SourceState(ctx, "src"); st.ETag != `"e"` {
		t.Errorf("state after migration: %+v, %v", st, err)
	}
	left, _ := c.Keys(ctx, p+"*").Result()
	for _, k := range left {
		if k != p+"layout" && !strings.Contains(k, "{") {
			t.Errorf("untagged key left: %s", k)
		}
	}
	// The moved article is still updated in place, not duplicated.
	a.Sections = []string{"news"}
	if err := s2.PutArticles(ctx, []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s2.SectionArticles(ctx, "world", feedsvc.Query{}); len(got) != 0 {
		t.Errorf("section world after the article left it: %d articles", len(got))
	}
}
