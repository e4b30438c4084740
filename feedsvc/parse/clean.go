package parse

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
)

var (
	// rootRE finds the start tag of a feed root element.
	rootRE = regexp.MustCompile(`<(?:rss|(?:[A-Za-z_][\w.-]*:)?RDF|feed)[\s>]`)
	// bareAmpRE finds '&' that does not start a character reference.
	bareAmpRE = regexp.MustCompile(`&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?`)
)

// repair returns a copy of a feed that gofeed rejected with the common
// breakage undone: anything before the feed root (comments ahead of the
// XML declaration, an XHTML page wrapping an Atom feed) and after its end
// tag is cut, bare '&' are escaped, and elements left open by a
// truncated download are closed.
func repair(body []byte) []byte {
	out := extractRoot(body)
	out = dropBadCharRefs(out)
	out = escapeBareAmps(out)
	return closeOpen(out)
}

// charRefRE matches a numeric character reference.
var charRefRE = regexp.MustCompile(`&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));`)

// dropBadCharRefs removes references to characters XML 1.0 forbids
// (&#1;, &#xB;, &#xFFFE;, surrogates…): one of them makes the whole
// document unparsable, and they stand for nothing readable.
func dropBadCharRefs(b []byte) []byte {
	return charRefRE.ReplaceAllFunc(b, func(m []byte) []byte {
		sub := charRefRE.FindSubmatch(m)
		var n uint64
		var err error
		if len(sub[1]) > 0 {
			n, err = strconv.ParseUint(string(sub[1]), 16, 32)
		} else {
			n, err = strconv.ParseUint(string(sub[2]), 10, 32)
		}
		if err != nil || !xmlChar(rune(n)) {
			return nil
		}
		return m
	})
}

// xmlChar reports whether r is allowed in XML 1.0 documents.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// extractRoot cuts the document down to the first feed root element and
// its last matching end tag, with an XML declaration in front.
func extractRoot(body []byte) []byte {
	loc := rootRE.FindIndex(body)
	if loc == nil {
		return body
	}
	name := body[loc[0]+1 : loc[1]-1]
	out := body[loc[0]:]
	if end := bytes.LastIndex(out, append(append([]byte("</"), name...), '>')); end >= 0 {
		out = out[:end+len(name)+3]
	}
	return append([]byte("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"), out...)
}

// escapeBareAmps turns '&' that starts no complete character reference
// into "&amp;"; CDATA sections are left as they are.
func escapeBareAmps(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		i := bytes.Index(b, []byte("<![CDATA["))
		text := b
		if i >= 0 {
			text = b[:i]
		}
		out.Write(bareAmpRE.ReplaceAllFunc(text, func(m []byte) []byte {
			if len(m) == 1 {
				return []byte("&amp;")
			}
			return m
		}))
		if i < 0 {
			break
		}
		b = b[i:]
		j := bytes.Index(b, []byte("]]>"))
		if j < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:j+3])
		b = b[j+3:]
	}
	return out.Bytes()
}

// closeOpen appends end tags for elements still open where the document
// stops, cutting off a half-written tag first.
func closeOpen(b []byte) []byte {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var open []xml.Name
	good := int64(0)
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
		case xml.EndElement:
			if n := len(open); n > 0 {
				open = open[:n-1]
			}
		}
		good = d.InputOffset()
	}
	if len(open) == 0 {
		return b
	}
	out := append([]byte(nil), b[:good]...)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"...)
		if open[i].Space != "" {
			out = append(append(out, open[i].Space...), ':')
		}
		out = append(append(out, open[i].Local...), '>')
	}
	return out
}
