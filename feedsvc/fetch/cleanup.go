package fetch

import (
	"bytes"
	"regexp"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// prologEncRE finds the encoding pseudo-attribute of an XML declaration,
// which may follow a stray comment or whitespace in broken feeds.
var prologEncRE = regexp.MustCompile(`(<\?xml\s[^>]*?\bencoding\s*=\s*)(["'])[^"']*(["'])`)

// finish makes decoded bytes safe for UTF-8 parsers: no BOM, an XML
// declaration that says utf-8, C1 controls mapped to the windows-1252
// characters they almost always stand for, and valid UTF-8 throughout.
// valid says b is known to be valid UTF-8 already: none of the steps
// breaks a character, so the result needs no second check.
func finish(b []byte, valid bool) []byte {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	b = rewriteProlog(b)
	b = fixC1(b)
	if !valid && !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return b
}

// rewriteProlog sets the XML declaration's encoding to utf-8 so that XML
// parsers do not decode the already-decoded bytes a second time. A
// declaration that already names UTF-8, in any letter case, is left as
// it is: XML parsers read the name case-insensitively, and most feeds
// declare "UTF-8", whose rewrite would copy the whole body for nothing.
func rewriteProlog(b []byte) []byte {
	head := b[:min(len(b), declScan)]
	loc := prologEncRE.FindSubmatchIndex(head)
	if loc == nil || bytes.EqualFold(b[loc[5]:loc[6]], []byte("utf-8")) {
		return b
	}
	// loc[2:4] is the "encoding=" prefix, loc[4:6] the opening quote and
	// loc[6:8] the closing quote: keep them, replace what lies between.
	out := make([]byte, 0, len(b)+8)
	out = append(out, b[:loc[5]]...)
	out = append(out, "utf-8"...)
	return append(out, b[loc[6]:]...)
}

// fixC1 replaces U+0080..U+009F, which feeds produce when windows-1252
// text was decoded as ISO-8859-1 upstream, with the windows-1252
// characters those bytes denote (U+0092 → ’). Codes windows-1252 leaves
// undefined are dropped: they are invisible control characters.
func fixC1(b []byte) []byte {
	if !hasC1(b) {
		return b
	}
	var out []byte
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x80 && r <= 0x9F && size == 2 {
			if out == nil {
				out = append(make([]byte, 0, len(b)), b[:i]...)
			}
			if m := charmap.Windows1252.DecodeByte(byte(r)); m != r {
				out = utf8.AppendRune(out, m)
			}
		} else if out != nil {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	if out == nil {
		return b
	}
	return out
}

// hasC1 reports a U+0080..U+009F character: the bytes C2 80..C2 9F. A
// C2 byte is never inside another character's encoding, so the byte
// search finds every one fixC1's rune walk would.
func hasC1(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xC2)
		if i < 0 || i+1 >= len(b) {
			return false
		}
		if c := b[i+1]; c >= 0x80 && c <= 0x9F {
			return true
		}
		b = b[i+1:]
	}
}
