package parse

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"io"
	"strings"
)

// itemBase is the xml:base in scope for one item and for its content,
// the item's xml:lang and its rdf:about.
type itemBase struct {
	item    string
	content string // set only when the content element has its own xml:base
	lang    string // xml:lang in scope for the item, "" when none
	about   string // RSS 1.0 item URI (rdf:about), "" when none
}

// scope is what an open element inherits: its xml:base and xml:lang.
type scope struct{ base, lang string }

// scanXMLBase walks the document once to find the xml:base in scope for
// the feed and for each item or entry, in document order, and each item's
// xml:lang and rdf:about. gofeed applies xml:base to links but does not
// report it, and content HTML needs it as its base; it ignores rdf:about,
// an RSS 1.0 item's identity. Documents with none of these attributes
// are not scanned.
func scanXMLBase(body []byte, docURL string) (feedBase string, items []itemBase) {
	if !mayHaveXMLBase(body) {
		return "", nil
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	// The document URL is only the fallback for a relative xml:base; an
	// item with no xml:base in scope reports "" so its own URL wins.
	stack := []scope{{}}
	itemDepth := 0 // depth of the open item, 0 when outside items
	for {
		tok, err := d.RawToken()
		if err != nil {
			return feedBase, items
		}
		switch t := tok.(type) {
		case xml.StartElement:
			sc := stack[len(stack)-1]
			own := xmlAttr(t, "base")
			if own != "" {
				if r := absHTTP(own, cmp.Or(sc.base, docURL)); r != "" {
					sc.base = r
				}
			}
			if lang := xmlAttr(t, "lang"); lang != "" {
				sc.lang = lang
			}
			stack = append(stack, sc)
			base := sc.base
			name := strings.ToLower(t.Name.Local)
			switch {
			case itemDepth == 0 && (name == "item" || name == "entry"):
				itemDepth = len(stack)
				items = append(items, itemBase{item: base, lang: sc.lang, about: rdfAbout(t)})
			case itemDepth == 0 && own != "" && isContainer(name):
				feedBase = base
			case itemDepth > 0 && own != "" && isContent(name) && items[len(items)-1].content == "":
				items[len(items)-1].content = base
			}
		case xml.EndElement:
			if len(stack) > 1 {
				if len(stack) == itemDepth {
					itemDepth = 0
				}
				stack = stack[:len(stack)-1]
			}
		}
	}
}

// mayHaveXMLBase reports whether body holds "xml:base", "xml:lang" or
// ":about", in one pass over its colons.
func mayHaveXMLBase(body []byte) bool {
	for i := 0; ; i++ {
		j := bytes.IndexByte(body[i:], ':')
		if j < 0 {
			return false
		}
		i += j
		rest := body[i+1:]
		if bytes.HasPrefix(rest, []byte("about")) ||
			i >= 3 && string(body[i-3:i]) == "xml" && (bytes.HasPrefix(rest, []byte("base")) || bytes.HasPrefix(rest, []byte("lang"))) {
			return true
		}
	}
}

// xmlAttr returns the value of the xml:NAME attribute of t.
func xmlAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Space == "xml" && a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// rdfAbout returns the rdf:about attribute of t (any prefix), trimmed.
func rdfAbout(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Local == "about" && a.Name.Space != "" && a.Name.Space != "xmlns" {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

func isContainer(name string) bool {
	return name == "rss" || name == "rdf" || name == "feed" || name == "channel"
}

func isContent(name string) bool {
	return name == "content" || name == "encoded" || name == "description" || name == "summary"
}
