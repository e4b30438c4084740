package boltstore_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestPutBlobs: a batch stores every blob as PutBlob would (replacing an
// old value, honouring a TTL) and survives a reopen; a batch with an
// empty key is refused whole.
func TestPutBlobs(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s := open(t, dir)
	if err := s.PutBlob(ctx, "k0", []byte("old"), 0); err != nil {
		t.Fatal(err)
	}
	var batch []feedsvc.Blob
	for i := range 50 {
		batch = append(batch, feedsvc.Blob{Key: fmt.Sprint("k", i), Value: fmt.Appendf(nil, "v%d", i)})
	}
	batch = append(batch, feedsvc.Blob{Key: "gone", Value: []byte("x"), TTL: time.Nanosecond})
	if err := s.PutBlobs(ctx, batch); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	if _, err := s.Blob(ctx, "gone"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("expired blob: err %v, want ErrNotFound", err)
	}
	if err := s.PutBlobs(ctx, []feedsvc.Blob{{Key: "new", Value: []byte("n")}, {Key: "", Value: []byte("bad")}}); !errors.Is(err, feedsvc.ErrInvalid) {
		t.Errorf("empty key: err %v, want ErrInvalid", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, dir)
	for i := range 50 {
		got, err := s.Blob(ctx, fmt.Sprint("k", i))
		if err != nil || string(got) != fmt.Sprint("v", i) {
			t.Errorf("k%d after reopen: %q, %v", i, got, err)
		}
	}
	if _, err := s.Blob(ctx, "new"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("blob of a refused batch stored: err %v", err)
	}
}
