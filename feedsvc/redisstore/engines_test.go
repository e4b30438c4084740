package redisstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redisenv"
)

// engine is one Redis deployment the store's tests run against.
type engine struct {
	name string
	opts redisstore.Options
	env  redisenv.Engine
}

// engines returns the single node of REDIS_URL and, when set, the Redis
// Cluster of REDIS_CLUSTER_URL and the Sentinel set of REDIS_SENTINEL_URL
// (primary REDIS_SENTINEL_MASTER). `make test` starts all three
// (.ci/with-redis-cluster, .ci/with-redis-sentinel); with CI=true a
// missing one fails the test instead of leaving it out.
func engines(t testing.TB) []engine {
	t.Helper()
	var out []engine
	for _, e := range redisenv.Engines(t) {
		out = append(out, engine{e.Mode, redisstore.Options{URL: e.URL, Mode: e.Mode, SentinelMaster: e.Master}, e})
	}
	return out
}

// redisURL returns REDIS_URL (the single node).
func redisURL(t testing.TB) string { return testenv.RedisURL(t) }

// rawClient returns a client of e's deployment, closed at cleanup; the
// test holds e shared (redisenv.Engine.Use) until it ends.
func rawClient(t testing.TB, e engine) redis.UniversalClient {
	t.Helper()
	return e.env.Client(t)
}

// newStoreOn returns a store on e with a fresh key prefix whose keys are
// deleted when the test ends, and that prefix.
func newStoreOn(t testing.TB, e engine) (*redisstore.Store, string) {
	t.Helper()
	c := rawClient(t, e)
	var b [6]byte
	rand.Read(b[:])
	o := e.opts
	o.Prefix = "test:" + hex.EncodeToString(b[:]) + ":"
	s, err := redisstore.New(context.Background(), o)
	if err != nil {
		t.Fatalf("New on %s: %v", e.name, err)
	}
	t.Cleanup(func() {
		s.Close()
		if err := deletePrefix(context.Background(), c, o.Prefix); err != nil {
			t.Errorf("cleanup of %s*: %v", o.Prefix, err)
		}
	})
	return s, o.Prefix
}

// deletePrefix unlinks every key under prefix, on every primary of a
// cluster.
func deletePrefix(ctx context.Context, c redis.UniversalClient, prefix string) error {
	del := func(ctx context.Context, n redis.Cmdable) error {
		iter := n.Scan(ctx, 0, prefix+"*", 1000).Iterator()
		for iter.Next(ctx) {
			n.Unlink(ctx, iter.Val())
		}
		return iter.Err()
	}
	if cc, ok := c.(*redis.ClusterClient); ok {
		return cc.ForEachMaster(ctx, func(ctx context.Context, n *redis.Client) error { return del(ctx, n) })
	}
	return del(ctx, c)
}
