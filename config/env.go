package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Config holds the settings read from the environment.
type Config struct {
	ListenAddr  string // LISTEN_ADDR, default 127.0.0.1:8080
	RedisURL    string // REDIS_URL; empty selects the embedded store
	RedisPrefix string // REDIS_PREFIX, default "feedsvc:"
	// RedisMode is single, cluster or sentinel (REDIS_MODE, default single);
	// RedisSentinelMaster names the primary in sentinel mode.
	RedisMode, RedisSentinelMaster string
	DataDir                        string        // DATA_DIR: directory of the disk store, default ./data
	Store                          string        // STORE: disk (default without REDIS_URL), redis (default with it) or memory
	BaseURL                        *url.URL      // BASE_URL; default derived from ListenAddr
	IDAuthority                    string        // ID_AUTHORITY: tag: authority of ids, recorded at a store's first start
	LogLevel                       slog.Level    // LOG_LEVEL: debug, info, warn, error
	LogFormat                      string        // LOG_FORMAT: text or json
	AllowPrivate                   bool          // FEEDSVC_ALLOW_PRIVATE_NETWORKS
	FetchTimeout                   time.Duration // FETCH_TIMEOUT, default 20s
	MaxBodyBytes                   int64         // FETCH_MAX_BYTES, default 10 MiB
	Concurrency                    int           // INGEST_CONCURRENCY, default 4
	AdminToken                     string        // ADMIN_TOKEN; empty disables the admin API
	// Retain and RetainItems are the defaults of each section's retain and
	// retain_items (RETAIN, RETAIN_ITEMS); zero: the store's default.
	Retain      feedsvc.Age
	RetainItems int
	// NearDupDistance is the largest SimHash distance at which articles of
	// two sources are one story (NEAR_DUP_DISTANCE, default 3; -1 disables).
	NearDupDistance int
	// LeaseTTL is how long a replica's poll lease on a source lasts
	// (POLL_LEASE_TTL, default 30s): a dead replica's sources move on after it.
	LeaseTTL time.Duration
	// MaxInterval caps the wait between two polls of a source, backoff
	// included (MAX_POLL_INTERVAL, default 6h).
	MaxInterval time.Duration
	// UserAgent is sent with every outbound request (USER_AGENT; empty:
	// the service's name and version, set by main).
	UserAgent string
	// MetricsToken is the bearer token /metrics requires (METRICS_TOKEN).
	MetricsToken string
	// MetricsNetworks lists the networks allowed to read /metrics
	// (METRICS_ALLOWED_NETWORKS; empty: any).
	MetricsNetworks []netip.Prefix
	// StatusPublic is false when /status needs the admin token (STATUS_PUBLIC).
	StatusPublic bool
	// RenderCacheBytes bounds the rendered documents a replica keeps in
	// process (RENDER_CACHE_BYTES, default 32 MiB).
	RenderCacheBytes int64
	// DataRelease is how often the disk store releases the file pages
	// mapped into the process (DATA_RELEASE_INTERVAL; 0: never, the default).
	DataRelease time.Duration
	// DataMappedMax bounds the file pages mapped into the process: above
	// it the disk store releases them (DATA_MAPPED_MAX, default 80 MiB; 0:
	// no bound).
	DataMappedMax int64
	// PprofAddr is a loopback host:port serving Go's /debug/pprof
	// profiles (PPROF_ADDR; empty: off).
	PprofAddr string
}

// DefaultDataMappedMax is DATA_MAPPED_MAX's default: with the Go heap's
// default soft limit (cmd/feedsvc), what keeps the embedded store of
// 10,000 sources under 256 MB of RSS (about 140 MiB of Go heap and
// runtime, this bound and what the file maps between two checks). A
// lower bound releases the pages more often, and each release makes the
// store's hot pages fault again: at 64 MiB those faults cost half as much
// CPU again as at 80 (make scale).
const DefaultDataMappedMax = 80 << 20

// DefaultRenderCacheBytes is RENDER_CACHE_BYTES's default: room for the
// subscription documents of about a hundred busy sections (a 50-item
// channel with full bodies is some 300 KB); a document not held is
// rendered again from the store on its next request.
const DefaultRenderCacheBytes = 32 << 20

// Store kinds of Config.Store.
const (
	StoreDisk   = "disk"
	StoreRedis  = "redis"
	StoreMemory = "memory"
)

