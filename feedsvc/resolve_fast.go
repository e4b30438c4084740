package feedsvc

import "strings"

// PlainAbsolute reports a cleaned ref that ResolveURL returns unchanged
// whatever the base: an http or https URL whose host is letters, digits,
// dots and hyphens, whose path holds only characters url.URL.String
// writes back as they are (unreserved ones and $&+,/:;=@, no escapes),
// with an optional query of printable ASCII and no fragment. For such a
// ref url.Parse sets no RawPath, keeps the query raw, and String rebuilds
// the same text, so the parse, render and re-parse that ResolveURL does
// for other refs would give back ref itself. Most links and image
// sources in feeds have this form; FuzzPlainAbsolute checks the claim.
func PlainAbsolute(ref string) bool {
	rest, ok := strings.CutPrefix(ref, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(ref, "http://"); !ok {
			return false
		}
	}
	i := 0
	for ; i < len(rest) && isHostByte(rest[i]); i++ {
	}
	if i == 0 || i < len(rest) && rest[i] != '/' && rest[i] != '?' {
		return false // no host, or a port, user info or other character
	}
	for ; i < len(rest) && rest[i] != '?'; i++ {
		if !isPathByte(rest[i]) {
			return false
		}
	}
	for ; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f || c == '#' {
			return false
		}
	}
	return true
}

func isHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// isPathByte is a path character url.URL.EscapedPath leaves as it is.
func isPathByte(c byte) bool {
	return pathBytes[c]
}

// pathBytes is isPathByte as a table: it is asked for every byte of
// every link.
var pathBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = isHostByte(byte(c)) || strings.IndexByte("_~/$&+,:;=@", byte(c)) >= 0
	}
	return t
}()
