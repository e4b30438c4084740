package storetest

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func testSourceState(t *testing.T, s feedsvc.Store) {
	if _, err := s.SourceState(t.Context(), "src"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("unknown source: got %v, want ErrNotFound", err)
	}
	cst := time.FixedZone("CST", 8*3600)
	st := feedsvc.SourceState{
		SourceID: "src", ETag: `W/"abc"`, LastModified: "Sun, 10 Mar 2024 08:30:00 GMT",
		LastAttempt: time.Date(2024, 3, 10, 16, 30, 0, 5e6, cst), LastSuccess: time.Date(2024, 3, 10, 16, 0, 0, 0, cst),
		LastStatus: 304, LastError: "timeout", Failures: 2,
		NextPoll: time.Date(2024, 3, 10, 17, 0, 0, 0, cst), ItemsLastPoll: 12,
	}
	for _, edit := range []func(*feedsvc.SourceState){func(*feedsvc.SourceState) {}, func(st *feedsvc.SourceState) {
		st.ETag, st.LastError, st.Failures = "", "", 0
	}} {
		edit(&st)
		if err := s.PutSourceState(t.Context(), st); err != nil {
			t.Fatalf("PutSourceState: %v", err)
		}
		got, err := s.SourceState(t.Context(), "src")
		if err != nil {
			t.Fatalf("SourceState: %v", err)
		}
		want := st
		want.LastAttempt, want.LastSuccess, want.NextPoll = st.LastAttempt.UTC(), st.LastSuccess.UTC(), st.NextPoll.UTC()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("SourceState mismatch (-want +got):\n%s", diff)
		}
		if got.NextPoll.Location() != time.UTC {
			t.Errorf("NextPoll in %v, want UTC", got.NextPoll.Location())
		}
	}
	if err := s.PutSourceState(t.Context(), feedsvc.SourceState{}); !errors.Is(err, feedsvc.ErrInvalid) {
		t.Errorf("PutSourceState without ID: got %v, want ErrInvalid", err)
	}
}

// blob returns the blob under key, failing the test on errors other than
// ErrNotFound, which it reports as ok == false.
func blob(t *testing.T, s feedsvc.Store, key string) (b []byte, ok bool) {
	t.Helper()
	b, err := s.Blob(t.Context(), key)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return nil, false
	}
	if err != nil {
		t.Fatalf("Blob(%q): %v", key, err)
	}
	return b, true
}

// putBlob stores a blob or fails the test.
func putBlob(t *testing.T, s feedsvc.Store, key string, b []byte, ttl time.Duration) {
	t.Helper()
	if err := s.PutBlob(t.Context(), key, b, ttl); err != nil {
		t.Fatalf("PutBlob(%q): %v", key, err)
	}
}

func testBlobs(t *testing.T, s feedsvc.Store) {
	if _, ok := blob(t, s, "missing"); ok {
		t.Error("missing blob: found, want ErrNotFound")
	}
	data := []byte("<rss>\x00\xff binary ok</rss>")
	putBlob(t, s, "render/news/rss", data, 0)
	data[0] = 'X'
	got, ok := blob(t, s, "render/news/rss")
	if want := []byte("<rss>\x00\xff binary ok</rss>"); !ok || !bytes.Equal(got, want) {
		t.Errorf("Blob: got %q (found %v), want %q", got, ok, want)
	}
	putBlob(t, s, "render/news/rss", []byte("v2"), time.Hour)
	if got, _ := blob(t, s, "render/news/rss"); string(got) != "v2" {
		t.Errorf("overwritten blob: got %q, want %q", got, "v2")
	}
	putBlob(t, s, "empty", []byte{}, 0)
	if got, ok := blob(t, s, "empty"); !ok || len(got) != 0 {
		t.Errorf("empty blob: got %q (found %v), want empty", got, ok)
	}
}

func testBlobExpiry(t *testing.T, s feedsvc.Store) {
	putBlob(t, s, "short", []byte("x"), 150*time.Millisecond)
	putBlob(t, s, "forever", []byte("y"), 0)
	putBlob(t, s, "negative", []byte("z"), -time.Second)
	if _, ok := blob(t, s, "short"); !ok {
		t.Fatal("blob with a 150ms TTL: gone at once")
	}
	eventually(t, "blob expiry", func() bool { _, ok := blob(t, s, "short"); return !ok })
	for _, key := range []string{"forever", "negative"} {
		if _, ok := blob(t, s, key); !ok {
			t.Errorf("blob %q without expiry: gone", key)
		}
	}
}

