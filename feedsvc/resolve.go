package feedsvc

import (
	"net/url"
	"strings"
)

// keptSchemes are the absolute schemes ResolveURL passes through; anything
// else (javascript:, data:, vbscript:, app deep links) is not a usable
// link. file: is kept only against a file: base (see ResolveURL).
var keptSchemes = map[string]bool{"http": true, "https": true, "ftp": true, "mailto": true, "tel": true}

// ResolveURL returns ref resolved against base as an absolute URL, read
// as browsers read attribute URLs: surrounding spaces, tabs and newlines
// ignored, backslashes in the path read as slashes, raw spaces escaped.
// Protocol-relative refs ("//host/p") take https when base is https, http
// otherwise. It returns "" for empty refs, javascript:/data:/vbscript: and
// other non-web schemes, unparseable input, and relative refs without an
// absolute base. A file: URL (with a path) is kept only when base is a
// file: URL too: local sites such as the bundled example link to their
// own files, and nothing else may point into the local file system.
//
// It is the one resolver of the flow: parse (WebURL semantics, fragment
// kept), extract (WebURL) and normalize (ResolveURL) all use it.
func ResolveURL(base *url.URL, ref string) string {
	ref = cleanRef(ref)
	if PlainAbsolute(ref) {
		return ref // what resolveClean would give back
	}
	if r, ok := resolvePlainPath(base, ref); ok {
		return r
	}
	return resolveClean(base, ref)
}

// resolvePlainPath resolves a site-absolute ref ("/img/a.jpg?w=1")
// against an http(s) base without user info by joining the base's scheme
// and host to it, when the result is a plain URL (PlainAbsolute) and the
// path has no dot segments: resolveClean would give back the same text
// (url.URL.ResolveReference keeps such a path as it is). ok=false
// otherwise; FuzzResolvePlainPath checks the claim.
func resolvePlainPath(base *url.URL, ref string) (string, bool) {
	if base == nil || !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") || strings.Contains(ref, "/.") ||
		base.Scheme != "http" && base.Scheme != "https" || base.User != nil || base.Opaque != "" {
		return "", false
	}
	r := base.Scheme + "://" + base.Host + ref
	return r, PlainAbsolute(r)
}

// resolveClean is ResolveURL of a ref cleanRef has cleaned.
func resolveClean(base *url.URL, ref string) string {
	if ref == "" || strings.HasPrefix(ref, "#") && base == nil {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		if u, err = url.Parse(strings.ReplaceAll(ref, " ", "%20")); err != nil {
			return ""
		}
	}
	fileBase := base != nil && strings.EqualFold(base.Scheme, "file")
	if u.Scheme != "" {
		return absolute(u, fileBase)
	}
	if strings.HasPrefix(ref, "//") {
		u.Scheme = "http"
		if base != nil && strings.EqualFold(base.Scheme, "https") {
			u.Scheme = "https"
		}
		return absolute(u, false)
	}
	if base == nil || !base.IsAbs() || base.Host == "" && !fileBase {
		return ""
	}
	return absolute(base.ResolveReference(u), fileBase)
}

// WebURL is ResolveURL for links a reader follows: only http(s) URLs with
// a host (or file: ones under a file: base), without the fragment; "" for
// a bare "#fragment".
func WebURL(base *url.URL, ref string) string {
	if strings.HasPrefix(strings.TrimSpace(ref), "#") {
		return ""
	}
	r := ResolveURL(base, ref)
	if r == "" {
		return ""
	}
	u, err := url.Parse(r)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// absolute vets a resolved URL: a kept scheme (file: when file is
// set, with an absolute path), and a host for web schemes.
func absolute(u *url.URL, file bool) string {
	u.Scheme = strings.ToLower(u.Scheme)
	switch {
	case u.Scheme == "file":
		if !file || !strings.HasPrefix(u.Path, "/") {
			return ""
		}
	case !keptSchemes[u.Scheme]:
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
	if refClean(ref) {
		return ref
	}
	return cleanRefFull(ref)
}

// refClean reports a ref cleanRef leaves as it is, in one pass over its
// bytes: no spaces, controls or backslashes, and no non-ASCII character
// at either end (where TrimSpace would look for Unicode spaces).
func refClean(ref string) bool {
	if ref == "" || ref[0] >= 0x80 || ref[len(ref)-1] >= 0x80 {
		return false
	}
	for i := 0; i < len(ref); i++ {
		if c := ref[i]; c <= ' ' || c == '\\' {
			return false
		}
	}
	return true
}

// cleanRefFull is cleanRef written out.
func cleanRefFull(ref string) string {
	ref = strings.TrimSpace(refStrip.Replace(ref))
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		return strings.ReplaceAll(ref[:i], `\`, "/") + ref[i:]
	}
	return strings.ReplaceAll(ref, `\`, "/")
}
