package catalog

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

func newCatalog(st feedsvc.Store) *Catalog { return &Catalog{Store: st} }

// twoReplicas returns two catalogs on one store: the first seeded with the
// seed catalog, the second loaded from the store.
func twoReplicas(ctx context.Context, t *testing.T) (*Catalog, *Catalog) {
	t.Helper()
	st := memstore.New()
	c1, c2 := newCatalog(st), newCatalog(st)
	if err := c1.Load(ctx, seedSections, seedSources); err != nil {
		t.Fatal(err)
	}
	if err := c2.Load(ctx, nil, nil); err != nil {
		t.Fatal(err)
	}
	return c1, c2
}

var (
	seedSections = []feedsvc.Section{{Slug: "ent", Title: "Ent"}}
	seedSources  = []feedsvc.Source{{ID: "a", URL: "https://a.example/feed", Sections: []string{"ent"}, Timezone: "Asia/Shanghai"}}
)

func TestSeedThenStoreWins(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	c1 := newCatalog(st)
	if err := c1.Load(ctx, seedSections, seedSources); err != nil {
		t.Fatal(err)
	}
	if got := c1.Sources(); len(got) != 1 || got[0].Loc().String() != "Asia/Shanghai" || got[0].Interval != feedsvc.DefaultInterval {
		t.Fatalf("seeded sources: %+v", got)
	}
	if err := c1.PutSource(ctx, feedsvc.Source{ID: "b", URL: "https://b.example/", Sections: []string{"ent"}}, true); err != nil {
		t.Fatal(err)
	}
	// A restart with the same YAML keeps the stored catalog (store wins).
	c2 := newCatalog(st)
	if err := c2.Load(ctx, seedSections, seedSources); err != nil {
		t.Fatal(err)
	}
	if got := len(c2.Sources()); got != 2 {
		t.Errorf("after restart: %d sources, want the 2 stored", got)
	}
}

// Generation moves with every change of the sources, here and from
// another replica, and stays put otherwise (the scheduler's ticks skip
// copying the list while it does).
func TestGenerationMovesWithTheSources(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	c1, c2 := twoReplicas(ctx, t)
	g1, g2 := c1.Generation(), c2.Generation()
	if err := c1.PutSource(ctx, feedsvc.Source{ID: "b", URL: "https://b.example/", Sections: []string{"ent"}}, true); err != nil {
		t.Fatal(err)
	}
	if c1.Generation() == g1 {
		t.Error("PutSource left the generation as it was")
	}
	g1 = c1.Generation()
	if err := c1.DeleteSource(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if c1.Generation() == g1 {
		t.Error("DeleteSource left the generation as it was")
	}
	if c2.Generation() != g2 || len(c2.Sources()) != 1 {
		t.Fatalf("replica 2 moved before it watched: generation %d → %d, %d sources", g2, c2.Generation(), len(c2.Sources()))
	}
	go c2.Watch(ctx, 10*time.Millisecond)
	deadline := time.Now().Add(3 * time.Second)
	for c2.Generation() == g2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := c2.Sources(); c2.Generation() == g2 || len(got) != 1 || got[0].ID != "b" {
		t.Errorf("replica 2 after watching: generation %d (was %d), sources %+v; want it moved and only b", c2.Generation(), g2, got)
	}
}

func TestChangesReachOtherReplicas(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c1, c2 := twoReplicas(ctx, t)
	go c2.Watch(ctx, 10*time.Millisecond)
	if err := c1.PutSection(ctx, feedsvc.Section{Slug: "world", Title: "World"}, true); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for len(c2.Sections()) != 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(c2.Sections()) != 2 {
		t.Fatalf("replica 2 did not see the new section: %+v", c2.Sections())
	}
}

func TestValidationAndConflicts(t *testing.T) {
	ctx := context.Background()
	c := newCatalog(memstore.New())
	if err := c.Load(ctx, seedSections, seedSources); err != nil {
		t.Fatal(err)
	}
	err := c.PutSource(ctx, feedsvc.Source{ID: "x", URL: "file:///etc/passwd", Sections: []string{"ent"}}, true)
	var ve *feedsvc.ValidationError
	if !errors.As(err, &ve) || ve.Field != "url" || !errors.Is(err, feedsvc.ErrInvalid) {
		t.Errorf("file: URL through the API: got %v, want a validation error on url", err)
	}
	if err := c.PutSource(ctx, feedsvc.Source{ID: "y", URL: "https://y.example/", Sections: []string{"nope"}}, true); !errors.As(err, &ve) || ve.Field != "sections" {
		t.Errorf("missing section: got %v", err)
	}
	if err := c.PutSource(ctx, seedSources[0], true); !errors.Is(err, feedsvc.ErrConflict) {
		t.Errorf("duplicate id: got %v, want ErrConflict", err)
	}
	if err := c.DeleteSection(ctx, "ent"); !errors.Is(err, feedsvc.ErrConflict) {
		t.Errorf("deleting a used section: got %v, want ErrConflict", err)
	}
	if err := c.DeleteSource(ctx, "nope"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("deleting a missing source: got %v", err)
	}
	if err := c.DeleteSource(ctx, "a"); err != nil || len(c.Sources()) != 0 {
		t.Errorf("delete: %v, %d left", err, len(c.Sources()))
	}
	if err := c.DeleteSection(ctx, "ent"); err != nil {
		t.Errorf("deleting an unused section: %v", err)
	}
}

// TestReadsIntervalInNanoseconds: catalogs stored before the interval
// became a duration string (interval in nanoseconds, in both the
// per-entity and the single-blob layout) still load, and a rewrite
// stores the duration string.
func TestReadsIntervalInNanoseconds(t *testing.T) {
	ctx := context.Background()
	oldSource := `{"id":"old","url":"https://o.example/feed","kind":"feed","sections":["ent"],"timezone":"Asia/Shanghai","interval":1200000000000,"list":{},"article":{"body":".story"}}`
	perEntity := memstore.New()
	for key, val := range map[string]string{
		versionKey:                    "3",
		indexKey:                      `{"sections":["ent"],"sources":["old"]}`,
		entityKey(kindSection, "ent"): `{"slug":"ent","title":"Ent","description":"","language":""}`,
		entityKey(kindSource, "old"):  oldSource,
	} {
		if err := perEntity.PutBlob(ctx, key, []byte(val), 0); err != nil {
			t.Fatal(err)
		}
	}
	singleBlob := memstore.New()
	if err := singleBlob.PutBlob(ctx, legacyKey, []byte(`{"sections":[{"slug":"ent","title":"Ent"}],"sources":[`+oldSource+`]}`), 0); err != nil {
		t.Fatal(err)
	}
	for name, st := range map[string]feedsvc.Store{"per entity": perEntity, "single blob": singleBlob} {
		t.Run(name, func(t *testing.T) {
			c := newCatalog(st)
			if err := c.Load(ctx, seedSections, seedSources); err != nil {
				t.Fatal(err)
			}
			got := c.Sources()
			if len(got) != 1 || got[0].ID != "old" || got[0].Interval != 20*time.Minute ||
				got[0].Loc().String() != "Asia/Shanghai" || got[0].Article.Body != ".story" {
				t.Fatalf("loaded %+v, want source old every 20m in Asia/Shanghai", got)
			}
			if err := c.PutSource(ctx, got[0], false); err != nil {
				t.Fatal(err)
			}
			b, err := st.Blob(ctx, entityKey(kindSource, "old"))
			if err != nil || !strings.Contains(string(b), `"interval":"20m0s"`) {
				t.Errorf("rewritten blob %s (%v), want the interval as a duration string", b, err)
			}
		})
	}
}
