package fetch

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// DecodeUTF8 converts a feed or page body to UTF-8. The encoding is taken,
// in order, from a byte-order mark, the Content-Type charset, the XML
// declaration or an HTML <meta> charset, and finally sniffed from the
// bytes. Bytes that are already valid UTF-8 are never converted, whatever
// the label says (mislabelled feeds are common). GB2312/GBK labels decode
// as GB18030 and ISO-8859-1 as windows-1252 (WHATWG). The output has no
// BOM and its XML declaration, if any, names UTF-8 (encoding="utf-8"
// unless it named UTF-8 already, in any letter case). charset is
// the canonical name of the encoding used ("utf-8", "gb18030", "big5",
// "windows-1252", ...). The output is always valid UTF-8. A document that
// is mostly valid UTF-8 stays UTF-8; its invalid bytes become U+FFFD.
func DecodeUTF8(body []byte, contentType string) (out []byte, charset string, err error) {
	if enc, name, n := bomEncoding(body); enc != nil || name == "utf-8" {
		out, charset = body[n:], name
		if enc != nil {
			if out, err = decodeWith(enc, out); err != nil {
				return nil, "", fmt.Errorf("decode %s: %w", name, err)
			}
		}
		return finish(out, false), charset, nil
	}
	enc, name := lookup(declaredLabel(body, contentType))
	if e16, n16 := utf16WithoutBOM(body); e16 != nil {
		// UTF-16 text is byte-wise valid UTF-8 when mostly ASCII, so
		// this check must come before the UTF-8 one.
		enc, name = e16, n16
	} else if isUTF16(name) {
		enc, name = nil, "" // the label lies: these bytes are not UTF-16
	}
	switch {
	case isUTF16(name):
	case utf8.Valid(body):
		if enc == nil || !isASCII(body) {
			name = "utf-8"
		}
		// Pure ASCII decodes identically under any ASCII-compatible
		// label, so the declared name is reported as the one used.
		return finish(body, true), name, nil
	case mostlyUTF8(body, enc == nil || name == "utf-8"):
		// One stray byte in a UTF-8 document must not turn every other
		// character into mojibake: it becomes U+FFFD (in finish).
		return finish(body, false), "utf-8", nil
	case enc == nil || name == "utf-8":
		enc, name = sniff(body)
	}
	if enc == nil {
		return finish(body, false), name, nil
	}
	if name == "windows-1252" && looksGB(body[:min(len(body), sniffScan)]) {
		// Latin by label or by default, GB2312 pairs by content: a
		// server default charset over an undeclared Chinese page.
		enc, name = lookup("gb18030")
	}
	if out, err = decodeWith(enc, body); err != nil {
		return nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	return finish(out, false), name, nil
}

// lookup maps a label to its encoding and canonical WHATWG name, with
// every GB label promoted to GB18030, the superset real feeds need.
func lookup(label string) (encoding.Encoding, string) {
	if label == "" {
		return nil, ""
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(e)
	if err != nil {
		return nil, ""
	}
	switch name {
	case "gbk", "gb18030":
		return simplifiedchinese.GB18030, "gb18030"
	case "utf-8":
		return nil, "utf-8"
	}
	return e, name
}

// bomEncoding returns the encoding a byte-order mark announces and the
// BOM's length; for UTF-8 it returns a nil encoding and name "utf-8".
func bomEncoding(b []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return nil, "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le", 4
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be", 4
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	}
	return nil, "", 0
}

// utf16WithoutBOM recognises UTF-16 text that starts with an ASCII
// character (typically '<' or whitespace) by where its NUL bytes sit.
func utf16WithoutBOM(b []byte) (encoding.Encoding, string) {
	if len(b) < 4 {
		return nil, ""
	}
	switch {
	case b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	case b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	}
	return nil, ""
}

func isUTF16(name string) bool { return name == "utf-16le" || name == "utf-16be" }

func decodeWith(e encoding.Encoding, b []byte) ([]byte, error) {
	return e.NewDecoder().Bytes(b)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
