package httpapi

import (
	"context"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redistest"
)

// testStore is a store, whether it is Redis (rendered documents shared),
// a function that loses all its data (on Redis, deleting every key of the
// test's own prefix, as a restart without persistence would; for the
// embedded store, a new empty store: a restart of the backend while this
// process keeps running) and a count of its keys.
type testStore struct {
	feedsvc.Store
	redis bool
	reset func() feedsvc.Store
	keys  func() int
}

func eachStore(t *testing.T, f func(t *testing.T, ts testStore)) {
	t.Run("memstore", func(t *testing.T) {
		f(t, testStore{Store: memstore.New(), reset: func() feedsvc.Store { return memstore.New() }, keys: func() int { return -1 }})
	})
	t.Run("redis", func(t *testing.T) {
		st, space := redistest.Open(t, "httpapi")
		keys := func() int {
			n, err := space.Keys(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		reset := func() feedsvc.Store {
			if err := space.Wipe(context.Background()); err != nil {
				t.Fatal(err)
			}
			return st
		}
		f(t, testStore{Store: st, redis: true, reset: reset, keys: keys})
	})
}
