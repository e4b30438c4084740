package catalog

import (
	"fmt"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// BenchmarkSections reads the sections of a 1,000-section catalog, as
// every channel request and every poll does.
func BenchmarkSections(b *testing.B) {
	c := &Catalog{}
	secs := make([]feedsvc.Section, 1000)
	for i := range secs {
		secs[i] = feedsvc.Section{Slug: fmt.Sprintf("s%04d", i), Title: fmt.Sprintf("Section %d", i)}
	}
	c.adopt(snapshot{Sections: secs}, 1)
	b.ReportAllocs()
	for b.Loop() {
		if len(c.Sections()) != 1000 {
			b.Fatal("sections lost")
		}
	}
}

// TestSectionsSnapshotStable: the shared snapshot a caller holds keeps its
// values across later edits, and an append to it never reaches the catalog.
func TestSectionsSnapshotStable(t *testing.T) {
	ctx := t.Context()
	c := newCatalog(memstore.New())
	if err := c.Load(ctx, []feedsvc.Section{{Slug: "ent", Title: "Ent"}, {Slug: "biz", Title: "Biz"}}, nil); err != nil {
		t.Fatal(err)
	}
	held := c.Sections()
	_ = append(held, feedsvc.Section{Slug: "zzz"})
	if err := c.PutSection(ctx, feedsvc.Section{Slug: "ent", Title: "Entertainment"}, false); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteSection(ctx, "biz"); err != nil {
		t.Fatal(err)
	}
	if len(held) != 2 || held[0].Title != "Ent" || held[1].Slug != "biz" {
		t.Errorf("held snapshot changed: %+v", held)
	}
	now := c.Sections()
	if len(now) != 1 || now[0].Title != "Entertainment" {
		t.Errorf("after edits: %+v", now)
	}
}
