package normalize

import (
	"net/url"
	"strings"
)

// keptSchemes are the absolute schemes Resolve passes through; anything
// else (javascript:, data:, vbscript:, app deep links) is not a usable link.
var keptSchemes = map[string]bool{"http": true, "https": true, "ftp": true, "mailto": true, "tel": true}

// Resolve returns ref resolved against base as an absolute URL.
// Protocol-relative refs ("//host/p") take https when base is https, http
// otherwise. It returns "" for empty refs, javascript:/data:/vbscript: and
// other non-web schemes, unparseable input, and relative refs without an
// absolute base.
func Resolve(base *url.URL, ref string) string {
	ref = cleanRef(ref)
	if ref == "" || strings.HasPrefix(ref, "#") && base == nil {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		if u, err = url.Parse(strings.ReplaceAll(ref, " ", "%20")); err != nil {
			return ""
		}
	}
	if u.Scheme != "" {
		return absolute(u)
	}
	if strings.HasPrefix(ref, "//") {
		u.Scheme = "http"
		if base != nil && strings.EqualFold(base.Scheme, "https") {
			u.Scheme = "https"
		}
		return absolute(u)
	}
	if base == nil || !base.IsAbs() || base.Host == "" {
		return ""
	}
	return absolute(base.ResolveReference(u))
}

// absolute vets a resolved URL: a kept scheme, and a host for web schemes.
func absolute(u *url.URL) string {
	u.Scheme = strings.ToLower(u.Scheme)
	if !keptSchemes[u.Scheme] {
		return ""
	}
	web := u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "ftp"
	if web && (u.Host == "" || u.Hostname() == "") {
		return ""
	}
	out := u.String()
	if _, err := url.Parse(out); err != nil {
		return ""
	}
	return out
}

var refStrip = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// cleanRef strips what browsers ignore in attribute URLs: surrounding
// spaces, and tabs and newlines anywhere. Backslashes in the path part
// read as slashes, as browsers read them.
func cleanRef(ref string) string {
	ref = strings.TrimSpace(refStrip.Replace(ref))
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		return strings.ReplaceAll(ref[:i], `\`, "/") + ref[i:]
	}
	return strings.ReplaceAll(ref, `\`, "/")
}
