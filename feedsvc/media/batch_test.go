package media

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
)

// batching counts the batches and single puts reaching a batching store.
type batching struct {
	*boltstore.Store
	batches, puts int
}

func (s *batching) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	s.puts++
	return s.Store.PutBlob(ctx, key, b, ttl)
}

func (s *batching) PutBlobs(ctx context.Context, blobs []feedsvc.Blob) error {
	s.batches++
	return s.Store.PutBlobs(ctx, blobs)
}

// openBolt opens an embedded store closed when the test ends.
func openBolt(t *testing.T) *boltstore.Store {
	t.Helper()
	bs, err := boltstore.Open(t.TempDir(), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bs.Close() })
	return bs
}

// unbatched hides PutBlobs: the prober stores answer by answer.
type unbatched struct{ feedsvc.Store }

func images(n int, tag string) []feedsvc.Article {
	arts := make([]feedsvc.Article, n)
	for i := range arts {
		arts[i] = feedsvc.Article{ID: fmt.Sprint(i), Images: []feedsvc.Image{{URL: fmt.Sprintf("https://e.org/%s/%d.jpg", tag, i)}}}
	}
	return arts
}

// TestEnrichBatchesAnswers: the answers of one call reach a batching
// store in one write, and a later prober reads them all from it.
func TestEnrichBatchesAnswers(t *testing.T) {
	bs := openBolt(t)
	st := &batching{Store: bs}
	heads := 0
	p := &Prober{Head: func(_ context.Context, url string) (string, int64, error) {
		heads++
		return "image/jpeg", int64(len(url)), nil
	}, Store: st}
	arts := append(images(5, "a"), images(5, "a")...) // each URL twice
	p.Enrich(t.Context(), arts)
	if heads != 5 || st.batches != 1 || st.puts != 0 {
		t.Errorf("HEADs %d, batches %d, single puts %d; want 5, 1, 0", heads, st.batches, st.puts)
	}
	for i := range arts {
		if im := arts[i].Images[0]; im.Type != "image/jpeg" || im.Length != int64(len(im.URL)) {
			t.Errorf("article %d: %+v", i, im)
		}
	}
	p2 := &Prober{Head: func(context.Context, string) (string, int64, error) {
		t.Error("HEAD repeated despite the stored answer")
		return "", 0, nil
	}, Store: bs}
	again := images(5, "a")
	p2.Enrich(t.Context(), again)
	if again[4].Images[0].Length == 0 {
		t.Errorf("stored answer not used: %+v", again[4].Images[0])
	}
}

// reading counts the blob reads reaching a store that reads together.
type reading struct {
	*boltstore.Store
	singles, batches int
}

func (s *reading) Blob(ctx context.Context, key string) ([]byte, error) {
	s.singles++
	return s.Store.Blob(ctx, key)
}

func (s *reading) Blobs(ctx context.Context, keys []string) ([][]byte, error) {
	s.batches++
	return s.Store.Blobs(ctx, keys)
}

// oneByOne hides Blobs: the prober reads answer by answer.
type oneByOne struct{ feedsvc.Store }

// TestEnrichReadsStoredAnswersTogether: the stored answers of one call's
// media are read in one step; only the unknown are asked for, and a store
// without Blobs gives the same answers key by key.
func TestEnrichReadsStoredAnswersTogether(t *testing.T) {
	bs := openBolt(t)
	heads := 0
	head := func(_ context.Context, url string) (string, int64, error) {
		heads++
		return "image/jpeg", int64(len(url)), nil
	}
	(&Prober{Head: head, Store: bs}).Enrich(t.Context(), images(5, "known"))
	for _, tc := range []struct {
		name          string
		st            *reading
		batches, gets int
	}{{"together", &reading{Store: bs}, 1, 0}, {"one by one", &reading{Store: bs}, 0, 8}} {
		var st feedsvc.Store = tc.st
		if tc.name == "one by one" {
			st = oneByOne{tc.st}
		}
		heads = 0
		arts := append(images(5, "known"), images(3, tc.name)...)
		(&Prober{Head: head, Store: st, WriteBehind: time.Hour}).Enrich(t.Context(), arts)
		if heads != 3 || tc.st.batches != tc.batches || tc.st.singles != tc.gets {
			t.Errorf("%s: HEADs %d, batched reads %d, single reads %d; want 3, %d, %d",
				tc.name, heads, tc.st.batches, tc.st.singles, tc.batches, tc.gets)
		}
		for i := range arts {
			if im := arts[i].Images[0]; im.Type != "image/jpeg" || im.Length != int64(len(im.URL)) {
				t.Errorf("%s: article %d: %+v", tc.name, i, im)
			}
		}
	}
}

