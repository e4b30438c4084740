package redisstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var _ feedsvc.Store = (*Store)(nil)

// connectTimeout bounds the first Ping in New when ctx has no deadline.
const connectTimeout = 5 * time.Second

// Options configure New.
type Options struct {
	// URL is a redis:// or rediss:// URL; ignored when Client is set. In
	// cluster mode it names one node and ?addr=host:port the others
	// (redis.ParseClusterURL); in sentinel mode it names the sentinels
	// the same way (redis.ParseFailoverURL).
	URL string
	// Mode is single (default), cluster or sentinel.
	Mode string
	// SentinelMaster names the primary in sentinel mode.
	SentinelMaster string
	// Prefix starts every key; default "feedsvc:".
	Prefix string
	// Client, when set, is used instead of dialing URL: a Cluster, Sentinel
	// or test client. The caller keeps ownership; Close does not close it.
	Client redis.UniversalClient
}

// Store is a feedsvc.Store on Redis. It is safe for concurrent use.
type Store struct {
	rdb   redis.UniversalClient
	p     string
	owned bool // rdb was dialed by New and is closed by Close
	now   func() time.Time
}

// New connects to Redis and pings it. Errors: ErrInvalid for a bad URL,
// ErrUnavailable (wrapped) when the server cannot be reached.
func New(ctx context.Context, o Options) (*Store, error) {
	s := &Store{rdb: o.Client, p: o.Prefix, now: time.Now}
	if s.p == "" {
		s.p = "feedsvc:"
	}
	if s.rdb == nil {
		rdb, err := dial(o)
		if err != nil {
			return nil, err
		}
		s.rdb, s.owned = rdb, true
	}
	pingCtx := ctx
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		pingCtx, cancel = context.WithTimeout(ctx, connectTimeout)
		defer cancel()
	}
	if err := s.Ping(pingCtx); err != nil {
		s.Close()
		return nil, fmt.Errorf("redisstore: connect %s: %w", redact(o.URL), err)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, s.fail("migrate key layout", err)
	}
	return s, nil
}

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.rdb.Ping(ctx).Err(); err != nil {
		return s.fail("ping", err)
	}
	return nil
}

// Close closes the client New dialed; a caller's Options.Client stays open.
func (s *Store) Close() error {
	if !s.owned {
		return nil
	}
	if err := s.rdb.Close(); err != nil {
		return fmt.Errorf("redisstore: close: %w", err)
	}
	return nil
}

// key returns the key of name in the key space kind ("a", "s", ...):
// {p}{kind}:{{name}}. The braces are a Redis Cluster hash tag, so the keys
// of one name (an article's record and meta, a section's index and
// version) share a slot whatever their kind.
func (s *Store) key(kind, name string) string {
	return s.p + kind + ":{" + name + "}"
}

// space returns the common start of every key of kind, for SCAN MATCH
// (escaped) and to cut a key back to its name.
func (s *Store) space(kind string) string { return s.p + kind + ":{" }

// name returns the name of key in the key space kind.
func (s *Store) name(kind, key string) string {
	return strings.TrimSuffix(strings.TrimPrefix(key, s.space(kind)), "}")
}

// fail wraps err from Redis for op: redis.Nil becomes ErrNotFound, and
// anything that is not a server reply or a cancellation (connection
// refused, timeouts, closed client) also wraps ErrUnavailable.
func (s *Store) fail(op string, err error) error {
	var reply redis.Error
	switch {
	case errors.Is(err, redis.Nil):
		return fmt.Errorf("redisstore: %s: %w", op, feedsvc.ErrNotFound)
	case errors.Is(err, context.Canceled), errors.As(err, &reply):
		return fmt.Errorf("redisstore: %s: %w", op, err)
	}
	if cc, ok := s.rdb.(*redis.ClusterClient); ok {
		// go-redis reloads the slot map on MOVED and once a minute; a
		// primary that died answers nothing, so ask for a reload now to
		// follow the failover (a lazy, rate-limited reload).
		cc.ReloadState(context.Background())
	}
	return fmt.Errorf("redisstore: %s: %w: %w", op, feedsvc.ErrUnavailable, err)
}

// redact hides a password in a Redis URL for error messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
