package admin

import (
	"context"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redistest"
)

// eachStore runs f on the embedded store and on Redis (REDIS_URL, a fresh
// key prefix deleted at the end).
func eachStore(t *testing.T, f func(t *testing.T, st feedsvc.Store)) {
	t.Run("memstore", func(t *testing.T) { f(t, memstore.New()) })
	t.Run("redis", func(t *testing.T) { f(t, redisStore(t)) })
}

func redisStore(t *testing.T) feedsvc.Store { return redistest.Store(t, "admin") }

// wipeable is a store and a function that loses all its data, as a
// restarted non-persistent Redis (deleting every key of the test's own
// prefix) or, for the embedded store, deleting every blob.
type wipeable struct {
	feedsvc.Store
	wipe func()
}

func eachWipeable(t *testing.T, f func(t *testing.T, st wipeable)) {
	t.Run("memstore", func(t *testing.T) {
		st := memstore.New()
		f(t, wipeable{st, func() { _ = st.DeleteBlobs(context.Background(), "") }})
	})
	t.Run("redis", func(t *testing.T) {
		st, space := redistest.Open(t, "admin")
		f(t, wipeable{st, func() {
			if err := space.Wipe(context.Background()); err != nil {
				t.Fatal(err)
			}
		}})
	})
}
