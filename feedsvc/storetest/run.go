package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Run runs the store contract suite. newStore is called once per subtest
// and must return an empty store isolated from every other subtest; it
// owns the store's lifetime (register Close with t.Cleanup).
func Run(t *testing.T, newStore func(t *testing.T) feedsvc.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s feedsvc.Store)
	}{
		{"RoundTripEveryField", testRoundTrip},
		{"ArticlesAreCopies", testCopies},
		{"InvalidBatchRejected", testInvalid},
		{"FirstSeenKeptEarliest", testFirstSeen},
		{"RePutUpdatesInPlace", testRePut},
		{"LookupURL", testLookupURL},
		{"IndexOrderNewestFirst", testOrder},
		{"PagingWalksOnce", testPaging},
		{"SinceLowerBound", testSince},
		{"DefaultLimit", testDefaultLimit},
		{"MovedOutOfSection", testMovedOut},
		{"DuplicateIDInBatchLastWins", testDuplicateInBatch},
		{"SectionVersion", testVersion},
		{"UnknownSectionEmpty", testUnknownSection},
		{"ConcurrentPuts", testConcurrent},
		{"ConcurrentPutsOfOneArticle", testConcurrentSameID},
		{"SourceState", testSourceState},
		{"Blobs", testBlobs},
		{"BlobExpiry", testBlobExpiry},
		{"BlobBatch", testBlobBatch},
		{"DeleteBlobsByPrefix", testDeleteBlobs},
		{"Locks", testLocks},
		{"LockExpiryAndRenew", testLockExpiry},
		{"Ping", testPing},
		{"CanceledContext", testCanceled},
		{"SectionOldest", testSectionOldest},
		{"SectionRecent", testSectionRecent},
		{"RemoveFromSection", testRemoveFromSection},
		{"RemoveKeepsURLOfOthers", testRemoveKeepsURLOfOthers},
		{"RemoveKeepsCursors", testRemoveKeepsCursors},
		{"RemoveConcurrentWithPuts", testRemoveConcurrentWithPuts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, newStore(t))
		})
	}
}

// base is a fixed instant the fixtures are built around.
var base = time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC)

// article returns a minimal article published at pub in sections.
func article(id string, pub time.Time, sections ...string) feedsvc.Article {
	return feedsvc.Article{
		ID:        id,
		URL:       "https://news.example.org/a/" + id,
		Title:     "Title " + id,
		Published: pub,
		FirstSeen: base,
		Sections:  sections,
	}
}

// put stores arts or fails the test.
func put(t *testing.T, s feedsvc.Store, arts ...feedsvc.Article) {
	t.Helper()
	if err := s.PutArticles(t.Context(), arts); err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
}

// page returns one page of slug or fails the test.
func page(t *testing.T, s feedsvc.Store, slug string, q feedsvc.Query) []feedsvc.Article {
	t.Helper()
	arts, err := s.SectionArticles(t.Context(), slug, q)
	if err != nil {
		t.Fatalf("SectionArticles(%q, %+v): %v", slug, q, err)
	}
	return arts
}

// ids returns the IDs of arts.
func ids(arts []feedsvc.Article) []string {
	out := make([]string, len(arts))
	for i := range arts {
		out[i] = arts[i].ID
	}
	return out
}

// walk pages through slug with page size n, calling between with the
// cursor before fetching each page after the first, and returns every ID
// seen in order.
func walk(t *testing.T, s feedsvc.Store, slug string, n int, between func(c feedsvc.Cursor)) []string {
	t.Helper()
	var all []string
	q := feedsvc.Query{Limit: n}
	for i := 0; ; i++ {
		if i > 0 && between != nil {
			between(q.Before)
		}
		got := page(t, s, slug, q)
		if len(got) > n {
			t.Fatalf("page %d: got %d articles, want at most %d", i, len(got), n)
		}
		all = append(all, ids(got)...)
		if len(got) < n {
			return all
		}
		if i > 10000 {
			t.Fatal("walk does not end")
		}
		q.Before = feedsvc.CursorOf(&got[len(got)-1])
	}
}

// sortedIDs fetches ids and returns them in index order (newest first by
// the cursor of the stored article), as the index must list them.
func sortedIDs(t *testing.T, s feedsvc.Store, want []string) []string {
	t.Helper()
	arts, err := s.Articles(t.Context(), want)
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(arts) != len(want) {
		t.Fatalf("Articles: got %d, want %d", len(arts), len(want))
	}
	slices.SortFunc(arts, func(a, b feedsvc.Article) int {
		return compareDesc(feedsvc.CursorOf(&a), feedsvc.CursorOf(&b))
	})
	return ids(arts)
}

// compareDesc orders cursors newest first, ties by ID descending.
func compareDesc(a, b feedsvc.Cursor) int {
	if c := cmp.Compare(b.Millis, a.Millis); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// eventually polls cond every 20ms until it holds or 3s pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: did not happen within 3s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// canceled returns a context that is already canceled.
func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// name returns a distinct ID for item i of group g.
func name(g string, i int) string { return fmt.Sprintf("%s-%04d", g, i) }
