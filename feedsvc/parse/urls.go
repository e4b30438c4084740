package parse

import (
	"net/url"
	"strings"
)

// absHTTP resolves ref against base and returns it when the result is an
// absolute http or https URL with a host, else "". base may be "".
func absHTTP(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		// Feeds put raw spaces and other junk in links; escape the
		// common offenders once before giving up.
		if u, err = url.Parse(strings.NewReplacer(" ", "%20", "\t", "", "\n", "").Replace(ref)); err != nil {
			return ""
		}
	}
	if !u.IsAbs() {
		if base == "" {
			return ""
		}
		bu, err := url.Parse(base)
		if err != nil || !isHTTP(bu) {
			return ""
		}
		u = bu.ResolveReference(u)
	}
	if !isHTTP(u) {
		return ""
	}
	return u.String()
}

func isHTTP(u *url.URL) bool {
	s := strings.ToLower(u.Scheme)
	return (s == "http" || s == "https") && u.Host != ""
}
