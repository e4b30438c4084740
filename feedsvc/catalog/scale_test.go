package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// countingStore counts the bytes of blobs written.
type countingStore struct {
	feedsvc.Store
	written int
}

func (s *countingStore) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	s.written += len(b)
	return s.Store.PutBlob(ctx, key, b, ttl)
}

// TestWriteCostIndependentOfSize: a write validates only the changed
// source, and an update writes the same bytes whatever the catalog's size.
func TestWriteCostIndependentOfSize(t *testing.T) {
	ctx := context.Background()
	cost := map[int][3]int{} // size -> validations, update bytes, create µs
	for _, n := range []int{100, 3000} {
		st := &countingStore{Store: memstore.New()}
		validations := 0
		validateSource = func(s *feedsvc.Source, slugs map[string]bool, allowFile bool) error {
			validations++
			return feedsvc.ValidateSource(s, slugs, allowFile)
		}
		t.Cleanup(func() { validateSource = feedsvc.ValidateSource })
		c := &Catalog{Store: st}
		var seed []feedsvc.Source
		for i := range n {
			seed = append(seed, feedsvc.Source{ID: fmt.Sprintf("s%05d", i), URL: "https://s.example/" + fmt.Sprint(i), Sections: []string{"ent"}})
		}
		if err := c.Load(ctx, seedSections, seed); err != nil {
			t.Fatal(err)
		}
		validations, st.written = 0, 0
		runtime.GC()
		start := time.Now()
		if err := c.PutSource(ctx, feedsvc.Source{ID: "new", URL: "https://n.example/", Sections: []string{"ent"}}, true); err != nil {
			t.Fatal(err)
		}
		ms := int(time.Since(start).Microseconds())
		created := validations
		st.written = 0
		if err := c.PutSource(ctx, feedsvc.Source{ID: "s00001", URL: "https://u.example/", Sections: []string{"ent"}}, false); err != nil {
			t.Fatal(err)
		}
		cost[n] = [3]int{created, st.written, ms}
		if created != 1 || validations != 2 {
			t.Errorf("%d sources: create validated %d sources, create+update %d; want 1 and 2", n, created, validations)
		}
	}
	if cost[100][1] != cost[3000][1] {
		t.Errorf("update wrote %d bytes at 100 sources, %d at 3000: want the same", cost[100][1], cost[3000][1])
	}
	t.Logf("create: %d µs at 100 sources, %d µs at 3000; update writes %d bytes", cost[100][2], cost[3000][2], cost[3000][1])
}

// TestMigratesSingleBlobCatalog: a store written by the former layout (one
// blob) is read and rewritten per entity, not replaced by the seed.
func TestMigratesSingleBlobCatalog(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	old, _ := json.Marshal(snapshot{Sections: seedSections, Sources: []feedsvc.Source{{ID: "old", URL: "https://o.example/", Sections: []string{"ent"}}}})
	_ = st.PutBlob(ctx, legacyKey, old, 0)
	_ = st.PutBlob(ctx, versionKey, []byte("7"), 0)
	c := newCatalog(st)
	if err := c.Load(ctx, seedSections, seedSources); err != nil {
		t.Fatal(err)
	}
	if got := c.Sources(); len(got) != 1 || got[0].ID != "old" {
		t.Fatalf("after migration: %+v, want the stored source", got)
	}
	c2 := newCatalog(st)
	if err := c2.Load(ctx, nil, nil); err != nil || len(c2.Sources()) != 1 {
		t.Fatalf("second replica: %v %+v", err, c2.Sources())
	}
	if v, _ := c.storedVersion(ctx); v != 8 {
		t.Errorf("version %d after migration, want 8", v)
	}
}
