package parse

import (
	"net/url"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// absHTTP resolves ref against base with the flow's one resolver
// (feedsvc.ResolveURL) and returns it when the result is an absolute http
// or https URL with a host, else "". base may be ""; a base that is not
// http(s) resolves nothing, and without a base only absolute refs count
// (a protocol-relative one too is relative here).
func absHTTP(ref, base string) string {
	switch r := strings.TrimSpace(ref); {
	case r == "":
		return "" // ResolveURL resolves no empty ref: no base to parse
	case feedsvc.PlainAbsolute(r):
		// ResolveURL gives a plain absolute ref back whatever the base,
		// and it is http(s) with a host: no base or result to parse.
		return r
	}
	return absHTTPFull(ref, base)
}

// absHTTPFull is absHTTP by url.Parse, for every ref.
func absHTTPFull(ref, base string) string {
	var b *url.URL
	if base != "" {
		if bu, err := url.Parse(strings.TrimSpace(base)); err == nil && isHTTP(bu) {
			b = bu
		}
	}
	if b == nil && strings.HasPrefix(strings.TrimSpace(ref), "//") {
		return ""
	}
	r := feedsvc.ResolveURL(b, ref)
	if u, err := url.Parse(r); r == "" || err != nil || !isHTTP(u) {
		return ""
	}
	return r
}

func isHTTP(u *url.URL) bool {
	s := strings.ToLower(u.Scheme)
	return (s == "http" || s == "https") && u.Host != ""
}
