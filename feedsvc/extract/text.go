package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// asciiWS matches runs of ASCII whitespace only.
var asciiWS = regexp.MustCompile(`[ \t\r\n\f]+`)

// tidy collapses ASCII whitespace runs but keeps ideographic spaces inside
// the text, which Chinese captions use as visible separators.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = asciiWS.ReplaceAllString(s, " ")
	return strings.TrimFunc(s, unicode.IsSpace)
}

// runeLen is the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// absURL reports an absolute http(s) URL, or a file: URL with a path
// (local sites such as the bundled example; only a file: page resolves
// links to file: URLs).
func absURL(u *url.URL) bool {
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "file":
		return strings.HasPrefix(u.Path, "/")
	}
	return false
}

// parseBase parses an absolute page URL (see absURL).
func parseBase(s string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || !absURL(u) {
		return nil, false
	}
	return u, true
}

// firstNonEmpty returns the first argument that is not blank.
func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
