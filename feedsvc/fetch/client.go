package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
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
	c := &Client{opts: o}
	c.http = &http.Client{
		Transport:     newTransport(o),
		Timeout:       o.Timeout,
		CheckRedirect: c.checkRedirect,
	}
	return c
}

func newTransport(o Options) *http.Transport {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: o.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	if o.AllowPrivate {
		t.Proxy = http.ProxyFromEnvironment
	} else {
		// A proxy would make the dial-time check see the proxy's address
		// instead of the target's, so the guarded client dials directly.
		dialer.Control = refusePrivate
	}
	return t
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
