package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"time"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultUserAgent    = "feedsvc/1.0 (+https://github.com/feedsvc/feedsvc)"
	DefaultMaxRedirects = 5
)

// Options configure a Client. Zero values take the defaults above.
type Options struct {
	Timeout      time.Duration // whole request, default 20s
	MaxBytes     int64         // body cap after decompression, default 10 MiB
	UserAgent    string        // default DefaultUserAgent
	MaxRedirects int           // default 5
	AllowFile    bool          // allow file:// URLs
	// AllowPrivate permits connections to loopback, private, link-local
	// and metadata addresses. When false they are refused at dial time,
	// which also covers redirects and DNS rebinding.
	AllowPrivate bool
	// Proxy chooses the proxy of a request (nil URL: direct), as
	// http.Transport.Proxy; default proxyFromEnv(os.Getenv). When private
	// addresses are refused, a proxied request's destination is resolved
	// and checked before the proxy is asked.
	Proxy func(*http.Request) (*url.URL, error)
	// Resolver resolves proxied destinations for that check; default
	// net.DefaultResolver.
	Resolver Resolver
	// BeforeDial, when set, sees every host:port the client connects to
	// (a destination, or a proxy), before any DNS lookup; an error refuses
	// the connection. Load runs and tests use it to prove where they go.
	BeforeDial func(network, address string) error
}

// Resolver looks up a host's addresses (*net.Resolver implements it).
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Client fetches sources. It is safe for concurrent use; share one.
type Client struct {
	opts Options
	http *http.Client
}

// errRedirects is returned when a redirect chain exceeds MaxRedirects.
var errRedirects = errors.New("too many redirects")

// New returns a Client with one shared http.Client whose transport has
// dial, TLS and header timeouts and transparent gzip.
func New(o Options) *Client {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Proxy == nil {
		o.Proxy = proxyFromEnv(os.Getenv)
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	c := &Client{opts: o}
	c.http = &http.Client{
		Transport:     newTransport(o),
		Timeout:       o.Timeout,
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// newTransport returns the route of every request: direct, or through
// the proxy o.Proxy names for it. A direct connection is dialled through
// the private-address guard (unless AllowPrivate); a proxied request has
// its destination resolved and checked first, since the dial then goes
// to the proxy, which the operator chose and may well be internal.
func newTransport(o Options) http.RoundTripper {
	direct := baseTransport(o, !o.AllowPrivate)
	proxied := baseTransport(o, false)
	proxied.Proxy = o.Proxy
	proxied.ProxyConnectHeader = http.Header{"User-Agent": {o.UserAgent}}
	return &router{proxy: o.Proxy, direct: direct, proxied: proxied, guard: !o.AllowPrivate, resolver: o.Resolver}
}

// baseTransport has dial, TLS and header timeouts and transparent gzip;
// guard refuses internal addresses at dial time.
func baseTransport(o Options, guard bool) *http.Transport {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if guard {
		dialer.Control = refusePrivate
	}
	dial := dialer.DialContext
	if o.BeforeDial != nil {
		dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			if err := o.BeforeDial(network, addr); err != nil {
				return nil, fmt.Errorf("dial %s: %w", addr, err)
			}
			return dialer.DialContext(ctx, network, addr)
		}
	}
	return &http.Transport{
		DialContext:           dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: o.Timeout,
		ExpectContinueTimeout: time.Second,
	}
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w (more than %d)", errRedirects, c.opts.MaxRedirects)
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q: %w", s, errScheme)
	}
	return nil
}
