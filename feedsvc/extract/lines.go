package extract

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// line is the text of one block element, excluding nested blocks, with
// its raw whitespace (which separates metadata segments).
type line struct {
	el   *html.Node
	idx  int
	text string
}

// textLines lists the lines under n in document order; <br> ends a line.
func textLines(n *html.Node) []line {
	var out []line
	var b strings.Builder
	var owner *html.Node
	flush := func() {
		if owner != nil && labels.Clean(b.String()) != "" {
			out = append(out, line{el: owner, idx: index(owner), text: b.String()})
		}
		b.Reset()
	}
	var walk func(n, block *html.Node)
	walk = func(n, block *html.Node) {
		switch {
		case n.Type == html.TextNode:
			if owner != block {
				flush()
				owner = block
			}
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && labels.SkipTags[n.Data]:
			return
		case n.Type == html.ElementNode && n.Data == "br":
			flush()
			return
		case n.Type == html.ElementNode && labels.BlockTags[n.Data]:
			flush()
			block, owner = n, n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, block)
		}
		if n.Type == html.ElementNode && labels.BlockTags[n.Data] {
			flush()
			owner = nil
		}
	}
	walk(n, n)
	flush()
	return out
}

// isInside reports whether n is a or a descendant of a.
func isInside(n, a *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// headerLines are the lines between the headline and the body start (at
// most the last 15), where CMS pages print source, time and byline.
func headerLines(all []line, head *html.Node, first int) []line {
	var out []line
	headIdx := -1
	if head != nil {
		headIdx = index(head)
	}
	for _, l := range all {
		if l.idx <= headIdx || (head != nil && isInside(l.el, head)) || (first >= 0 && l.idx >= first) {
			continue
		}
		out = append(out, l)
	}
	if len(out) > 15 {
		out = out[len(out)-15:]
	}
	return out
}

// tailLines are the first lines after the body, where editor lines and
// end credits sit.
func tailLines(all []line, last int) []line {
	var out []line
	for _, l := range all {
		if last >= 0 && l.idx > last {
			out = append(out, l)
			if len(out) == 8 {
				break
			}
		}
	}
	return out
}

// crumbPlaceholder names the current page in a breadcrumb trail.
var crumbPlaceholder = labels.Regexp(`(?i)^(正文|内容|详情|文章|内容页|详细内容|正文内容|text|article|content|details?|body|story)$`)

// parseLines collects the hits of every line that is all metadata; on
// mixed lines only labelled segments count.
func parseLines(ls []line) []labels.Hit {
	var out []labels.Hit
	for _, l := range ls {
		hits, _ := labels.Line(l.text)
		out = append(out, hits...)
	}
	return out
}

// texts lists the lines' text.
func texts(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}