// testBlobBatch: every store batches blob writes and reads
// (feedsvc.BlobBatcher, feedsvc.BlobReader), storing each blob of a batch
// as PutBlob does (new and replaced values, empty ones, each blob's own
// expiry) and reading each as Blob does.
func testBlobBatch(t *testing.T, s feedsvc.Store) {
	b, ok := feedsvc.BatcherOf(s)
	if !ok {
		t.Fatalf("%T has no PutBlobs: the catalog and the media prober would write blob by blob", s)
	}
	putBlob(t, s, "old", []byte("before"), 0)
	batch := []feedsvc.Blob{{Key: "old", Value: []byte("after")}, {Key: "new", Value: []byte("n"), TTL: time.Hour},
		{Key: "empty", Value: []byte{}}, {Key: "short", Value: []byte("s"), TTL: 150 * time.Millisecond}}
	if err := b.PutBlobs(t.Context(), batch); err != nil {
		t.Fatalf("PutBlobs: %v", err)
	}
	if err := b.PutBlobs(t.Context(), nil); err != nil {
		t.Errorf("PutBlobs of nothing: %v", err)
	}
	for _, bl := range batch {
		if got, ok := blob(t, s, bl.Key); !ok || !bytes.Equal(got, bl.Value) {
			t.Errorf("blob %q after PutBlobs: got %q (found %v), want %q", bl.Key, got, ok, bl.Value)
		}
	}
	r, ok := feedsvc.ReaderOf(s)
	if !ok {
		t.Fatalf("%T has no Blobs: the media prober would read blob by blob", s)
	}
	keys := []string{"new", "missing", "empty", "old", "new"}
	got, err := r.Blobs(t.Context(), keys)
	if err != nil || len(got) != len(keys) {
		t.Fatalf("Blobs: %d values, %v; want %d", len(got), err, len(keys))
	}
	for i, k := range keys {
		want, found := blob(t, s, k)
		if (got[i] != nil) != found || !bytes.Equal(got[i], want) {
			t.Errorf("Blobs: %q = %q (nil %v), Blob gives %q (found %v)", k, got[i], got[i] == nil, want, found)
		}
	}
	eventually(t, "batched blob expiry", func() bool { _, ok := blob(t, s, "short"); return !ok })
	if _, ok := blob(t, s, "new"); !ok {
		t.Error("blob with a 1h TTL gone with the 150ms one")
	}
	if got, err := r.Blobs(t.Context(), []string{"short", "new"}); err != nil || got[0] != nil || string(got[1]) != "n" {
		t.Errorf("Blobs after the short one expired: %q, %v; want [nil n]", got, err)
	}
}

func testDeleteBlobs(t *testing.T, s feedsvc.Store) {
	keys := []string{"ch/news/rss", "ch/news/atom", "ch/newsroom/rss", "ch/sport/rss", "x*[1]?", "xy", `x\`}
	for _, k := range keys {
		putBlob(t, s, k, []byte(k), 0)
	}
	tests := []struct {
		prefix string
		gone   []string
	}{
		{"ch/news/", []string{"ch/news/rss", "ch/news/atom"}},
		{"x*", []string{"x*[1]?"}},
		{`x\`, []string{`x\`}},
		{"ch/", []string{"ch/newsroom/rss", "ch/sport/rss"}},
	}
	gone := map[string]bool{}
	for _, tc := range tests {
		if err := s.DeleteBlobs(t.Context(), tc.prefix); err != nil {
			t.Fatalf("DeleteBlobs(%q): %v", tc.prefix, err)
		}
		for _, k := range tc.gone {
			gone[k] = true
		}
		for _, k := range keys {
			if _, ok := blob(t, s, k); ok == gone[k] {
				t.Errorf("after DeleteBlobs(%q): blob %q found %v, want %v", tc.prefix, k, ok, !gone[k])
			}
		}
	}
}
