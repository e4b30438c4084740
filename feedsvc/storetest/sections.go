package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// version returns the section version of slug or fails the test.
func version(t *testing.T, s feedsvc.Store, slug string) int64 {
	t.Helper()
	v, err := s.SectionVersion(t.Context(), slug)
	if err != nil {
		t.Fatalf("SectionVersion(%q): %v", slug, err)
	}
	return v
}

func testMovedOut(t *testing.T, s feedsvc.Store) {
	put(t, s, article("m", base, "x", "y"), article("stay", base, "x"))
	vx := version(t, s, "x")
	put(t, s, article("m", base, "y"))
	if got, want := ids(page(t, s, "x", feedsvc.Query{})), []string{"stay"}; !slices.Equal(got, want) {
		t.Errorf("section left: got %q, want %q", got, want)
	}
	if got, want := ids(page(t, s, "y", feedsvc.Query{})), []string{"m"}; !slices.Equal(got, want) {
		t.Errorf("section kept: got %q, want %q", got, want)
	}
	if v := version(t, s, "x"); v <= vx {
		t.Errorf("version of the section left: got %d, want > %d", v, vx)
	}
	put(t, s, article("m", base))
	if got := page(t, s, "y", feedsvc.Query{}); len(got) != 0 {
		t.Errorf("article in no section: section y still has %q", ids(got))
	}
	if got := one(t, s, "m"); len(got.Sections) != 0 {
		t.Errorf("article in no section: Sections %q, want none", got.Sections)
	}
}

func testDuplicateInBatch(t *testing.T, s feedsvc.Store) {
	first, last := article("dup", base, "x"), article("dup", base.Add(time.Hour), "y")
	last.Title = "last"
	put(t, s, first, last)
	if got := page(t, s, "x", feedsvc.Query{}); len(got) != 0 {
		t.Errorf("section of the overridden copy: got %q, want none", ids(got))
	}
	got := page(t, s, "y", feedsvc.Query{})
	if len(got) != 1 || got[0].Title != "last" {
		t.Errorf("section of the last copy: got %d articles %q, want the last copy", len(got), ids(got))
	}
}

func testVersion(t *testing.T, s feedsvc.Store) {
	if v := version(t, s, "never"); v != 0 {
		t.Errorf("never written: got %d, want 0", v)
	}
	a := article("v", base, "ver")
	put(t, s, a)
	v1 := version(t, s, "ver")
	if v1 <= 0 {
		t.Fatalf("after a put: got %d, want > 0", v1)
	}
	put(t, s, a)
	if v := version(t, s, "ver"); v != v1 {
		t.Errorf("identical re-put: got %d, want %d", v, v1)
	}
	a.Summary = "now with a summary"
	put(t, s, a)
	v2 := version(t, s, "ver")
	if v2 <= v1 {
		t.Errorf("after an edit: got %d, want > %d", v2, v1)
	}
	put(t, s, article("w", base.Add(time.Minute), "ver"))
	if v := version(t, s, "ver"); v <= v2 {
		t.Errorf("after a new article: got %d, want > %d", v, v2)
	}
}

func testConcurrent(t *testing.T, s feedsvc.Store) {
	const workers, batches, size = 8, 5, 5
	shared := article("shared", base, "busy")
	var all []string
	var wg sync.WaitGroup
	for w := range workers {
		var mine [][]feedsvc.Article
		for b := range batches {
			var batch []feedsvc.Article
			for i := range size {
				pub := base.Add(time.Duration((w*7+b*3+i)%11) * time.Second)
				a := article(fmt.Sprintf("w%d-b%d-%d", w, b, i), pub, "busy")
				batch = append(batch, a)
				all = append(all, a.ID)
			}
			mine = append(mine, append(batch, shared))
		}
		wg.Go(func() {
			for _, batch := range mine {
				if err := s.PutArticles(t.Context(), batch); err != nil {
					t.Errorf("worker %d: PutArticles: %v", w, err)
				}
				if _, err := s.SectionArticles(t.Context(), "busy", feedsvc.Query{Limit: 10}); err != nil {
					t.Errorf("worker %d: SectionArticles: %v", w, err)
				}
			}
		})
	}
	wg.Wait()
	want := sortedIDs(t, s, append(all, "shared"))
	if got := ids(page(t, s, "busy", feedsvc.Query{Limit: 1000})); !slices.Equal(got, want) {
		t.Errorf("after concurrent puts: got %d articles, want %d\n got %q\nwant %q", len(got), len(want), got, want)
	}
}

// testConcurrentSameID puts one article from several goroutines, each
// moving it to its own section; afterwards it must be indexed in exactly
// the sections its stored copy lists.
func testConcurrentSameID(t *testing.T, s feedsvc.Store) {
	const workers, rounds = 6, 15
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				a := article("hot", base.Add(time.Duration(r)*time.Second), fmt.Sprint("s", w))
				if err := s.PutArticles(t.Context(), []feedsvc.Article{a}); err != nil {
					t.Errorf("worker %d: PutArticles: %v", w, err)
				}
			}
		})
	}
	wg.Wait()
	stored := one(t, s, "hot")
	for w := range workers {
		slug := fmt.Sprint("s", w)
		got := ids(page(t, s, slug, feedsvc.Query{}))
		if want := slices.Contains(stored.Sections, slug); slices.Contains(got, "hot") != want {
			t.Errorf("section %s lists %q; stored article is in %q", slug, got, stored.Sections)
		}
	}
}
