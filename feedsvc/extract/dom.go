package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// elements lists n and its element descendants in document order; the
// list is taken before callers mutate the tree.
func elements(n *html.Node) []*html.Node {
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

// textNodes lists the text nodes under n.
func textNodes(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			out = append(out, n)
		}
		if n.Type == html.ElementNode && skipTags[n.Data] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// textOf is the raw text under n (scripts and styles excluded).
func textOf(n *html.Node) string {
	var b strings.Builder
	for _, t := range textNodes(n) {
		b.WriteString(t.Data)
	}
	return b.String()
}

// attr returns n's attribute key, "" when absent.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasImage(n *html.Node) bool {
	for _, e := range elements(n) {
		if e.Data == "img" || e.Data == "picture" {
			return true
		}
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.Data] {
			return true
		}
	}
	return false
}

func hasAncestor(n *html.Node, tag string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == tag {
			return true
		}
	}
	return false
}
