package httpapi

import (
	"bytes"
	"context"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// Partners checks partner keys, rate limits and counts usage
// (*partner.Registry).
type Partners interface {
	// Lookup returns the partner whose key is key, disabled ones included.
	Lookup(ctx context.Context, key string) (feedsvc.Partner, bool, error)
	// Allow takes a token of p's rate limit, or says how long to wait.
	Allow(p feedsvc.Partner) (time.Duration, bool)
	// Record counts one answered request.
	Record(id string, status int, bytes int64)
}

// PartnerObserver receives each partner request for metrics; the
// Observer may implement it.
type PartnerObserver interface {
	PartnerRequest(partner string, status int, bytes int64)
}

// keyToken stands for the partner's key in the links of documents
// rendered for a key that came in the query; it is replaced by the key
// when served, so one render serves every partner of a policy.
const keyToken = "FEEDSVC_PARTNER_KEY_7f3a"

// caller is who asks for a channel: the public (partner nil) or a
// partner, with the key when it came in the query.
type caller struct {
	partner  *feedsvc.Partner
	queryKey string
}

// identify authenticates a partner key (Authorization: Bearer or ?key=).
// On refusal it has answered: 401 unknown or disabled key, 429 over the
// rate limit, 503 when the partners cannot be read.
func (s *Server) identify(w http.ResponseWriter, r *http.Request) (caller, bool) {
	var c caller
	if s.Partners == nil {
		return c, true
	}
	key := r.URL.Query().Get("key")
	if key != "" {
		c.queryKey = key
	} else if scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		key = strings.TrimSpace(tok)
	}
	if key == "" {
		return c, true
	}
	p, found, err := s.Partners.Lookup(r.Context(), key)
	switch {
	case err != nil:
		s.log().Error("partner lookup", slog.Any("error", err))
		respond.Plain(w, http.StatusServiceUnavailable, "partner keys unavailable, try again")
		return c, false
	case !found:
		w.Header().Set("WWW-Authenticate", `Bearer realm="feedsvc partners"`)
		respond.Plain(w, http.StatusUnauthorized, "unknown partner key")
		return c, false
	}
	c.partner = &p
	if !p.Enabled {
		respond.Plain(w, http.StatusUnauthorized, "partner key disabled")
		return c, false
	}
	if wait, ok := s.Partners.Allow(p); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		respond.Plain(w, http.StatusTooManyRequests, "rate limit: "+strconv.Itoa(p.RatePerMinute)+" requests per minute")
		return c, false
	}
	return c, true
}

// sees reports whether c may read sec: 0 yes, else the refusal status
// (404 for the public on a private section, 403 for a partner).
func (c *caller) sees(sec *feedsvc.Section) int {
	switch {
	case c.partner == nil && sec.IsPublic():
		return 0
	case c.partner == nil:
		return http.StatusNotFound
	case c.partner.Allows(sec.Slug):
		return 0
	}
	return http.StatusForbidden
}

// record counts a partner request in usage and metrics.
func (s *Server) record(c *caller, w *countingWriter) {
	if c.partner == nil {
		return
	}
	if w.status == 0 {
		w.status = http.StatusOK
	}
	s.Partners.Record(c.partner.ID, w.status, w.n)
	if po, ok := s.Observe.(PartnerObserver); ok {
		po.PartnerRequest(c.partner.ID, w.status, w.n)
	}
}

// withKey adds the key token to a document link.
func withKey(u string) string {
	if u == "" {
		return u
	}
	if strings.Contains(u, "?") {
		return u + "&key=" + keyToken
	}
	return u + "?key=" + keyToken
}

// keyLinks points the channel's links at the key token.
func keyLinks(ch *feedsvc.Channel) {
	ch.SelfURL, ch.NextURL, ch.PrevArchiveURL = withKey(ch.SelfURL), withKey(ch.NextURL), withKey(ch.PrevArchiveURL)
	for f, u := range ch.FeedURLs {
		ch.FeedURLs[f] = withKey(u)
	}
}

// forCaller adapts a rendered entry to a partner: the key put into the
// links (then no gzip copy), an ETag naming the policy, and private
// caching (a shared cache must not hand it to the public).
func (s *Server) forCaller(e *entry, c *caller) *entry {
	if c.partner == nil {
		return e
	}
	d := *e
	if c.queryKey != "" {
		key := []byte(url.QueryEscape(c.queryKey))
		d = *newEntryFrom(bytes.ReplaceAll(e.Body, []byte(keyToken), key), nil, e.contentType, e.LastMod, e.archive)
		d.self = strings.ReplaceAll(e.self, keyToken, string(key))
	}
	tag := "-" + string(c.policy())
	d.ETag = strings.TrimSuffix(d.ETag, `"`) + tag + `"`
	d.GzETag = strings.TrimSuffix(d.GzETag, `"`) + tag + `"`
	s.prepare(&d, true)
	return &d
}

// policy is what c receives (the public: everything).
func (c *caller) policy() feedsvc.Policy {
	if c.partner == nil || c.partner.Policy == "" {
		return feedsvc.PolicyFull
	}
	return c.partner.Policy
}
