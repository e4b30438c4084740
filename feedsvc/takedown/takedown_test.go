package takedown_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/dump"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/takedown"
)

func seed(t *testing.T) *memstore.Store {
	t.Helper()
	st := memstore.New()
	pub := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	arts := []feedsvc.Article{
		{ID: "x", SourceID: "a", URL: "https://n.example/x", Title: "X", Published: pub, Sections: []string{"news", "world"},
			AlsoIn: []feedsvc.SourceRef{{SourceID: "b", URL: "https://m.example/x"}}},
		{ID: "y", SourceID: "a", URL: "https://n.example/y", Title: "Y", Published: pub, Sections: []string{"news"}},
	}
	if err := st.PutArticles(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		if err := st.PutSourceState(t.Context(), feedsvc.SourceState{SourceID: id, ETag: `"e"`, LastModified: "lm"}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestDeleteAndLift: a takedown removes the article from every section
// and index, tells OnChange, counts, leaves a tombstone that survives an
// export and import; the lift clears it and the sources' validators.
func TestDeleteAndLift(t *testing.T) {
	ctx := t.Context()
	st := seed(t)
	var changed, refreshed, counted []string
	svc := &takedown.Service{Store: st,
		OnChange: func(_ context.Context, s []string) { changed = append(changed, s...) },
		Refresh:  func(id string) { refreshed = append(refreshed, id) },
		Count:    func(a string) { counted = append(counted, a) }}
	v0, _ := st.SectionVersion(ctx, "world")
	if _, err := svc.Delete(ctx, "nope"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("Delete of an unknown id: got %v, want ErrNotFound", err)
	}
	a, err := svc.FindURL(ctx, "https://n.example/x")
	if err != nil || a.ID != "x" {
		t.Fatalf("FindURL: %v %q", err, a.ID)
	}
	ts, err := svc.Delete(ctx, "x")
	if err != nil || ts.URL != "https://n.example/x" || !slices.Equal(ts.Sources, []string{"a", "b"}) {
		t.Fatalf("Delete: %v %+v", err, ts)
	}
	if arts, _ := st.Articles(ctx, []string{"x"}); len(arts) != 0 {
		t.Errorf("the record stays after the takedown")
	}
	if _, err := st.LookupURL(ctx, "https://n.example/x"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("the URL entry stays: %v", err)
	}
	for _, slug := range []string{"news", "world"} {
		arts, _ := st.SectionArticles(ctx, slug, feedsvc.Query{})
		if slices.ContainsFunc(arts, func(a feedsvc.Article) bool { return a.ID == "x" }) {
			t.Errorf("section %s still lists the article", slug)
		}
	}
	if v1, _ := st.SectionVersion(ctx, "world"); v1 <= v0 {
		t.Errorf("world version did not grow: %d -> %d", v0, v1)
	}
	if slices.Sort(changed); !slices.Equal(changed, []string{"news", "world"}) || !slices.Equal(counted, []string{"delete"}) {
		t.Errorf("OnChange %q, Count %q", changed, counted)
	}
	if _, err := svc.Find(ctx, "x"); !errors.Is(err, feedsvc.ErrGone) {
		t.Errorf("Find after the takedown: got %v, want ErrGone", err)
	}
	if again, err := svc.Delete(ctx, "x"); err != nil || again.ID != "x" {
		t.Errorf("a second Delete: %v %+v, want the tombstone", err, again)
	}

	var buf bytes.Buffer
	if _, err := dump.Export(ctx, &buf, st, dump.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	moved := memstore.New()
	if _, err := dump.Import(ctx, &buf, moved); err != nil {
		t.Fatal(err)
	}
	if got, err := feedsvc.LoadTombstones(ctx, moved); err != nil || len(got) != 1 || got[0].ID != "x" {
		t.Errorf("tombstones after export and import: %v %+v", err, got)
	}

	if _, err := svc.Lift(ctx, "x"); err != nil {
		t.Fatal(err)
	}
	if list, _ := svc.List(ctx); len(list) != 0 {
		t.Errorf("tombstones after the lift: %+v", list)
	}
	if !slices.Equal(refreshed, []string{"a", "b"}) {
		t.Errorf("sources refreshed after the lift: %q, want a and b", refreshed)
	}
	for _, id := range []string{"a", "b"} {
		if s, _ := st.SourceState(ctx, id); s.ETag != "" || s.LastModified != "" {
			t.Errorf("source %s keeps its validators after the lift: %+v", id, s)
		}
	}
	if _, err := svc.Lift(ctx, "x"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("a second Lift: got %v, want ErrNotFound", err)
	}
}
