package ingest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// eachStore runs f on the embedded store and on Redis (REDIS_URL, a fresh
// key prefix per run; see testenv.RedisURL for when it is missing).
func eachStore(t *testing.T, f func(t *testing.T, st feedsvc.Store)) {
	t.Run("memstore", func(t *testing.T) { f(t, memstore.New()) })
	t.Run("redis", func(t *testing.T) {
		var b [6]byte
		_, _ = rand.Read(b[:])
		st, err := redisstore.New(context.Background(), redisstore.Options{
			URL: testenv.RedisURL(t), Prefix: "test:ingest:" + hex.EncodeToString(b[:]) + ":"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		f(t, st)
	})
}
