package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags start a new line of text.
var blockTags = map[string]bool{
	"p": true, "div": true, "td": true, "th": true, "tr": true, "table": true, "tbody": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dd": true, "dt": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "section": true, "article": true, "header": true, "footer": true,
	"aside": true, "nav": true, "main": true, "figure": true, "figcaption": true, "center": true,
	"form": true, "pre": true, "address": true, "body": true, "html": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true,
	"select": true, "option": true, "textarea": true, "head": true, "title": true, "svg": true, "iframe": true}

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
		if owner != nil && clean(b.String()) != "" {
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
		case n.Type == html.ElementNode && skipTags[n.Data]:
			return
		case n.Type == html.ElementNode && n.Data == "br":
			flush()
			return
		case n.Type == html.ElementNode && blockTags[n.Data]:
			flush()
			block, owner = n, n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, block)
		}
		if n.Type == html.ElementNode && blockTags[n.Data] {
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
var crumbPlaceholder = labelRE(`(?i)^(正文|内容|详情|文章|内容页|详细内容|正文内容|text|article|content|details?|body|story)$`)
