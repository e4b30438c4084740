package retention_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
)

const day = 24 * time.Hour

var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// daily returns n articles of section slugs, one a day, the newest a day
// before now; "<prefix>-000" is n days old.
func daily(prefix string, n int, slugs ...string) []feedsvc.Article {
	out := make([]feedsvc.Article, n)
	for i := range out {
		id := fmt.Sprintf("%s-%03d", prefix, i)
		out[i] = feedsvc.Article{ID: id, URL: "https://news.example/" + id, Title: id,
			Published: now.AddDate(0, 0, i-n), Sections: slugs}
	}
	return out
}

func put(t *testing.T, st feedsvc.Store, arts []feedsvc.Article) {
	t.Helper()
	if err := st.PutArticles(t.Context(), arts); err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
}

// sectionIDs returns every id in slug, newest first.
func sectionIDs(t *testing.T, st feedsvc.Store, slug string) []string {
	t.Helper()
	arts, err := st.SectionArticles(t.Context(), slug, feedsvc.Query{Limit: 100000})
	if err != nil {
		t.Fatalf("SectionArticles(%s): %v", slug, err)
	}
	out := make([]string, len(arts))
	for i := range arts {
		out[i] = arts[i].ID
	}
	return out
}

// newest returns the ids of the n newest of arts (built by daily), newest first.
func newest(arts []feedsvc.Article, n int) []string {
	var out []string
	for i := len(arts) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, arts[i].ID)
	}
	return out
}

func pruner(st feedsvc.Store, def retention.Policy, secs ...feedsvc.Section) *retention.Pruner {
	return &retention.Pruner{Store: st, Default: def, Now: func() time.Time { return now },
		Sections: func() []feedsvc.Section { return secs }}
}

func tick(t *testing.T, p *retention.Pruner) retention.Result {
	t.Helper()
	res, err := p.Tick(t.Context())
	if err != nil {
		t.Fatalf("Tick: %v", err)
	}
	return res
}

// TestPrunerPolicies prunes four sections of 30 daily articles: by age,
// by count, by both, and one that keeps everything although the default
// would not.
func TestPrunerPolicies(t *testing.T) {
	st := memstore.New()
	arts := map[string][]feedsvc.Article{}
	secs := []feedsvc.Section{
		{Slug: "age", Retain: feedsvc.Age(10 * day)},
		{Slug: "count", RetainItems: 12},
		{Slug: "both", Retain: feedsvc.Age(20 * day), RetainItems: 5},
		{Slug: "keep", Retain: feedsvc.Forever, RetainItems: -1},
		{Slug: "dflt"},
	}
	for _, s := range secs {
		arts[s.Slug] = daily(s.Slug, 30, s.Slug)
		put(t, st, arts[s.Slug])
	}
	res := tick(t, pruner(st, retention.Policy{MaxAge: 25 * day}, secs...))
	want := map[string]int{"age": 10, "count": 12, "both": 5, "keep": 30, "dflt": 25}
	for slug, n := range want {
		if got := sectionIDs(t, st, slug); !slices.Equal(got, newest(arts[slug], n)) {
			t.Errorf("section %s: got %d articles %q, want the %d newest", slug, len(got), got, n)
		}
		if removed := res.Removed[slug]; removed != 30-n {
			t.Errorf("section %s: Result.Removed %d, want %d", slug, removed, 30-n)
		}
	}
	gone, err := st.Articles(t.Context(), []string{"age-000", "count-000"})
	if err != nil || len(gone) != 0 {
		t.Errorf("pruned articles still stored: %d, %v", len(gone), err)
	}
	if _, err := st.LookupURL(t.Context(), "https://news.example/age-000"); err == nil {
		t.Error("URL entry of a pruned article still maps")
	}
	if res := tick(t, pruner(st, retention.Policy{MaxAge: 25 * day}, secs...)); len(res.Removed) != 0 {
		t.Errorf("second tick: removed %v, want nothing", res.Removed)
	}
}

// TestPrunerSharedArticle: an article in a short- and a long-retention
// section leaves the short one but stays stored and listed in the long
// one; once past both it is deleted.
func TestPrunerSharedArticle(t *testing.T) {
	sharedArticle(t, memstore.New())
}

