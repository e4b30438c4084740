package labels

import (
	"strings"

	"golang.org/x/net/html"
)

// BlockTags start a new line of text.
var BlockTags = map[string]bool{
	"p": true, "div": true, "td": true, "th": true, "tr": true, "table": true, "tbody": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dd": true, "dt": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "section": true, "article": true, "header": true, "footer": true,
	"aside": true, "nav": true, "main": true, "figure": true, "figcaption": true, "center": true,
	"form": true, "pre": true, "address": true, "body": true, "html": true,
}

// SkipTags hold no readable text.
var SkipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true,
	"select": true, "option": true, "textarea": true, "head": true, "title": true, "svg": true, "iframe": true}

// Elements lists n and its element descendants in document order; the
// list is taken before callers mutate the tree.
func Elements(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// textNodes lists the text nodes under n outside SkipTags.
func textNodes(n *html.Node) []*html.Node {
	var out []*html.Node
	eachText(n, func(t *html.Node) { out = append(out, t) })
	return out
}

// eachText calls f on the text nodes under n outside SkipTags, in
// document order. f may change a node's Data but not the tree.
func eachText(n *html.Node, f func(*html.Node)) {
	if n.Type == html.TextNode {
		f(n)
	}
	if n.Type == html.ElementNode && SkipTags[n.Data] {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		eachText(c, f)
	}
}

// TextOf is the raw text under n (scripts and styles excluded). Text
// held in one node is returned as it is, without a copy.
func TextOf(n *html.Node) string {
	var t textJoin
	t.add(n)
	if t.n == 1 {
		return t.first
	}
	return t.b.String()
}

// textJoin joins text nodes; the first is kept aside until a second
// one needs the builder.
type textJoin struct {
	first string
	n     int
	b     strings.Builder
}

func (t *textJoin) add(n *html.Node) {
	if n.Type == html.TextNode {
		switch t.n {
		case 0:
			t.first = n.Data
		case 1:
			t.b.WriteString(t.first)
			fallthrough
		default:
			t.b.WriteString(n.Data)
		}
		t.n++
	}
	if n.Type == html.ElementNode && SkipTags[n.Data] {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.add(c)
	}
}

// HasImage reports an <img> or <picture> at or under n.
func HasImage(n *html.Node) bool {
	if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "picture") {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if HasImage(c) {
			return true
		}
	}
	return false
}

// hasText reports whether TextOf(n) holds more than white space.
func hasText(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) != ""
	}
	if n.Type == html.ElementNode && SkipTags[n.Data] {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

// HasBlockChild reports a child element in BlockTags.
func HasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && BlockTags[c.Data] {
			return true
		}
	}
	return false
}
