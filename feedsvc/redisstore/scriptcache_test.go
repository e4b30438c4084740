package redisstore_test

import (
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestScriptCacheFlushed checks that puts and removals work on a node
// whose script cache is empty (a restarted or newly promoted primary):
// the store's EVALSHA falls back to EVAL.
func TestScriptCacheFlushed(t *testing.T) {
	s, _ := newStore(t)
	c := client(t)
	ctx := t.Context()
	pub := time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC)
	a := feedsvc.Article{ID: "sc1", URL: "https://e.org/sc1", Published: pub, Sections: []string{"x", "y"}}
	for _, step := range []func() error{
		func() error { return s.PutArticles(ctx, []feedsvc.Article{a}) },
		func() error { return s.RemoveFromSection(ctx, "x", []string{"sc1"}) },
	} {
		if err := c.ScriptFlush(ctx).Err(); err != nil {
			t.Fatal(err)
		}
		if err := step(); err != nil {
			t.Fatalf("after SCRIPT FLUSH: %v", err)
		}
	}
	for slug, want := range map[string]int{"x": 0, "y": 1} {
		got, err := s.SectionArticles(ctx, slug, feedsvc.Query{})
		if err != nil || len(got) != want {
			t.Errorf("section %s: %d articles (%v), want %d", slug, len(got), err, want)
		}
	}
	if id, err := s.LookupURL(ctx, a.URL); id != "sc1" {
		t.Errorf("URL entry: %q, %v", id, err)
	}
}