func sharedArticle(t *testing.T, st feedsvc.Store) {
	arts := daily("x", 30, "short", "long")
	put(t, st, arts)
	short := feedsvc.Section{Slug: "short", Retain: feedsvc.Age(5 * day)}
	long := feedsvc.Section{Slug: "long", Retain: feedsvc.Age(20 * day)}
	tick(t, pruner(st, retention.Policy{}, short, long))
	if got := sectionIDs(t, st, "short"); !slices.Equal(got, newest(arts, 5)) {
		t.Errorf("short: got %q, want the 5 newest", got)
	}
	if got := sectionIDs(t, st, "long"); !slices.Equal(got, newest(arts, 20)) {
		t.Errorf("long: got %q, want the 20 newest", got)
	}
	kept, err := st.Articles(t.Context(), []string{"x-015"}) // 15 days old
	if err != nil || len(kept) != 1 || !slices.Equal(kept[0].Sections, []string{"long"}) {
		t.Fatalf("article 15 days old: got %+v, %v; want stored, in long only", kept, err)
	}
	if gone, _ := st.Articles(t.Context(), []string{"x-005"}); len(gone) != 0 { // 25 days old
		t.Errorf("article past both retentions still stored")
	}
}

// TestPrunerBatchPerTick: a section 90 over its bound loses at most Batch
// articles per tick, oldest first, and reports More until it is done;
// OnChange hears of each tick that removed something, and only those.
func TestPrunerBatchPerTick(t *testing.T) {
	st := memstore.New()
	arts := daily("b", 100, "big")
	put(t, st, arts)
	p := pruner(st, retention.Policy{}, feedsvc.Section{Slug: "big", RetainItems: 10})
	p.Batch = 25
	var calls [][]string
	p.OnChange = func(_ context.Context, slugs []string) { calls = append(calls, slugs) }
	for i, want := range []int{25, 25, 25, 15, 0} {
		res := tick(t, p)
		if got := res.Removed["big"]; got != want || res.More != (want == 25) {
			t.Fatalf("tick %d: removed %d (more %v), want %d (more %v)", i, got, res.More, want, want == 25)
		}
		if n := len(sectionIDs(t, st, "big")); n != 100-min(90, 25*(i+1)) && i < 4 {
			t.Fatalf("tick %d: section holds %d", i, n)
		}
	}
	if got := sectionIDs(t, st, "big"); !slices.Equal(got, newest(arts, 10)) {
		t.Errorf("after catching up: got %q, want the 10 newest", got)
	}
	if len(calls) != 4 || !slices.Equal(calls[0], []string{"big"}) {
		t.Errorf("OnChange calls: got %q, want 4 × [big]", calls)
	}
}

// TestPrunerLease: of two pruners sharing a store, only the lease holder
// prunes.
func TestPrunerLease(t *testing.T) {
	st := memstore.New()
	put(t, st, daily("l", 30, "s"))
	sec := feedsvc.Section{Slug: "s", RetainItems: 20}
	first, second := pruner(st, retention.Policy{}, sec), pruner(st, retention.Policy{}, sec)
	tick(t, first)
	put(t, st, daily("m", 5, "s"))
	if res := tick(t, second); len(res.Removed) != 0 {
		t.Errorf("second pruner while the first holds the lease: removed %v", res.Removed)
	}
	if res := tick(t, first); res.Removed["s"] != 5 {
		t.Errorf("lease holder: removed %v, want 5 from s", res.Removed)
	}
}

// TestPrunerRun: Run prunes at once, keeps going, and returns when its
// context ends.
func TestPrunerRun(t *testing.T) {
	st := memstore.New()
	put(t, st, daily("r", 50, "s"))
	p := pruner(st, retention.Policy{MaxItems: 10}, feedsvc.Section{Slug: "s"})
	p.Batch, p.Interval = 15, time.Hour // catch-up ticks come after 1s
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for len(sectionIDs(t, st, "s")) > 10 {
		if time.Now().After(deadline) {
			t.Fatalf("Run did not prune to 10 within 30s: %d left", len(sectionIDs(t, st, "s")))
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
