package normalize

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// trackingParams are query keys (lower-case) that only identify a campaign,
// click or share, never the page. CanonicalURL drops them.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "yclid": true, "msclkid": true,
	"wbraid": true, "gbraid": true, "gad_source": true, "srsltid": true, "_ga": true, "_gl": true,
	"mc_cid": true, "mc_eid": true, "_hsenc": true, "_hsmi": true, "hsctatracking": true,
	"igshid": true, "igsh": true, "twclid": true, "ttclid": true, "li_fat_id": true, "mkt_tok": true,
	"spm": true, "spm_id_from": true, "vd_source": true, "share_source": true, "share_medium": true,
	"vero_id": true, "vero_conv": true, "oly_anon_id": true, "oly_enc_id": true, "_openstat": true,
	"rb_clickid": true, "wickedid": true, "s_cid": true, "isappinstalled": true,
	"wt_mc": true, "wt_zmc": true, "xtor": true, "at_medium": true, "at_campaign": true, "ncid": true, "cmpid": true,
}

// trackingPrefixes are key prefixes of tracking families (Google Analytics,
// Matomo, Piwik, HubSpot cookies). Webtrekk (wt_mc) and AT Internet
// (xtor, at_*) campaign keys are listed above.
var trackingPrefixes = []string{"utm_", "mtm_", "pk_", "__hs"}

// shareFrom are values of WeChat's "from" parameter added when sharing.
var shareFrom = map[string]bool{"timeline": true, "singlemessage": true, "groupmessage": true}

// isTracking reports whether the query pair key=value is tracking noise.
func isTracking(key, value string) bool {
	k := strings.ToLower(key)
	if trackingParams[k] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return k == "from" && shareFrom[strings.ToLower(value)]
}

// CanonicalURL returns the identity form of an absolute http(s) URL:
// lower-case scheme and host, no default port, no fragment, no empty
// query, tracking parameters (utm_*, mtm_*, fbclid, gclid, …) removed and
// the other parameters kept in their order and spelling. A Google redirect
// (google.com/url?url=…, as Google Alerts links are) becomes its target.
// It returns "" for unparseable, relative or non-http(s) input.
func CanonicalURL(raw string) string {
	if c, ok := canonicalPlain(raw); ok {
		return c
	}
	return canonicalFull(raw)
}

// canonicalFull is CanonicalURL by url.Parse, for every URL.
func canonicalFull(raw string) string {
	c := canonical(raw)
	for c != "" {
		next := canonical(redirectTarget(c))
		// Each step must shorten the URL, so the loop ends and the result
		// is a fixed point (CanonicalURL is idempotent).
		if next == "" || len(next) >= len(c) {
			return c
		}
		c = next
	}
	return c
}

// googleHostRe matches Google search hosts (google.com, www.google.co.uk, …).
var googleHostRe = regexp.MustCompile(`^(?:www\.)?google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$`)

// redirectTarget returns the http(s) URL a Google /url redirect points
// to, "" when c is not one.
func redirectTarget(c string) string {
	u, err := url.Parse(c)
	if err != nil || u.Path != "/url" || !googleHostRe.MatchString(u.Host) {
		return ""
	}
	q := u.Query()
	for _, k := range []string{"url", "q"} {
		if v := q.Get(k); strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") {
			return v
		}
	}
	return ""
}

// canonical is CanonicalURL without redirect unwrapping.
func canonical(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Opaque != "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return ""
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	u.Host = joinHostPort(host, port)
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	out := u.String()
	if _, err := url.Parse(out); err != nil {
		return ""
	}
	return out
}

// canonicalPlain is CanonicalURL of a plain URL (feedsvc.PlainAbsolute:
// http(s), a host of letters, digits, dots and hyphens, a path url.URL
// writes back as it is, a printable query, no port, user or fragment),
// read without url.Parse: canonical would only lower-case the host, trim
// its dots, clean the query and turn an empty path into "/". The result
// is raw itself when that changes nothing. ok=false for other URLs and
// for a path of /url, which may be a redirect to unwrap.
func canonicalPlain(raw string) (string, bool) {
	if !feedsvc.PlainAbsolute(raw) {
		return "", false
	}
	scheme := "https://"
	if !strings.HasPrefix(raw, scheme) {
		scheme = "http://"
	}
	rest := raw[len(scheme):]
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	path, query, hasQuery := strings.Cut(rest[end:], "?")
	if path == "/url" {
		return "", false
	}
	host := strings.TrimRight(strings.ToLower(rest[:end]), ".")
	if host == "" {
		return "", false
	}
	clean := cleanQuery(query)
	if host == rest[:end] && path != "" && clean == query && (query != "" || !hasQuery) {
		return raw, true
	}
	if path == "" {
		path = "/"
	}
	if clean != "" {
		return scheme + host + path + "?" + clean, true
	}
	return scheme + host + path, true
}

func joinHostPort(host, port string) string {
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port == "" {
		return host
	}
	return host + ":" + port
}

// cleanQuery drops empty and tracking pairs from a raw query, keeping the
// rest byte for byte and in order.
func cleanQuery(raw string) string {
	if queryClean(raw) {
		return raw // the common case: no copy
	}
	return cleanQueryFull(raw)
}

// cleanQueryFull is cleanQuery, copying.
func cleanQueryFull(raw string) string {
	var kept []string
	for _, pair := range strings.Split(raw, "&") {
		if pair != "" && !trackingPair(pair) {
			kept = append(kept, escapeQuery(pair))
		}
	}
	return strings.Join(kept, "&")
}

// queryClean reports whether cleanQuery keeps raw as it is: no empty
// pair, no tracking pair, nothing to escape.
func queryClean(raw string) bool {
	for rest, more := raw, true; more; {
		var pair string
		pair, rest, more = strings.Cut(rest, "&")
		if pair == "" || trackingPair(pair) || needsEscape(pair) {
			return raw == ""
		}
	}
	return true
}

// trackingPair reports whether the raw query pair key=value is tracking
// noise.
func trackingPair(pair string) bool {
	k, v, _ := strings.Cut(pair, "=")
	dk, err := url.QueryUnescape(k)
	if err != nil {
		dk = k
	}
	dv, err := url.QueryUnescape(v)
	if err != nil {
		dv = v
	}
	return isTracking(dk, dv)
}

// needsEscape reports bytes escapeQuery would escape.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if escapedInQuery(s[i]) {
			return true
		}
	}
	return false
}

// escapedInQuery reports the bytes browsers percent-encode in a query.
func escapedInQuery(c byte) bool {
	return c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`'
}

// escapeQuery percent-encodes the bytes browsers encode in a query
// (spaces, controls, quotes, angle brackets, non-ASCII), so equal links
// get equal canonical forms and the output survives a re-parse.
func escapeQuery(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if escapedInQuery(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
