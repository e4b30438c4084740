package redisstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
)

// TestNewModeErrors checks that each mode rejects what it cannot dial as
// ErrInvalid without leaking the password.
func TestNewModeErrors(t *testing.T) {
	tests := []redisstore.Options{
		{URL: "redis://127.0.0.1:1", Mode: "ring"},
		{URL: "redis://:secret@127.0.0.1:1?addr=nohostport", Mode: redisstore.ModeCluster},
		{URL: "redis://:secret@127.0.0.1:1?addr=127.0.0.1:2", Mode: redisstore.ModeSentinel},
		{URL: "http://:secret@127.0.0.1:1", Mode: redisstore.ModeSentinel, SentinelMaster: "m"},
	}
	for _, o := range tests {
		_, err := redisstore.New(t.Context(), o)
		if !errors.Is(err, feedsvc.ErrInvalid) {
			t.Errorf("%s %s: got %v, want ErrInvalid", o.Mode, o.URL, err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error leaks the password: %v", err)
		}
	}
}

// TestNewTLSEveryMode checks that rediss:// is accepted in every mode: a
// closed port is then unavailable, not an invalid URL.
func TestNewTLSEveryMode(t *testing.T) {
	tests := []redisstore.Options{
		{URL: "rediss://127.0.0.1:1/0"},
		{URL: "rediss://127.0.0.1:1?addr=127.0.0.1:2", Mode: redisstore.ModeCluster},
		{URL: "rediss://127.0.0.1:1?addr=127.0.0.1:2", Mode: redisstore.ModeSentinel, SentinelMaster: "m"},
	}
	for _, o := range tests {
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
		_, err := redisstore.New(ctx, o)
		cancel()
		if !errors.Is(err, feedsvc.ErrUnavailable) || errors.Is(err, feedsvc.ErrInvalid) {
			t.Errorf("%s %s: got %v, want ErrUnavailable", o.Mode, o.URL, err)
		}
	}
}
