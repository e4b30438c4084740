package redisstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// engine is one Redis deployment the store's tests run against.
type engine struct {
	name string
	opts redisstore.Options
}

// engines returns the single node of REDIS_URL and, when set, the Redis
// Cluster of REDIS_CLUSTER_URL and the Sentinel set of REDIS_SENTINEL_URL
// (primary REDIS_SENTINEL_MASTER). `make test` starts all three
// (.ci/with-redis-cluster, .ci/with-redis-sentinel); with CI=true a
// missing one fails the test instead of leaving it out.
func engines(t testing.TB) []engine {
	t.Helper()
	out := []engine{{"single", redisstore.Options{URL: redisURL(t)}}}
	if u := os.Getenv("REDIS_CLUSTER_URL"); u != "" {
		out = append(out, engine{"cluster", redisstore.Options{URL: u, Mode: redisstore.ModeCluster}})
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but REDIS_CLUSTER_URL is not set: run tests through `make test`")
	}
	if u := os.Getenv("REDIS_SENTINEL_URL"); u != "" {
		out = append(out, engine{"sentinel", redisstore.Options{URL: u, Mode: redisstore.ModeSentinel,
			SentinelMaster: os.Getenv("REDIS_SENTINEL_MASTER")}})
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but REDIS_SENTINEL_URL is not set: run tests through `make test`")
	}
	return out
}

// redisURL returns REDIS_URL (the single node).
func redisURL(t testing.TB) string { return testenv.RedisURL(t) }

// rawClient returns a client of e's deployment, closed at cleanup.
func rawClient(t testing.TB, e engine) redis.UniversalClient {
	t.Helper()
	var c redis.UniversalClient
	switch e.opts.Mode {
	case redisstore.ModeCluster:
		opt, err := redis.ParseClusterURL(e.opts.URL)
		if err != nil {
			t.Fatal(err)
		}
		c = redis.NewClusterClient(opt)
	case redisstore.ModeSentinel:
		opt, err := redis.ParseFailoverURL(e.opts.URL)
		if err != nil {
			t.Fatal(err)
		}
		opt.MasterName = e.opts.SentinelMaster
		c = redis.NewFailoverClient(opt)
	default:
		return client(t)
	}
	t.Cleanup(func() { c.Close() })
	return c
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
