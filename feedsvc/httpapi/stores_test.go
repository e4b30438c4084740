package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// testStore is a store, whether it is Redis (rendered documents shared),
// a function that loses all its data (FLUSHDB on a database of its own;
// for the embedded store, a new empty store: a restart of the backend
// while this process keeps running) and a count of its keys.
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
		opt, err := redis.ParseURL(testenv.RedisURL(t))
		if err != nil {
			t.Fatal(err)
		}
		opt.DB = 13 // this package's own database: FLUSHDB touches no other test
		c := redis.NewClient(opt)
		var b [6]byte
		_, _ = rand.Read(b[:])
		prefix := "test:httpapi:" + hex.EncodeToString(b[:]) + ":"
		st, err := redisstore.New(context.Background(), redisstore.Options{Client: c, Prefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.FlushDB(context.Background()); c.Close() })
		keys := func() int {
			n := 0
			iter := c.Scan(context.Background(), 0, prefix+"*", 1000).Iterator()
			for iter.Next(context.Background()) {
				n++
			}
			return n
		}
		reset := func() feedsvc.Store {
			if err := c.FlushDB(context.Background()).Err(); err != nil {
				t.Fatal(err)
			}
			return st
		}
		f(t, testStore{Store: st, redis: true, reset: reset, keys: keys})
	})
}
