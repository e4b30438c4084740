package ingest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

func undated(names ...string) []item {
	out := make([]item, len(names))
	for i, n := range names {
		out[i] = item{guid: n, title: "Story " + n, link: "https://news.example/" + n,
			body: fmt.Sprintf("<p>%s: %s</p>", n, storyBody[:3*(10+3*(int(n[0]-'a')%10))])}
	}
	return out
}

// firstSeen returns the stored first-seen time of each guid's article.
func firstSeen(t *testing.T, st feedsvc.Store) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	for _, a := range section(t, st) {
		out[a.Title[len("Story "):]] = a.FirstSeen
	}
	return out
}

// TestUndatedItemsGetDistinctFirstSeenInFeedOrder: items without any date
// from one poll are first seen one second apart, the feed's first item
// newest, so the section lists them in feed order with distinct updated
// times; an item already stored keeps its first-seen time when the feed
// moves it.
func TestUndatedItemsGetDistinctFirstSeenInFeedOrder(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	in.NearDupDistance = -1
	clock := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	in.Pipeline.Now = func() time.Time { return clock }
	src := source("u", fs.URL+"/u.xml")
	fs.set("/u.xml", rss(undated("a", "b", "c", "d")...), 0)
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, a := range section(t, st) {
		order = append(order, a.Title)
	}
	if fmt.Sprint(order) != "[Story a Story b Story c Story d]" {
		t.Errorf("section order %q, want the feed's", order)
	}
	first := firstSeen(t, st)
	for i, n := range []string{"a", "b", "c", "d"} {
		if want := clock.Add(-time.Duration(i) * time.Second); !first[n].Equal(want) {
			t.Errorf("%s: first seen %s, want %s (poll time - %ds)", n, first[n], want, i)
		}
	}

	clock = clock.Add(time.Minute)
	fs.set("/u.xml", rss(undated("n", "d", "c", "b", "a")...), 0)
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	again := firstSeen(t, st)
	for _, n := range []string{"a", "b", "c", "d"} {
		if !again[n].Equal(first[n]) {
			t.Errorf("%s: first seen moved from %s to %s", n, first[n], again[n])
		}
	}
	if !again["n"].Equal(clock) {
		t.Errorf("new item n: first seen %s, want the poll time %s", again["n"], clock)
	}
}

// Two sources whose undated items are polled in the same second never give
// two articles the same first-seen second (the combined channel would show
// two entries with the same updated time), and each keeps its feed order.
func TestUndatedItemsOfTwoSourcesInOneSecondAreDistinct(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	in.NearDupDistance = -1
	clock := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	in.Pipeline.Now = func() time.Time { return clock }
	fs.set("/u.xml", rss(undated("a", "b", "c")...), 0)
	fs.set("/v.xml", rss(undated("d", "e", "f")...), 0)
	for _, src := range []*feedsvc.Source{source("u", fs.URL+"/u.xml"), source("v", fs.URL+"/v.xml")} {
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
	}
	first := firstSeen(t, st)
	seen := map[time.Time]string{}
	for n, ts := range first {
		if other, dup := seen[ts]; dup {
			t.Errorf("%s and %s both first seen at %s", n, other, ts)
		}
		seen[ts] = n
		if ts.After(clock) {
			t.Errorf("%s first seen %s, after the poll (%s)", n, ts, clock)
		}
	}
	for _, pair := range [][2]string{{"a", "b"}, {"b", "c"}, {"d", "e"}, {"e", "f"}} {
		if !first[pair[0]].After(first[pair[1]]) {
			t.Errorf("%s (%s) not newer than %s (%s): feed order lost", pair[0], first[pair[0]], pair[1], first[pair[1]])
		}
	}
	if len(first) != 6 {
		t.Fatalf("stored %d articles, want 6", len(first))
	}
}
