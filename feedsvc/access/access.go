// Package access guards operator endpoints (/metrics, /status): a bearer
// token and client networks, checked in one place.
package access

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// Policy says who may use an endpoint: a bearer Token (empty: none
// needed) and client Networks (empty: any). With both set a client needs
// both. Realm names the endpoint in the answers ("metrics").
type Policy struct {
	Token    string
	Networks []netip.Prefix
	Realm    string
	// Hint tells a refused client what to send or where to look, e.g.
	// "METRICS_TOKEN".
	Hint string
}

// Guard serves h only to clients p allows: 403 for a client outside the
// networks, 401 without the token. The client address is the
// connection's peer (forwarded headers are not trusted).
func (p Policy) Guard(h http.Handler) http.Handler {
	if p.Token == "" && len(p.Networks) == 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if len(p.Networks) > 0 && !within(r.RemoteAddr, p.Networks) {
			respond.Plain(w, http.StatusForbidden, p.Realm+": client address not allowed")
			return
		}
		if p.Token != "" && !Bearer(r, p.Token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="feedsvc `+p.Realm+`"`)
			respond.Plain(w, http.StatusUnauthorized, p.Realm+": send Authorization: Bearer "+p.Hint)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// within reports whether the address (host:port or host) lies in one of
// the networks.
func within(remote string, networks []netip.Prefix) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, n := range networks {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// Bearer reports whether r carries "Authorization: Bearer token" (the
// scheme is case-insensitive, RFC 9110 §11.1), compared in constant time.
func Bearer(r *http.Request, token string) bool {
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	return token != "" && ok && strings.EqualFold(scheme, "Bearer") &&
		subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(token)) == 1
}