// Load reads the configuration from getenv (os.Getenv in main) and
// validates it.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		ListenAddr:   or(getenv("LISTEN_ADDR"), "127.0.0.1:8080"),
		RedisPrefix:  or(getenv("REDIS_PREFIX"), "feedsvc:"),
		LogFormat:    strings.ToLower(or(getenv("LOG_FORMAT"), "text")),
		UserAgent:    getenv("USER_AGENT"),
		IDAuthority:  getenv("ID_AUTHORITY"),
		FetchTimeout: 20 * time.Second,
		MaxBodyBytes: 10 << 20,
		Concurrency:  4,

		RenderCacheBytes: DefaultRenderCacheBytes,
		DataMappedMax:    DefaultDataMappedMax,

		NearDupDistance: feedsvc.DefaultNearDupDistance,
		LeaseTTL:        30 * time.Second,
		MaxInterval:     6 * time.Hour,
		DataDir:         or(getenv("DATA_DIR"), "./data"),
		Store:           strings.ToLower(getenv("STORE")),
		PprofAddr:       getenv("PPROF_ADDR"),
	}
	if err := c.loadSecrets(getenv); err != nil {
		return c, err
	}
	if err := c.loadExposure(getenv); err != nil {
		return c, err
	}
	if err := c.loadRedisMode(getenv); err != nil {
		return c, err
	}
	if c.Store == "" {
		c.Store = StoreDisk
		if c.RedisURL != "" {
			c.Store = StoreRedis
		}
	}
	var err error
	if err = c.LogLevel.UnmarshalText([]byte(or(getenv("LOG_LEVEL"), "info"))); err != nil {
		return c, fmt.Errorf("LOG_LEVEL %q: want debug, info, warn or error", getenv("LOG_LEVEL"))
	}
	if v := getenv("FEEDSVC_ALLOW_PRIVATE_NETWORKS"); v != "" {
		if c.AllowPrivate, err = strconv.ParseBool(v); err != nil {
			return c, fmt.Errorf("FEEDSVC_ALLOW_PRIVATE_NETWORKS %q: want true or false", v)
		}
	}
	if v := getenv("FETCH_TIMEOUT"); v != "" {
		if c.FetchTimeout, err = time.ParseDuration(v); err != nil {
			return c, fmt.Errorf("FETCH_TIMEOUT %q: %w", v, err)
		}
	}
	if v := getenv("FETCH_MAX_BYTES"); v != "" {
		if c.MaxBodyBytes, err = strconv.ParseInt(v, 10, 64); err != nil {
			return c, fmt.Errorf("FETCH_MAX_BYTES %q: want a number of bytes", v)
		}
	}
	if v := getenv("RENDER_CACHE_BYTES"); v != "" {
		if c.RenderCacheBytes, err = strconv.ParseInt(v, 10, 64); err != nil {
			return c, fmt.Errorf("RENDER_CACHE_BYTES %q: want a number of bytes", v)
		}
	}
	if v := getenv("DATA_MAPPED_MAX"); v != "" {
		if c.DataMappedMax, err = strconv.ParseInt(v, 10, 64); err != nil {
			return c, fmt.Errorf("DATA_MAPPED_MAX %q: want a number of bytes (0: no bound)", v)
		}
	}
	if v := getenv("INGEST_CONCURRENCY"); v != "" {
		if c.Concurrency, err = strconv.Atoi(v); err != nil {
			return c, fmt.Errorf("INGEST_CONCURRENCY %q: want a whole number", v)
		}
	}
	for name, dst := range map[string]*time.Duration{"POLL_LEASE_TTL": &c.LeaseTTL, "MAX_POLL_INTERVAL": &c.MaxInterval,
		"DATA_RELEASE_INTERVAL": &c.DataRelease} {
		if v := getenv(name); v != "" {
			if *dst, err = time.ParseDuration(v); err != nil {
				return c, fmt.Errorf("%s %q: %w", name, v, err)
			}
		}
	}
	if v := getenv("NEAR_DUP_DISTANCE"); v != "" {
		if c.NearDupDistance, err = strconv.Atoi(v); err != nil {
			return c, fmt.Errorf("NEAR_DUP_DISTANCE %q: want a whole number (-1 disables)", v)
		}
	}
	if err = retainEnv(getenv, &c); err != nil {
		return c, err
	}
	if c.BaseURL, err = baseURL(getenv("BASE_URL"), c.ListenAddr); err != nil {
		return c, err
	}
	return c, c.validate()
}

