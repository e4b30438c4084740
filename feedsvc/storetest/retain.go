package storetest

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// oldest returns SectionOldest of slug or fails the test.
func oldest(t *testing.T, s feedsvc.Store, slug string, limit int) ([]feedsvc.Cursor, int) {
	t.Helper()
	cs, n, err := s.SectionOldest(t.Context(), slug, limit)
	if err != nil {
		t.Fatalf("SectionOldest(%q, %d): %v", slug, limit, err)
	}
	return cs, n
}

// remove calls RemoveFromSection or fails the test.
func remove(t *testing.T, s feedsvc.Store, slug string, ids ...string) {
	t.Helper()
	if err := s.RemoveFromSection(t.Context(), slug, ids); err != nil {
		t.Fatalf("RemoveFromSection(%q, %q): %v", slug, ids, err)
	}
}

func cursorIDs(cs []feedsvc.Cursor) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func testSectionOldest(t *testing.T, s feedsvc.Store) {
	put(t, s, article("d", base.Add(3*time.Hour), "x"), article("b", base.Add(time.Hour), "x"),
		article("c", base.Add(time.Hour), "x"), article("a", base, "x", "y"), article("e", base.Add(4*time.Hour), "x"))
	cs, n := oldest(t, s, "x", 3)
	if got, want := cursorIDs(cs), []string{"a", "b", "c"}; !slices.Equal(got, want) || n != 5 {
		t.Errorf("oldest 3: got %q of %d, want %q of 5", got, n, want)
	}
	if len(cs) > 0 && cs[0] != feedsvc.CursorOf(&feedsvc.Article{ID: "a", Published: base}) {
		t.Errorf("oldest cursor: got %+v, want the cursor of a", cs[0])
	}
	if cs, n := oldest(t, s, "x", 10); len(cs) != 5 || n != 5 || cs[4].ID != "e" {
		t.Errorf("limit beyond the index: got %q of %d, want all 5 ending with e", cursorIDs(cs), n)
	}
	if cs, n := oldest(t, s, "x", 0); len(cs) != 0 || n != 5 {
		t.Errorf("limit 0: got %q of %d, want none of 5", cursorIDs(cs), n)
	}
	if cs, n := oldest(t, s, "nowhere", 3); len(cs) != 0 || n != 0 {
		t.Errorf("unknown section: got %q of %d, want none of 0", cursorIDs(cs), n)
	}
	if _, _, err := s.SectionOldest(canceled(), "x", 3); err == nil {
		t.Error("SectionOldest with a canceled context: got nil error")
	}
}

// testRemoveFromSection removes an article only in x (deleted), one also
// in y (kept in y), an unknown id and one not in x.
func testRemoveFromSection(t *testing.T, s feedsvc.Store) {
	solo, shared := article("solo", base, "x"), article("shared", base.Add(time.Minute), "x", "y")
	shared.AlsoIn = []feedsvc.SourceRef{{SourceID: "other", URL: "https://other.example/s"}}
	put(t, s, solo, shared, article("stay", base.Add(2*time.Minute), "x"), article("yonly", base, "y"))
	vx, vy := version(t, s, "x"), version(t, s, "y")
	remove(t, s, "x", "solo", "shared", "missing", "yonly")
	if got, want := ids(page(t, s, "x", feedsvc.Query{})), []string{"stay"}; !slices.Equal(got, want) {
		t.Errorf("section x: got %q, want %q", got, want)
	}
	if got, want := ids(page(t, s, "y", feedsvc.Query{})), []string{"shared", "yonly"}; !slices.Equal(got, want) {
		t.Errorf("section y: got %q, want %q", got, want)
	}
	if got, err := s.Articles(t.Context(), []string{"solo"}); err != nil || len(got) != 0 {
		t.Errorf("Articles(solo) after removal from its only section: got %d, %v; want none", len(got), err)
	}
	if _, err := s.LookupURL(t.Context(), solo.URL); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("LookupURL(solo) after deletion: got %v, want ErrNotFound", err)
	}
	kept := one(t, s, "shared")
	if !slices.Equal(kept.Sections, []string{"y"}) || kept.Title != shared.Title || len(kept.AlsoIn) != 1 {
		t.Errorf("shared after leaving x: Sections %q title %q also_in %v; want [y], unchanged data", kept.Sections, kept.Title, kept.AlsoIn)
	}
	if id, err := s.LookupURL(t.Context(), shared.URL); err != nil || id != "shared" {
		t.Errorf("LookupURL(shared): got %q, %v; want shared", id, err)
	}
	if _, n := oldest(t, s, "x", 0); n != 1 {
		t.Errorf("size of x: got %d, want 1", n)
	}
	vx2, vy2 := version(t, s, "x"), version(t, s, "y")
	if vx2 <= vx || vy2 <= vy {
		t.Errorf("versions: x %d -> %d, y %d -> %d; want both to grow", vx, vx2, vy, vy2)
	}
	remove(t, s, "x", "solo", "shared", "missing")
	if v := version(t, s, "x"); v != vx2 {
		t.Errorf("repeated removal: version of x %d -> %d, want unchanged", vx2, v)
	}
	put(t, s, solo)
	if got, want := ids(page(t, s, "x", feedsvc.Query{})), []string{"stay", "solo"}; !slices.Equal(got, want) {
		t.Errorf("put after deletion: got %q, want %q", got, want)
	}
}

