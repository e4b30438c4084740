package admin

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
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
// restarted non-persistent Redis (FLUSHDB on a database of its own) or,
// for the embedded store, deleting every blob.
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
		opt, err := redis.ParseURL(testenv.RedisURL(t))
		if err != nil {
			t.Fatal(err)
		}
		opt.DB = 11 // this package's own database: FLUSHDB touches no other test
		c := redis.NewClient(opt)
		t.Cleanup(func() { c.FlushDB(context.Background()); c.Close() })
		st, err := redisstore.New(context.Background(), redisstore.Options{Client: c, Prefix: "test:admin:"})
		if err != nil {
			t.Fatal(err)
		}
		f(t, wipeable{st, func() {
			if err := c.FlushDB(context.Background()).Err(); err != nil {
				t.Fatal(err)
			}
		}})
	})
}
