package normalize

import (
	"bytes"
	"cmp"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// quickParse builds the tree html.ParseFragment builds for s in a <div>,
// for the markup most contents are: elements that nest as their tags say,
// with at most the implied ends of <p> and of the elements that close
// themselves. It reads the same tokenizer as html.ParseFragment, so that
// tokens, entities and attributes are the parser's own; only the tree
// construction is its own, and it covers only the cases where the HTML
// parsing algorithm does nothing but push and pop. Anything else (tables,
// forms, scripts, misnested or stray end tags, foreign content, …) and ok
// is false: the caller then runs html.ParseFragment, which has the last
// word. TestQuickParse and FuzzQuickParse hold it to giving the same tree
// whenever ok.
//
// It is cheaper than the parser: no Token per tag (attributes go into one
// shared array), nodes come from one slab, and no insertion modes.
func quickParse(s string, root *html.Node) (ok bool) {
	q := quick{z: html.NewTokenizerFragment(strings.NewReader(s), "div"), oe: []*html.Node{root}}
	// Contents have about 1.2 nodes per "<" (a start tag and the text
	// after it are two, an end tag mostly none); more take further slabs.
	lt := strings.Count(s, "<")
	q.nodes = make([]html.Node, 0, lt+lt/4+2)
	for {
		switch tt := q.z.Next(); tt {
		case html.ErrorToken:
			return q.z.Err() == io.EOF
		case html.TextToken:
			ok = q.text(q.z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			ok = q.start()
		case html.EndTagToken:
			ok = q.end()
		case html.CommentToken:
			if q.raw {
				return false
			}
			q.top().AppendChild(q.node(html.Node{Type: html.CommentNode, Data: string(q.z.Text())}))
			ok = true
		case html.DoctypeToken:
			ok = !q.raw // ignored in a body
		}
		if !ok {
			return false
		}
	}
}

// quick is the state of quickParse.
type quick struct {
	z     *html.Tokenizer
	oe    []*html.Node     // the stack of open elements; oe[0] is the root, standing for the parser's <html>
	raw   bool             // inside an <iframe>: its text, then its end tag
	nodes []html.Node      // the slab new nodes come from
	attrs []html.Attribute // the array tags' attributes are cut from
}

func (q *quick) top() *html.Node { return q.oe[len(q.oe)-1] }

// node returns a new node holding n, from the slab.
func (q *quick) node(n html.Node) *html.Node {
	if len(q.nodes) == cap(q.nodes) {
		q.nodes = make([]html.Node, 0, 32)
	}
	q.nodes = append(q.nodes, n)
	return &q.nodes[len(q.nodes)-1]
}

// text adds a text token as the parser's body mode does: NULs dropped, the
// first newline of a <pre> or <listing> dropped, appended to a text node
// that is the current node's last child.
func (q *quick) text(b []byte) bool {
	t := q.top()
	if q.raw {
		if bytes.IndexByte(b, 0) >= 0 {
			return false
		}
	} else {
		if (t.DataAtom == atom.Pre || t.DataAtom == atom.Listing) && t.FirstChild == nil {
			b = bytes.TrimPrefix(bytes.TrimPrefix(b, []byte{'\r'}), []byte{'\n'})
		}
		if bytes.IndexByte(b, 0) >= 0 {
			b = bytes.ReplaceAll(b, []byte{0}, nil)
		}
	}
	if len(b) == 0 {
		return true
	}
	if last := t.LastChild; last != nil && last.Type == html.TextNode {
		last.Data += string(b)
		return true
	}
	t.AppendChild(q.node(html.Node{Type: html.TextNode, Data: string(b)}))
	return true
}

// start handles a start tag (a self-closing one is a start tag to the
// parser), or answers false.
func (q *quick) start() bool {
	if q.raw {
		return false
	}
	name := q.tagName(1)
	a := atom.Lookup(name)
	switch {
	case a == atom.Li:
		// The parser closes an open <li> first; fine when the list is
		// the nearest such element, the usual case.
		if !q.listIsOpen() || !q.closeP() {
			return false
		}
	case blockStarts[a]:
		if !q.closeP() {
			return false
		}
	case isHeading(a):
		if !q.closeP() || isHeading(q.top().DataAtom) {
			return false
		}
	case a == atom.Hr:
		if q.openIndex(atom.P) >= 0 && q.top().DataAtom != atom.P || !q.closeP() {
			return false
		}
	case a == atom.A:
		if q.openIndex(atom.A) >= 0 {
			return false // the adoption agency's business
		}
	case a == 0, formatting[a], voidStarts[a], plainStarts[a], a == atom.Iframe:
	default:
		return false
	}
	if len(q.oe) >= 512 {
		return false // the parser fails there
	}
	n := q.node(html.Node{Type: html.ElementNode, DataAtom: a})
	if a != 0 {
		n.Data = a.String()
	} else {
		n.Data = string(name)
	}
	n.Attr = q.readAttrs()
	if formatting[a] {
		// The parser sorts a formatting element's attributes (for its
		// Noah's Ark clause).
		slices.SortFunc(n.Attr, func(x, y html.Attribute) int {
			return cmp.Or(cmp.Compare(x.Namespace, y.Namespace), cmp.Compare(x.Key, y.Key), cmp.Compare(x.Val, y.Val))
		})
	}
	q.top().AppendChild(n)
	if !voidStarts[a] {
		q.oe = append(q.oe, n)
	}
	q.raw = a == atom.Iframe
	return true
}

// readAttrs returns the tag's attributes as Token would, in a slice of
// their own cut from a shared array (appending to it reallocates rather
// than reach a neighbour's).
func (q *quick) readAttrs() []html.Attribute {
	start := len(q.attrs)
	for {
		k, v, more := q.z.TagAttr()
		if k == nil {
			break // no attribute (a read key is never empty)
		}
		if len(q.attrs) == cap(q.attrs) {
			// A new array, the tag's attributes so far moved to it.
			n := q.attrs[start:]
			q.attrs = append(make([]html.Attribute, 0, max(32, 2*len(n))), n...)
			start = 0
		}
		q.attrs = append(q.attrs, html.Attribute{Key: atom.String(k), Val: string(v)})
		if !more {
			break
		}
	}
	if len(q.attrs) == start {
		return nil
	}
	return q.attrs[start:len(q.attrs):len(q.attrs)]
}

// tagName is the tokenizer's TagName, without its copy when the name in
// the raw tag (from offset off, past "<" or "</", to the first space, "/"
// or ">", as the tokenizer reads it) is already what TagName would give:
// no upper-case ASCII letter to lower, no NUL to replace.
func (q *quick) tagName(off int) []byte {
	raw := q.z.Raw()
	for j := off; j < len(raw); j++ {
		switch c := raw[j]; {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>':
			return raw[off:j]
		case c == 0 || 'A' <= c && c <= 'Z':
			name, _ := q.z.TagName()
			return name
		}
	}
	name, _ := q.z.TagName()
	return name
}

// end handles an end tag when the element it closes is the current node,
// after the elements whose end tags the parser implies; else false.
func (q *quick) end() bool {
	if q.raw {
		q.raw = false
		q.oe = q.oe[:len(q.oe)-1] // the tokenizer ends raw text only at its own end tag
		return true
	}
	name := q.tagName(2)
	a := atom.Lookup(name)
	if !endsPlainly(a) {
		return false
	}
	if a != atom.P && !q.isOpen(a, name) {
		// The parser ignores it (a stray </img>, say): it closes
		// nothing. (A stray </p> opens an empty <p>.)
		return true
	}
	i := len(q.oe) - 1
	if blockEnds[a] || a == atom.Li {
		// generateImpliedEndTags, then pop to the element.
		for i > 0 && impliedEnds[q.oe[i].DataAtom] && q.oe[i].DataAtom != a {
			i--
		}
	}
	n := q.oe[i]
	if i == 0 || n.DataAtom != a || a == 0 && n.Data != string(name) {
		return false
	}
	q.oe = q.oe[:i]
	return true
}

// endsPlainly reports the end tags the parser handles by popping the
// current node when it is that element.
func endsPlainly(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Body, atom.Html, atom.Form, atom.Template, atom.Applet, atom.Marquee, atom.Object,
		atom.Dd, atom.Dt, atom.Nobr:
		return false
	}
	return true
}

// closeP is the parser's "close a p element in button scope": it pops an
// open <p> and what is above it, unless a formatting element would be
// popped (which the parser would reopen later: not plain).
func (q *quick) closeP() bool {
	i := q.openIndex(atom.P)
	if i < 0 {
		return true
	}
	for _, n := range q.oe[i:] {
		if formatting[n.DataAtom] {
			return false
		}
	}
	q.oe = q.oe[:i]
	return true
}

// listIsOpen reports whether, under the current node, a <ul> or <ol> comes
// before any <li> or other element the parser's <li> rule may stop at,
// passing only <address>, <div> and <p>.
func (q *quick) listIsOpen() bool {
	for i := len(q.oe) - 1; i > 0; i-- {
		switch q.oe[i].DataAtom {
		case atom.Ul, atom.Ol:
			return true
		case atom.Address, atom.Div, atom.P:
		default:
			return false
		}
	}
	return false
}

// openIndex is the index of the highest open element a, -1 when none.
// The stack holds none of the elements that bound the parser's scopes
// (tables, buttons, …), so an open element is in scope.
func (q *quick) openIndex(a atom.Atom) int {
	for i := len(q.oe) - 1; i > 0; i-- {
		if q.oe[i].DataAtom == a {
			return i
		}
	}
	return -1
}

// isOpen reports whether an element the end tag a (named name) may close
// is open: the element itself, or for a heading any heading.
func (q *quick) isOpen(a atom.Atom, name []byte) bool {
	for _, n := range q.oe[1:] {
		if n.DataAtom == a && (a != 0 || n.Data == string(name)) || isHeading(a) && isHeading(n.DataAtom) {
			return true
		}
	}
	return false
}
