package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/feedsvc/feedsvc/feedsvc"
	"golang.org/x/net/html"
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
	hits   []hit
}

// run cleans root in place and returns the body's pictures. Images are
// read after furniture is dropped but before metadata lines go, so
// credit-only captions are still next to their pictures.
func (c *cleaner) run(root *html.Node, base *url.URL) []feedsvc.Image {
	for _, l := range textLines(root) {
		if hits, ok := parseLine(l.text); ok {
			c.hits = append(c.hits, hits...)
		}
	}
	c.dropChrome(root)
	imgs := c.images(root, base)
	c.dropLines(root)
	c.dropInline(root)
	dropEmpty(root)
	fixTables(root)
	return imgs
}

// dropChrome removes chrome tags, furniture classes (judged on the page
// original, since readability strips classes), repeated headlines and
// header/footer blocks that carry little text.
func (c *cleaner) dropChrome(root *html.Node) {
	total := runeLen(clean(textOf(root)))
	for _, n := range elements(root) {
		if n == root || n.Parent == nil {
			continue
		}
		o := c.p.origin(n)
		if o == nil {
			o = n
		}
		t := clean(textOf(n))
		switch {
		case chromeTags[n.Data] || chromeTags[o.Data]:
		case junkClass.MatchString(attr(o, "class")) || junkClass.MatchString(attr(o, "id")):
			if runeLen(t) > total/2 {
				continue
			}
		case c.titles[t] && t != "" && !hasImage(n):
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
	for _, n := range elements(root) {
		if n.Parent == nil || hasBlockChild(n) || hasImage(n) {
			continue
		}
		if !blockTags[n.Data] {
			c.dropBrLines(n)
			continue
		}
		if c.titles[clean(textOf(n))] {
			n.Parent.RemoveChild(n)
			continue
		}
		if hits, ok := parseLine(textOf(n)); ok {
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
			b.WriteString(textOf(g))
		}
		if hits, ok := parseLine(b.String()); ok && len(group) > 0 {
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

// inlineMeta is a bracketed label inside running text: "（来源：新华社）",
// "【责任编辑：X】", "(Editor: X)".
var inlineMeta = labelRE(`(?i)[（(【\[]\s*((?:原标题|本文来源|文章来源|来源|稿源|责任编辑|责编|编辑|source|editor in charge|editor|edited by)\s*[:：][^（）()【】\[\]]{1,60})[)）】\]]`)

// dropInline removes bracketed source/editor labels from text nodes.
func (c *cleaner) dropInline(root *html.Node) {
	for _, n := range textNodes(root) {
		n.Data = inlineMeta.ReplaceAllStringFunc(n.Data, func(m string) string {
			sub := inlineMeta.FindStringSubmatch(m)
			hits, ok := parseLine(sub[1])
			if !ok {
				return m
			}
			c.hits = append(c.hits, hits...)
			return ""
		})
	}
}

// dropEmpty removes elements left without text or images.
func dropEmpty(root *html.Node) {
	for _, n := range elements(root) {
		if n == root || n.Parent == nil || n.Data == "br" || n.Data == "img" || n.Data == "hr" {
			continue
		}
		if t := clean(textOf(n)); (t == "" || isCode(t) && n.Data == "p") && !hasImage(n) {
			n.Parent.RemoveChild(n)
		}
	}
}

// isCode reports a short paragraph without a letter: a CMS code or stamp
// ("1130305", "——", "(0305)") that no reader wants in the body.
func isCode(t string) bool {
	if runeLen(t) > 16 {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// fixTables renames table parts readability lifted out of their table.
func fixTables(root *html.Node) {
	for _, n := range elements(root) {
		switch n.Data {
		case "td", "th", "tr", "tbody", "thead", "tfoot":
			if !hasAncestor(n, "table") {
				n.Data, n.DataAtom = "div", 0
			}
		}
	}
}
