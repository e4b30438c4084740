// Package redistest gives tests a Redis store of their own on the server
// of testenv.RedisURL: a fresh key prefix per call, closed and deleted when
// the test ends. It lives apart from testenv because it imports redisstore,
// whose own tests import testenv.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// Store opens a single-node Redis store under the prefix "test:name:<random>:"
// and removes every key under it when t ends.
func Store(t testing.TB, name string) *redisstore.Store {
	t.Helper()
	st, _ := Open(t, name)
	return st
}

// Space is the key space of one store Open made: every key under its
// prefix, on a connection of its own.
type Space struct {
	Prefix string
	client *redis.Client
}

// Open is Store, also returning its key space, for tests that count the
// store's keys or make it lose its data.
func Open(t testing.TB, name string) (*redisstore.Store, *Space) {
	t.Helper()
	url := testenv.RedisURL(t)
	var b [6]byte
	_, _ = rand.Read(b[:])
	prefix := "test:" + name + ":" + hex.EncodeToString(b[:]) + ":"
	st, err := redisstore.New(context.Background(), redisstore.Options{URL: url, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	sp := &Space{Prefix: prefix, client: redis.NewClient(opt)}
	t.Cleanup(func() {
		_ = st.Close()
		_ = sp.Wipe(context.Background())
		_ = sp.client.Close()
	})
	return st, sp
}

// Keys counts the keys of the space.
func (s *Space) Keys(ctx context.Context) (int, error) {
	n := 0
	iter := s.client.Scan(ctx, 0, s.Prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		n++
	}
	return n, iter.Err()
}

// Wipe deletes every key of the space: the store loses all its data, as
// a Redis restarted without persistence does, while other tests' keys on
// the same server stay.
func (s *Space) Wipe(ctx context.Context) error {
	iter := s.client.Scan(ctx, 0, s.Prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		if err := s.client.Unlink(ctx, iter.Val()).Err(); err != nil {
			return err
		}
	}
	return iter.Err()
}
