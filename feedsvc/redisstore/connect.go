package redisstore

import (
	"fmt"
	"net/url"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Modes of Options.Mode.
const (
	ModeSingle   = "single"
	ModeCluster  = "cluster"
	ModeSentinel = "sentinel"
)

// dial builds the client of o.Mode from o.URL. Every mode reads go-redis'
// URL forms (redis:// or rediss:// for TLS; more nodes as ?addr=host:port)
// and honours the caller's context deadline on every command.
func dial(o Options) (redis.UniversalClient, error) {
	bad := func(err error) error {
		return fmt.Errorf("redisstore: parse %s URL %s: %w: %w", o.mode(), redact(o.URL), feedsvc.ErrInvalid, err)
	}
	switch o.mode() {
	case ModeSingle:
		opt, err := redis.ParseURL(o.URL)
		if err != nil {
			return nil, bad(err)
		}
		opt.ContextTimeoutEnabled = true
		return redis.NewClient(opt), nil
	case ModeCluster:
		opt, err := redis.ParseClusterURL(o.URL)
		if err != nil {
			return nil, bad(err)
		}
		opt.ContextTimeoutEnabled = true
		return redis.NewClusterClient(opt), nil
	case ModeSentinel:
		opt, err := failoverOptions(o.URL, o.SentinelMaster)
		if err != nil {
			return nil, bad(err)
		}
		return redis.NewFailoverClient(opt), nil
	}
	return nil, fmt.Errorf("redisstore: mode %q: want single, cluster or sentinel: %w", o.Mode, feedsvc.ErrInvalid)
}

// failoverOptions parses a Sentinel URL: its hosts are the sentinels, its
// user and password those of the primary and replicas, and the query
// parameters sentinel_username and sentinel_password (removed before
// go-redis parses the rest) the sentinels' own credentials.
func failoverOptions(raw, master string) (*redis.FailoverOptions, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	sentUser, sentPass := q.Get("sentinel_username"), q.Get("sentinel_password")
	q.Del("sentinel_username")
	q.Del("sentinel_password")
	u.RawQuery = q.Encode()
	user := u.User
	u.User = nil
	opt, err := redis.ParseFailoverURL(u.String())
	if err != nil {
		return nil, err
	}
	if user != nil && opt.Password == "" {
		opt.Username = user.Username()
		opt.Password, _ = user.Password()
	}
	opt.SentinelUsername, opt.SentinelPassword = sentUser, sentPass
	if master != "" {
		opt.MasterName = master
	}
	if opt.MasterName == "" {
		return nil, fmt.Errorf("no master name: set REDIS_SENTINEL_MASTER")
	}
	opt.ContextTimeoutEnabled = true
	return opt, nil
}

// mode returns o.Mode, single when empty.
func (o Options) mode() string {
	if o.Mode == "" {
		return ModeSingle
	}
	return o.Mode
}
