package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// client returns a raw client on REDIS_URL, closed at cleanup.
func client(t testing.TB) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatalf("REDIS_URL: %v", err)
	}
	c := redis.NewClient(opt)
	t.Cleanup(func() { c.Close() })
	return c
}

// newStore returns a store on a fresh key prefix of the single node
// whose keys are deleted when the test ends, and that prefix.
func newStore(t testing.TB) (*redisstore.Store, string) {
	t.Helper()
	return newStoreOn(t, engines(t)[0])
}

// TestContract runs the store contract on every engine.
func TestContract(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) feedsvc.Store {
				s, _ := newStoreOn(t, e)
				return s
			})
		})
	}
}

func TestNewUnreachable(t *testing.T) {
	start := time.Now()
	_, err := redisstore.New(t.Context(), redisstore.Options{URL: "redis://127.0.0.1:1/0"})
	if !errors.Is(err, feedsvc.ErrUnavailable) {
		t.Errorf("New on a closed port: got %v, want ErrUnavailable", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("New on a closed port took %v, want < 3s", d)
	}
}

func TestNewBadURL(t *testing.T) {
	_, err := redisstore.New(t.Context(), redisstore.Options{URL: "http://user:secret@example.org"})
	if !errors.Is(err, feedsvc.ErrInvalid) {
		t.Errorf("New with an http URL: got %v, want ErrInvalid", err)
	}
	if err != nil && strings.Contains(err.Error(), "secret") {
		t.Errorf("error leaks the password: %v", err)
	}
}

// TestCallerClient checks that a caller's client is used with the default
// prefix, stays open after Close, and that a closed client's errors wrap
// ErrUnavailable.
func TestCallerClient(t *testing.T) {
	c := client(t)
	s, err := redisstore.New(t.Context(), redisstore.Options{Client: c})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	key := fmt.Sprintf("test-caller-%d", time.Now().UnixNano())
	if err := s.PutBlob(t.Context(), key, []byte("x"), time.Minute); err != nil {
		t.Fatalf("PutBlob: %v", err)
	}
	t.Cleanup(func() { c.Del(context.Background(), "feedsvc:b:{"+key+"}") })
	if n, err := c.Exists(t.Context(), "feedsvc:b:{"+key+"}").Result(); err != nil || n != 1 {
		t.Errorf("default prefix: key feedsvc:b:%s exists %d, %v; want 1", key, n, err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := c.Ping(t.Context()).Err(); err != nil {
		t.Fatalf("caller's client closed by Store.Close: %v", err)
	}
	closed := redis.NewClient(&redis.Options{Addr: c.Options().Addr})
	s2, err := redisstore.New(t.Context(), redisstore.Options{Client: closed})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	closed.Close()
	if _, err := s2.Articles(t.Context(), []string{"x"}); !errors.Is(err, feedsvc.ErrUnavailable) {
		t.Errorf("Articles on a closed client: got %v, want ErrUnavailable", err)
	}
}