// validate checks ranges and cross-field rules.
func (c Config) validate() error {
	if _, _, err := net.SplitHostPort(c.ListenAddr); err != nil {
		return fmt.Errorf("LISTEN_ADDR %q: want host:port", c.ListenAddr)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("LOG_FORMAT %q: want text or json", c.LogFormat)
	}
	if c.RedisURL != "" && !strings.HasPrefix(c.RedisURL, "redis://") && !strings.HasPrefix(c.RedisURL, "rediss://") && !strings.HasPrefix(c.RedisURL, "unix://") {
		return fmt.Errorf("REDIS_URL %q: want redis://, rediss:// or unix://", Redact(c.RedisURL))
	}
	if err := c.validateStore(); err != nil {
		return err
	}
	if c.FetchTimeout <= 0 || c.FetchTimeout > 10*time.Minute {
		return fmt.Errorf("FETCH_TIMEOUT %s: want between 0 and 10m", c.FetchTimeout)
	}
	if c.DataRelease != 0 && (c.DataRelease < 100*time.Millisecond || c.DataRelease > time.Hour) {
		return fmt.Errorf("DATA_RELEASE_INTERVAL %s: want 0 (off) or 100ms..1h", c.DataRelease)
	}
	if c.DataMappedMax != 0 && c.DataMappedMax < 8<<20 {
		return fmt.Errorf("DATA_MAPPED_MAX %d: want 0 (no bound) or at least 8388608 (8 MiB)", c.DataMappedMax)
	}
	if c.RenderCacheBytes < 1<<20 {
		return fmt.Errorf("RENDER_CACHE_BYTES %d: want at least 1048576 (1 MiB)", c.RenderCacheBytes)
	}
	if c.MaxBodyBytes < 1024 {
		return fmt.Errorf("FETCH_MAX_BYTES %d: want at least 1024", c.MaxBodyBytes)
	}
	if c.LeaseTTL < 3*time.Second || c.LeaseTTL > time.Hour {
		return fmt.Errorf("POLL_LEASE_TTL %s: want 3s..1h", c.LeaseTTL)
	}
	if c.MaxInterval < time.Minute || c.MaxInterval > 7*24*time.Hour {
		return fmt.Errorf("MAX_POLL_INTERVAL %s: want 1m..168h", c.MaxInterval)
	}
	if c.NearDupDistance < -1 || c.NearDupDistance > 32 {
		return fmt.Errorf("NEAR_DUP_DISTANCE %d: want -1 (off) to 32", c.NearDupDistance)
	}
	if strings.ContainsFunc(c.UserAgent, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return fmt.Errorf("USER_AGENT %q: control characters are not allowed", c.UserAgent)
	}
	if c.Concurrency < 1 || c.Concurrency > 256 {
		return fmt.Errorf("INGEST_CONCURRENCY %d: want 1..256", c.Concurrency)
	}
	return c.validatePprof()
}

// validatePprof accepts an empty PPROF_ADDR or a loopback host:port: the
// profiles show the process's internals, so they never leave the machine.
func (c Config) validatePprof() error {
	if c.PprofAddr == "" {
		return nil
	}
	host, _, err := net.SplitHostPort(c.PprofAddr)
	ip := net.ParseIP(host)
	if err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		return fmt.Errorf("PPROF_ADDR %q: want a loopback host:port such as 127.0.0.1:6060", c.PprofAddr)
	}
	return nil
}

// validateStore checks STORE against REDIS_URL and DATA_DIR.
func (c Config) validateStore() error {
	switch c.Store {
	case StoreRedis:
		if c.RedisURL == "" {
			return errors.New("STORE=redis needs REDIS_URL")
		}
	case StoreDisk, StoreMemory:
		if c.RedisURL != "" {
			return fmt.Errorf("STORE=%s and REDIS_URL are exclusive: unset one", c.Store)
		}
		if c.Store == StoreDisk && c.DataDir == "" {
			return errors.New("DATA_DIR: want a directory for the disk store")
		}
	default:
		return fmt.Errorf("STORE %q: want disk, redis or memory", c.Store)
	}
	return nil
}

// baseURL parses BASE_URL or derives http://LISTEN_ADDR (0.0.0.0 and an
// empty host become 127.0.0.1 so the links are reachable locally).
func baseURL(raw, listen string) (*url.URL, error) {
	if raw == "" {
		host, port, err := net.SplitHostPort(listen)
		if err != nil {
			return nil, fmt.Errorf("LISTEN_ADDR %q: want host:port", listen)
		}
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "127.0.0.1"
		}
		raw = "http://" + net.JoinHostPort(host, port)
	}
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("BASE_URL %q: want an absolute http(s) URL", raw)
	}
	return u, nil
}

// Redact hides the password of a URL for logging.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
