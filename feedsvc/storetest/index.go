package storetest

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// scatter returns n articles in slug with clustered dates: ties to the
// second, sub-second Published values, and undated articles ordered by a
// millisecond FirstSeen.
func scatter(slug string, n int, seed uint64) []feedsvc.Article {
	r := rand.New(rand.NewPCG(seed, 1))
	arts := make([]feedsvc.Article, n)
	for i := range arts {
		at := base.Add(time.Duration(r.IntN(8)) * time.Minute)
		a := article(name(slug, r.IntN(1000)*100+i), at, slug)
		switch r.IntN(4) {
		case 0:
			a.Published = at.Add(time.Duration(r.IntN(1000)) * time.Millisecond)
		case 1:
			a.Published = time.Time{}
			a.FirstSeen = at.Add(time.Duration(r.IntN(3)) * time.Millisecond)
		}
		arts[i] = a
	}
	return arts
}

func testOrder(t *testing.T, s feedsvc.Store) {
	arts := scatter("order", 40, 1)
	put(t, s, arts...)
	put(t, s, scatter("other", 10, 2)...)
	want := sortedIDs(t, s, ids(arts))
	if got := ids(page(t, s, "order", feedsvc.Query{Limit: 100})); !slices.Equal(got, want) {
		t.Errorf("section order:\n got %q\nwant %q", got, want)
	}
}

func testPaging(t *testing.T, s feedsvc.Store) {
	arts := scatter("paged", 37, 3)
	put(t, s, arts...)
	want := sortedIDs(t, s, ids(arts))
	for _, n := range []int{1, 5, 37, 50} {
		if got := walk(t, s, "paged", n, nil); !slices.Equal(got, want) {
			t.Errorf("walk with pages of %d:\n got %q\nwant %q", n, got, want)
		}
	}
	// Articles that arrive between pages sort before the cursor: newer
	// ones, and ones tied with the cursor's time but with a greater ID.
	k := 0
	insert := func(c feedsvc.Cursor) {
		k++
		newer := article(name("new", k), base.Add(time.Duration(k)*time.Hour), "paged")
		tied := article(c.ID+"~", time.Time{}, "paged")
		tied.FirstSeen = time.UnixMilli(c.Millis)
		put(t, s, newer, tied)
	}
	if got := walk(t, s, "paged", 4, insert); !slices.Equal(got, want) {
		t.Errorf("walk while inserting:\n got %q\nwant %q", got, want)
	}
}

func testSince(t *testing.T, s feedsvc.Store) {
	var arts []feedsvc.Article
	for i := range 10 {
		arts = append(arts, article(name("s", i), base.Add(time.Duration(i)*time.Hour), "since"))
	}
	put(t, s, arts...)
	since := base.Add(5 * time.Hour)
	tests := []struct {
		name string
		q    feedsvc.Query
		want []string
	}{
		{"bound inclusive", feedsvc.Query{Since: since}, []string{"s-0009", "s-0008", "s-0007", "s-0006", "s-0005"}},
		{"with cursor", feedsvc.Query{Since: since, Before: feedsvc.CursorOf(&arts[7])}, []string{"s-0006", "s-0005"}},
		{"with limit", feedsvc.Query{Since: since, Limit: 2}, []string{"s-0009", "s-0008"}},
		{"in the future", feedsvc.Query{Since: base.Add(24 * time.Hour)}, nil},
	}
	for _, tc := range tests {
		if got := ids(page(t, s, "since", tc.q)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func testDefaultLimit(t *testing.T, s feedsvc.Store) {
	put(t, s, scatter("many", 60, 4)...)
	for _, limit := range []int{0, -1} {
		if got := page(t, s, "many", feedsvc.Query{Limit: limit}); len(got) != 50 {
			t.Errorf("Limit %d: got %d articles, want 50", limit, len(got))
		}
	}
}

func testUnknownSection(t *testing.T, s feedsvc.Store) {
	put(t, s, article("x", base, "known"))
	if got := page(t, s, "unknown", feedsvc.Query{}); len(got) != 0 {
		t.Errorf("unknown section: got %q, want none", ids(got))
	}
}
