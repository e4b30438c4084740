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

// Ping reports whether Redis answers. On a cluster it asks every primary
// of a freshly read slot map for CLUSTER INFO and wants cluster_state:ok:
// a node answers PING while the cluster is down (then every key fails
// with CLUSTERDOWN), and a dead primary fails only the keys of its slots,
// so PING on one node would call ready a store whose calls fail.
func (s *Store) Ping(ctx context.Context) error {
	cc, ok := s.rdb.(*redis.ClusterClient)
	if !ok {
		if err := s.rdb.Ping(ctx).Err(); err != nil {
			return s.fail("ping", err)
		}
		return nil
	}
	err := cc.ForEachMaster(ctx, func(ctx context.Context, n *redis.Client) error {
		info, err := n.ClusterInfo(ctx).Result()
		if err != nil {
			return err
		}
		if !strings.Contains(info, "cluster_state:ok") {
			return fmt.Errorf("cluster node %s: cluster state is not ok", n.Options().Addr)
		}
		return nil
	})
	if err != nil {
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
// refused, timeouts, closed client), or is a reply of a failover in
// progress (failingOver), also wraps ErrUnavailable.
func (s *Store) fail(op string, err error) error {
	var reply redis.Error
	switch {
	case errors.Is(err, redis.Nil):
		return fmt.Errorf("redisstore: %s: %w", op, feedsvc.ErrNotFound)
	case errors.Is(err, context.Canceled), errors.As(err, &reply) && !failingOver(reply):
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

// failingOver reports whether a server reply says the deployment is
// between primaries rather than that the command was wrong: the cluster
// is down until a replica takes a dead primary's slots (CLUSTERDOWN,
// TRYAGAIN), a replica answers for a demoted or reloading primary
// (READONLY, MASTERDOWN, LOADING).
func failingOver(reply redis.Error) bool {
	msg := reply.Error()
	for _, p := range []string{"CLUSTERDOWN", "TRYAGAIN", "READONLY", "MASTERDOWN", "LOADING"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// redact hides a password in a Redis URL for error messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