// TestEnrichWriteBehind: with WriteBehind the answers of several calls
// wait in process, answer meanwhile, and reach the store in one write
// once enough wait, once the oldest is old enough, or on Flush.
func TestEnrichWriteBehind(t *testing.T) {
	bs := openBolt(t)
	st := &batching{Store: bs}
	heads := 0
	head := func(_ context.Context, url string) (string, int64, error) {
		heads++
		return "image/jpeg", int64(len(url)), nil
	}
	p := &Prober{Head: head, Store: st, WriteBehind: time.Hour, WriteBehindMax: 8}
	stored := func(tag string, n int) int { // answers of tag's images in the store
		found := 0
		for _, a := range images(n, tag) {
			if _, err := bs.Blob(t.Context(), "media:"+hash(a.Images[0].URL)); err == nil {
				found++
			}
		}
		return found
	}
	p.Enrich(t.Context(), images(5, "a"))
	again := images(5, "a")
	p.Enrich(t.Context(), again)
	if heads != 5 || st.batches != 0 || stored("a", 5) != 0 {
		t.Fatalf("after two calls on 5 URLs: HEADs %d, writes %d, stored %d; want 5, 0, 0", heads, st.batches, stored("a", 5))
	}
	if im := again[4].Images[0]; im.Length != int64(len(im.URL)) {
		t.Errorf("a waiting answer was not used: %+v", im)
	}
	p.Enrich(t.Context(), images(5, "b")) // 10 wait: over the bound
	if st.batches != 1 || stored("a", 5) != 5 || stored("b", 5) != 5 {
		t.Fatalf("over WriteBehindMax: writes %d, stored a %d b %d; want 1, 5, 5", st.batches, stored("a", 5), stored("b", 5))
	}
	p.Enrich(t.Context(), images(2, "c"))
	if st.batches != 1 || stored("c", 2) != 0 {
		t.Fatalf("2 waiting: writes %d, stored %d; want 1, 0", st.batches, stored("c", 2))
	}
	p.Flush(t.Context())
	p.Flush(t.Context()) // nothing left: no write
	if st.batches != 2 || stored("c", 2) != 2 || st.puts != 0 {
		t.Fatalf("after Flush: writes %d, stored %d, single puts %d; want 2, 2, 0", st.batches, stored("c", 2), st.puts)
	}
	p.WriteBehind = time.Millisecond
	p.Enrich(t.Context(), images(1, "d"))
	time.Sleep(5 * time.Millisecond)
	p.Enrich(t.Context(), nil) // the oldest waited long enough
	if st.batches != 3 || stored("d", 1) != 1 {
		t.Fatalf("after WriteBehind: writes %d, stored %d; want 3, 1", st.batches, stored("d", 1))
	}
}

// BenchmarkEnrich probes the new images of a 20-article poll on the
// embedded store, storing answer by answer and batched.
func BenchmarkEnrich(b *testing.B) {
	bs, err := boltstore.Open(b.TempDir(), boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer bs.Close()
	head := func(context.Context, string) (string, int64, error) { return "image/jpeg", 1234, nil }
	for _, mode := range []string{"per-blob", "batched"} {
		var st feedsvc.Store = bs
		if mode == "per-blob" {
			st = unbatched{bs}
		}
		p := &Prober{Head: head, Store: st}
		b.Run(mode, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n++
				p.Enrich(b.Context(), images(20, fmt.Sprint(mode, n)))
			}
		})
	}
}
