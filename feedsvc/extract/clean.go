package extract

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// junkClass marks page furniture by class or id: share bars, related
// links, tags, editor lines, footers, media matrices, QR codes.
var junkClass = regexp.MustCompile(`(?i)(^|[-_\s])(share|sharing|social|related|recommend|relevant|xgxw|tags?|keywords?|editor|bianji|zrbj|copyright|footer|matrix|qrcode|erweima|comments?|advert|ads?|print|fontsize|font-size|toolbar|pager|pagination|page-nav|crumbs?|breadcrumbs?|promo|app-promo|hot|rank|subscribe|subscription|paywall|regwall|newsletter|follow)([-_\s]|$)`)

// chromeTags never belong in an article body.
var chromeTags = map[string]bool{"script": true, "style": true, "noscript": true, "iframe": true,
	"form": true, "button": true, "input": true, "select": true, "textarea": true, "nav": true,
	"aside": true, "template": true, "object": true, "embed": true, "link": true, "meta": true, "svg": true}

// cleaner removes everything from a body copy that is not article text
// and collects the metadata lines it removes.
type cleaner struct {
	p      *page
	titles map[string]bool // headline texts that must not repeat in the body
	hits   []labels.Hit
}

// run cleans root in place and returns the body's pictures. Images are
// read after furniture is dropped but before metadata lines go, so
// credit-only captions are still next to their pictures.
func (c *cleaner) run(root *html.Node, base *url.URL) []feedsvc.Image {
	for _, l := range textLines(root) {
		if hits, ok := labels.Line(l.text); ok {
			c.hits = append(c.hits, hits...)
		}
	}
	c.dropChrome(root)
	imgs := c.images(root, base)
	c.dropLines(root)
	c.hits = append(c.hits, labels.DropInline(root)...)
	labels.DropEmpty(root)
	fixTables(root)
	return imgs
}

// dropChrome removes chrome tags, furniture classes (judged on the page
// original, since readability strips classes), repeated headlines and
// header/footer blocks that carry little text.
func (c *cleaner) dropChrome(root *html.Node) {
	total := runeLen(labels.Clean(labels.TextOf(root)))
	for _, n := range labels.Elements(root) {
		if n == root || n.Parent == nil {
			continue
		}
		o := c.p.origin(n)
		if o == nil {
			o = n
		}
		t := labels.Clean(labels.TextOf(n))
		switch {
		case chromeTags[n.Data] || chromeTags[o.Data]:
		case junkClass.MatchString(attr(o, "class")) || junkClass.MatchString(attr(o, "id")):
			if runeLen(t) > total/2 {
				continue
			}
		case c.titles[t] && t != "" && !labels.HasImage(n):
		case (o.Data == "header" || o.Data == "footer") && runeLen(t) < total/3:
		default:
			continue
		}
		n.Parent.RemoveChild(n)
	}
}

// dropLines removes block lines (and <br>-separated lines) that are all
// metadata, keeping what they say.
func (c *cleaner) dropLines(root *html.Node) {
	for _, n := range labels.Elements(root) {
		if n.Parent == nil || labels.HasBlockChild(n) || labels.HasImage(n) {
			continue
		}
		if !labels.BlockTags[n.Data] {
			c.dropBrLines(n)
			continue
		}
		if c.titles[labels.Clean(labels.TextOf(n))] {
			n.Parent.RemoveChild(n)
			continue
		}
		if hits, ok := labels.Line(labels.TextOf(n)); ok {
			c.hits = append(c.hits, hits...)
			n.Parent.RemoveChild(n)
			continue
		}
		c.dropBrLines(n)
	}
}

// dropBrLines handles legacy blocks that separate lines with <br>.
func (c *cleaner) dropBrLines(n *html.Node) {
	var group []*html.Node
	var lastBr *html.Node
	check := func() {
		var b strings.Builder
		for _, g := range group {
			b.WriteString(labels.TextOf(g))
		}
		if hits, ok := labels.Line(b.String()); ok && len(group) > 0 {
			c.hits = append(c.hits, hits...)
			for _, g := range group {
				n.RemoveChild(g)
			}
			if lastBr != nil && lastBr.Parent == n {
				n.RemoveChild(lastBr) // the break that introduced the removed line
			}
		}
		group = group[:0]
	}
	hasBr := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		hasBr = hasBr || (ch.Type == html.ElementNode && ch.Data == "br")
	}
	if !hasBr {
		return
	}
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if ch.Type == html.ElementNode && ch.Data == "br" {
			check()
			lastBr = ch
		} else {
			group = append(group, ch)
		}
		ch = next
	}
	check()
}

// fixTables renames table parts readability lifted out of their table.
func fixTables(root *html.Node) {
	for _, n := range labels.Elements(root) {
		switch n.Data {
		case "td", "th", "tr", "tbody", "thead", "tfoot":
			if !hasAncestor(n, "table") {
				n.Data, n.DataAtom = "div", 0
			}
		}
	}
}
