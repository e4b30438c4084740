package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// one returns the stored article id or fails the test.
func one(t *testing.T, s feedsvc.Store, id string) feedsvc.Article {
	t.Helper()
	got, err := s.Articles(t.Context(), []string{id})
	if err != nil || len(got) != 1 {
		t.Fatalf("Articles(%q): got %d articles, err %v; want 1", id, len(got), err)
	}
	return got[0]
}

func testFirstSeen(t *testing.T, s feedsvc.Store) {
	a := article("undated", time.Time{}, "fs")
	a.FirstSeen = time.Time{}
	before := time.Now()
	put(t, s, a)
	after := time.Now()
	first := one(t, s, "undated").FirstSeen
	if first.Before(before.Add(-time.Millisecond)) || first.After(after.Add(time.Millisecond)) {
		t.Fatalf("FirstSeen of a new article: got %v, want between %v and %v", first, before, after)
	}
	a.FirstSeen = first.Add(time.Hour)
	a.Title = "changed"
	put(t, s, a)
	if got := one(t, s, "undated"); !got.FirstSeen.Equal(first) || got.Title != "changed" {
		t.Errorf("re-put with later FirstSeen: got %v %q, want %v %q", got.FirstSeen, got.Title, first, "changed")
	}
	dated := article("dated", first.Add(-time.Hour).Truncate(time.Second), "fs")
	put(t, s, dated)
	if got, want := ids(page(t, s, "fs", feedsvc.Query{})), []string{"undated", "dated"}; !slices.Equal(got, want) {
		t.Errorf("an article without Published orders by FirstSeen: got %q, want %q", got, want)
	}
}

func testRePut(t *testing.T, s feedsvc.Store) {
	put(t, s, article("a", base.Add(1*time.Hour), "news"),
		article("b", base.Add(2*time.Hour), "news"),
		article("c", base.Add(3*time.Hour), "news"))
	moved := article("a", base.Add(4*time.Hour), "news")
	moved.Title = "new title"
	put(t, s, moved)
	if got, want := ids(page(t, s, "news", feedsvc.Query{})), []string{"a", "c", "b"}; !slices.Equal(got, want) {
		t.Errorf("after a moved to the top: got %q, want %q", got, want)
	}
	if got := one(t, s, "a").Title; got != "new title" {
		t.Errorf("title after re-put: got %q, want %q", got, "new title")
	}
	put(t, s, article("a", base, "news"))
	if got, want := ids(page(t, s, "news", feedsvc.Query{})), []string{"c", "b", "a"}; !slices.Equal(got, want) {
		t.Errorf("after a moved to the bottom: got %q, want %q", got, want)
	}
}

func testLookupURL(t *testing.T, s feedsvc.Store) {
	a := article("u1", base, "news")
	put(t, s, a, article("u2", base, "news"))
	if got, err := s.LookupURL(t.Context(), a.URL); err != nil || got != "u1" {
		t.Fatalf("LookupURL(%q): got %q, %v; want %q", a.URL, got, err, "u1")
	}
	if _, err := s.LookupURL(t.Context(), "https://news.example.org/none"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("LookupURL of an unknown URL: got %v, want ErrNotFound", err)
	}
	old := a.URL
	a.URL = "https://news.example.org/canonical/u1"
	put(t, s, a)
	if got, err := s.LookupURL(t.Context(), a.URL); err != nil || got != "u1" {
		t.Errorf("LookupURL(new URL): got %q, %v; want %q", got, err, "u1")
	}
	if got, err := s.LookupURL(t.Context(), old); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("LookupURL(old URL) after the URL changed: got %q, %v; want ErrNotFound", got, err)
	}
	// u2 takes over u1's URL; u1 moving away again must not drop u2's entry.
	b := article("u2", base, "news")
	b.URL = a.URL
	put(t, s, b)
	a.URL = "https://news.example.org/third/u1"
	put(t, s, a)
	if got, err := s.LookupURL(t.Context(), b.URL); err != nil || got != "u2" {
		t.Errorf("LookupURL of a URL taken over: got %q, %v; want %q", got, err, "u2")
	}
}
