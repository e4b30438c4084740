package feedsvc

import (
	"context"
	"testing"
)

type plainStore struct{ Store }

type batchingStore struct{ Store }

func (batchingStore) PutBlobs(context.Context, []Blob) error { return nil }

type wrapper struct{ Store }

func (w wrapper) Unwrap() Store { return w.Store }

// TestBatcherOf: a batching store is found itself and through wrappers
// that unwrap, not through one that hides it without Unwrap.
func TestBatcherOf(t *testing.T) {
	b := batchingStore{}
	for name, tc := range map[string]struct {
		s    Store
		want bool
	}{
		"itself": {b, true}, "wrapped twice": {wrapper{wrapper{b}}, true},
		"hidden": {plainStore{b}, false}, "wrapped plain": {wrapper{plainStore{}}, false}, "nil": {nil, false},
	} {
		if _, ok := BatcherOf(tc.s); ok != tc.want {
			t.Errorf("%s: ok %v, want %v", name, ok, tc.want)
		}
	}
}
