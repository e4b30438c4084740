package membership_test

import (
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/membership"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

func ids(t *testing.T, st feedsvc.Store, slug string) []string {
	t.Helper()
	arts, err := st.SectionArticles(t.Context(), slug, feedsvc.Query{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

// TestTick: the first tick only records; a source moved from news to
// world takes its articles along (a story b also carries in news stays
// there); a tick without changes does nothing.
func TestTick(t *testing.T) {
	ctx := t.Context()
	st := memstore.New()
	pub := time.Now().Add(-time.Hour)
	err := st.PutArticles(ctx, []feedsvc.Article{
		{ID: "a1", SourceID: "a", URL: "u1", Published: pub, Sections: []string{"news"}},
		{ID: "s", SourceID: "a", URL: "u2", Published: pub, Sections: []string{"news"}, AlsoIn: []feedsvc.SourceRef{{SourceID: "b"}}},
		{ID: "b1", SourceID: "b", URL: "u3", Published: pub, Sections: []string{"news"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	sources := []feedsvc.Source{{ID: "a", Sections: []string{"news"}}, {ID: "b", Sections: []string{"news"}}}
	ver := int64(1)
	r := &membership.Reconciler{Store: st, Dump: st, Sources: func() ([]feedsvc.Source, int64) { return slices.Clone(sources), ver }}
	if got, err := r.Tick(ctx); err != nil || got != nil {
		t.Fatalf("first tick: %v %q, want nothing changed", err, got)
	}
	sources[0].Sections = []string{"world"}
	ver = 0 // a replica that has not loaded the change yet
	if got, err := r.Tick(ctx); err != nil || got != nil {
		t.Fatalf("tick on an older catalog: %v %q, want nothing changed", err, got)
	}
	ver = 2
	got, err := r.Tick(ctx)
	if err != nil || !slices.Equal(got, []string{"news", "world"}) {
		t.Fatalf("tick after the move: %v %q, want news and world", err, got)
	}
	if w, n := ids(t, st, "world"), ids(t, st, "news"); !slices.Equal(w, []string{"a1", "s"}) || !slices.Equal(n, []string{"b1", "s"}) {
		t.Errorf("world %q (want a1 s), news %q (want b1 s)", w, n)
	}
	if got, err := r.Tick(ctx); err != nil || got != nil {
		t.Errorf("tick without change: %v %q", err, got)
	}
	sources[0].Sections = []string{"news"}
	ver = 1 // a stale replica must not move it back
	if got, err := r.Tick(ctx); err != nil || got != nil || !slices.Equal(ids(t, st, "world"), []string{"a1", "s"}) {
		t.Errorf("stale tick: %v %q, world %q", err, got, ids(t, st, "world"))
	}
}