// testRemoveKeepsURLOfOthers: deleting an article whose URL another
// article took over keeps the other's URL entry.
func testRemoveKeepsURLOfOthers(t *testing.T, s feedsvc.Store) {
	a, b := article("old", base, "x"), article("new", base.Add(time.Hour), "x")
	put(t, s, a)
	b.URL = a.URL
	put(t, s, b)
	remove(t, s, "x", "old")
	if id, err := s.LookupURL(t.Context(), a.URL); err != nil || id != "new" {
		t.Errorf("LookupURL after deleting the former owner: got %q, %v; want new", id, err)
	}
	if err := s.RemoveFromSection(canceled(), "x", []string{"new"}); err == nil {
		t.Error("RemoveFromSection with a canceled context: got nil error")
	}
	if got := ids(page(t, s, "x", feedsvc.Query{})); !slices.Equal(got, []string{"new"}) {
		t.Errorf("after a canceled removal: got %q, want [new]", got)
	}
}

// testRemoveKeepsCursors walks a section of 12 in pages of 3 while the
// two oldest entries and the cursor's own article are removed before each
// later page: the walk goes on from the cursor, newest first, and ends
// where the pruned tail begins.
func testRemoveKeepsCursors(t *testing.T, s feedsvc.Store) {
	var all []feedsvc.Article
	for i := range 12 { // pairs share a minute: ties order by ID
		all = append(all, article(name("k", i), base.Add(time.Duration(i/2)*time.Minute), "kx"))
	}
	put(t, s, all...)
	got := walk(t, s, "kx", 3, func(c feedsvc.Cursor) {
		cs, _ := oldest(t, s, "kx", 2)
		remove(t, s, "kx", append(cursorIDs(cs), c.ID)...)
	})
	var want []string
	for i := 11; i >= 4; i-- {
		want = append(want, name("k", i))
	}
	if !slices.Equal(got, want) {
		t.Errorf("walk with removals: got %q, want %q", got, want)
	}
}

// testRemoveConcurrentWithPuts races, many times over, the removal of an
// article from its only section y with a put that moves it into x and y:
// afterwards each section lists it exactly when its stored copy (if any)
// names that section, and its URL entry exists exactly when it is stored.
func testRemoveConcurrentWithPuts(t *testing.T, s feedsvc.Store) {
	for trial := range 60 {
		put(t, s, article("hot", base, "y"))
		var wg sync.WaitGroup
		wg.Go(func() {
			if err := s.RemoveFromSection(t.Context(), "y", []string{"hot"}); err != nil {
				t.Errorf("RemoveFromSection: %v", err)
			}
		})
		wg.Go(func() {
			a := article("hot", base.Add(time.Duration(trial+1)*time.Second), "x", "y")
			if err := s.PutArticles(t.Context(), []feedsvc.Article{a}); err != nil {
				t.Errorf("PutArticles: %v", err)
			}
		})
		wg.Wait()
		checkIndexed(t, s, "hot", "x", "y")
		if t.Failed() {
			t.Fatalf("trial %d", trial)
		}
	}
}

// checkIndexed checks that each of slugs lists id exactly when the stored
// copy names it, and that the URL entry exists exactly when id is stored.
func checkIndexed(t *testing.T, s feedsvc.Store, id string, slugs ...string) {
	t.Helper()
	got, err := s.Articles(t.Context(), []string{id})
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range slugs {
		cs, _ := oldest(t, s, slug, 100) // the index itself: a page skips dangling entries
		listed := slices.Contains(cursorIDs(cs), id)
		stored := len(got) == 1 && slices.Contains(got[0].Sections, slug)
		if listed != stored {
			t.Errorf("section %s lists %s: %v; its stored copy names it: %v (%d stored)", slug, id, listed, stored, len(got))
		}
	}
	if _, err := s.LookupURL(t.Context(), article(id, base).URL); (err == nil) != (len(got) == 1) {
		t.Errorf("URL entry present: %v; article stored: %v", err == nil, len(got) == 1)
	}
}
