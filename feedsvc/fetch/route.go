package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
)

// router sends a request direct or through its proxy (see newTransport).
// Redirects come back through RoundTrip, so every hop is routed and
// checked.
type router struct {
	proxy           func(*http.Request) (*url.URL, error)
	direct, proxied *http.Transport
	guard           bool
	resolver        Resolver
}

// RoundTrip implements http.RoundTripper.
func (rt *router) RoundTrip(req *http.Request) (*http.Response, error) {
	pu, err := rt.proxy(req)
	if err != nil {
		return nil, fmt.Errorf("proxy for %s: %w", req.URL.Host, err)
	}
	if pu == nil {
		return rt.direct.RoundTrip(req)
	}
	if rt.guard {
		if err := checkDestination(req.Context(), rt.resolver, req.URL.Hostname()); err != nil {
			closeBody(req)
			return nil, err
		}
	}
	return rt.proxied.RoundTrip(req)
}

// CloseIdleConnections lets http.Client.CloseIdleConnections reach both
// transports.
func (rt *router) CloseIdleConnections() {
	rt.direct.CloseIdleConnections()
	rt.proxied.CloseIdleConnections()
}

// checkDestination resolves host and refuses it when any of its addresses
// is internal. A proxy resolves the name again, so a DNS answer that
// changes between the two lookups is outside this check's reach.
func checkDestination(ctx context.Context, r Resolver, host string) error {
	addrs := []netip.Addr{}
	if ip, err := netip.ParseAddr(host); err == nil {
		addrs = append(addrs, ip)
	} else {
		if addrs, err = r.LookupNetIP(ctx, "ip", host); err != nil {
			return fmt.Errorf("resolve %s: %w", host, err)
		}
	}
	for _, ip := range addrs {
		if isInternal(ip) {
			return fmt.Errorf("proxy to %s (%s): %w", host, ip, ErrPrivateAddress)
		}
	}
	return nil
}

// closeBody honours the RoundTripper contract of closing the request body
// even when the request is not sent.
func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}
