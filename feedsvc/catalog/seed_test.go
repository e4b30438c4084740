package catalog

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
)

// unbatched hides the store's PutBlobs: the catalog writes blob by blob.
type unbatched struct{ feedsvc.Store }

func bigSeed(sections, sources int) ([]feedsvc.Section, []feedsvc.Source) {
	secs := make([]feedsvc.Section, sections)
	for i := range secs {
		secs[i] = feedsvc.Section{Slug: fmt.Sprintf("s%04d", i), Title: fmt.Sprint("Section ", i)}
	}
	srcs := make([]feedsvc.Source, sources)
	for i := range srcs {
		srcs[i] = feedsvc.Source{ID: fmt.Sprintf("src%05d", i), URL: fmt.Sprintf("https://h%d.example/feed/%d", i%200, i),
			Sections: []string{secs[i%sections].Slug}, Timezone: "Europe/Berlin"}
	}
	return secs, srcs
}

// TestBatchedSeedSameCatalog: a seed written in batches (more entities
// than one batch) reloads as the same catalog as one written blob by blob.
func TestBatchedSeedSameCatalog(t *testing.T) {
	ctx := t.Context()
	secs, srcs := bigSeed(30, seedBatch+200)
	var got [2]snapshot
	for i, wrap := range []func(feedsvc.Store) feedsvc.Store{
		func(s feedsvc.Store) feedsvc.Store { return s },
		func(s feedsvc.Store) feedsvc.Store { return unbatched{s} },
	} {
		dir := t.TempDir()
		st, err := boltstore.Open(dir, boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := (&Catalog{Store: wrap(st)}).Load(ctx, secs, srcs); err != nil {
			t.Fatal(err)
		}
		st.Close()
		if st, err = boltstore.Open(dir, boltstore.Options{}); err != nil {
			t.Fatal(err)
		}
		c := &Catalog{Store: st}
		if err := c.Load(ctx, nil, nil); err != nil {
			t.Fatal(err)
		}
		got[i], _ = c.current()
		st.Close()
		if len(got[i].Sources) != len(srcs) || len(got[i].Sections) != len(secs) {
			t.Fatalf("reloaded %d sections, %d sources", len(got[i].Sections), len(got[i].Sources))
		}
	}
	if !reflect.DeepEqual(got[0], got[1]) {
		t.Error("batched seed reloads differently from a blob-by-blob seed")
	}
}

// BenchmarkSeed times the first start of a 2,200-entity catalog on the
// embedded store, blob by blob and batched.
func BenchmarkSeed(b *testing.B) {
	secs, srcs := bigSeed(200, 2000)
	for _, mode := range []string{"per-blob", "batched"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				st, err := boltstore.Open(b.TempDir(), boltstore.Options{})
				if err != nil {
					b.Fatal(err)
				}
				var s feedsvc.Store = st
				if mode == "per-blob" {
					s = unbatched{st}
				}
				t0 := time.Now()
				if err := (&Catalog{Store: s}).Load(b.Context(), secs, srcs); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(time.Since(t0).Milliseconds()), "ms/seed")
				st.Close()
			}
		})
	}
}
