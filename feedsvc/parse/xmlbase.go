package parse

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// itemBase is the xml:base in scope for one item and for its content.
type itemBase struct {
	item    string
	content string // set only when the content element has its own xml:base
}

// scanXMLBase walks the document once to find the xml:base in scope for
// the feed and for each item or entry, in document order. gofeed applies
// xml:base to links but does not report it, and content HTML needs it as
// its base. Documents without xml:base are not scanned.
func scanXMLBase(body []byte, docURL string) (feedBase string, items []itemBase) {
	if !bytes.Contains(body, []byte("xml:base")) {
		return "", nil
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	stack := []string{docURL}
	itemDepth := 0 // depth of the open item, 0 when outside items
	for {
		tok, err := d.RawToken()
		if err != nil {
			return feedBase, items
		}
		switch t := tok.(type) {
		case xml.StartElement:
			base := stack[len(stack)-1]
			own := xmlBaseAttr(t)
			if own != "" {
				if r := absHTTP(own, base); r != "" {
					base = r
				}
			}
			stack = append(stack, base)
			name := strings.ToLower(t.Name.Local)
			switch {
			case itemDepth == 0 && (name == "item" || name == "entry"):
				itemDepth = len(stack)
				items = append(items, itemBase{item: base})
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

func xmlBaseAttr(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Space == "xml" && a.Name.Local == "base" {
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
