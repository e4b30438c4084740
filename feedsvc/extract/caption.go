package extract

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// caption finds the visible caption of img: a figcaption, the next table
// row or cell, the next short block marked as a caption, or the caption
// text sharing the image's paragraph.
func (c *cleaner) caption(img, root *html.Node) string {
	if cp, ok := figureCaption(img, root); ok {
		return cp
	}
	holder := imageHolder(img, root)
	if par := holder.Parent; par != nil && par != root && ownText(par) != "" {
		if t := tidy(labels.TextOf(par)); runeLen(t) <= 150 && c.looksCaption(par, t, false) {
			return t
		}
	}
	next := elementSibling(holder, true)
	if next == nil {
		return ""
	}
	t := tidy(labels.TextOf(next))
	inTable := holder.Data == "tr" || holder.Data == "td"
	if t == "" || runeLen(t) > 150 || labels.HasImage(next) || !c.looksCaption(next, t, inTable) {
		return ""
	}
	return t
}

// imageHolder climbs from img through wrappers that hold nothing else.
func imageHolder(img, root *html.Node) *html.Node {
	h := img
	for p := img.Parent; p != nil && p != root; p = p.Parent {
		if ownText(p) != "" || elementChildren(p) != 1 {
			break
		}
		h = p
	}
	return h
}

// looksCaption judges a short block next to an image: a caption class or
// centred style on the page original, a caption opening (图为, Photo),
// a photo credit, or any short text in the next row of an image table.
func (c *cleaner) looksCaption(n *html.Node, text string, inTable bool) bool {
	o := c.p.origin(n)
	if o == nil {
		o = n
	}
	switch {
	case captionClass.MatchString(attr(o, "class")):
		return true
	case captionStart.MatchString(text):
		return true
	case len(labels.Credits(text)) > 0 || strings.HasSuffix(text, "供图") || strings.HasSuffix(text, "供圖"):
		return true
	case inTable && runeLen(text) <= 100:
		return true
	case (centered.MatchString(attr(o, "style")) || attr(o, "align") == "center" || o.Data == "center") && runeLen(text) <= 80:
		return true
	}
	return false
}

// classedCaption reads, on the page original, the caption-classed element
// that follows img or one of its first three wrappers, passing over
// credit lines and empty elements but not over another picture: the
// caption box a CMS sets after the picture (<div class="caption">,
// <span class="pb-caption">). The box's credit and hide/toggle controls
// are no part of the caption.
func classedCaption(img *html.Node) string {
	h := img
	for d := 0; d < 3 && h.Parent != nil; d, h = d+1, h.Parent {
		for s, k := elementSibling(h, true), 0; s != nil && k < 3; s, k = elementSibling(s, true), k+1 {
			if labels.HasImage(s) {
				return ""
			}
			if captionClass.MatchString(attr(s, "class")) {
				if t := tidy(textWithout(s, captionControl)); runeLen(t) <= 300 && (len(strings.Fields(t)) >= 2 || strings.ContainsFunc(t, isHan)) {
					return t // a single Latin word there is a credit ("iStockphoto"), no caption
				}
			}
		}
	}
	return ""
}

// captionControl classes a caption box's credit and its hide/toggle
// controls.
var captionControl = regexp.MustCompile(`(?i)credit|hide|toggle`)

// textWithout is the text of n without the descendants whose class skip
// matches.
func textWithout(n *html.Node, skip *regexp.Regexp) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && c.Data != "script" && c.Data != "style" && !skip.MatchString(attr(c, "class")):
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// pageCaption reads the caption of a body picture on the page original
// when the body copy lost it (readability drops hidden figcaptions and
// classed blocks): the figure's figcaption, else the caption box after
// the picture. o is the picture's page element, or n itself when the
// copy has none (an <img> readability made from a <noscript>): then the
// page's <img> serving the same URL stands for it.
func pageCaption(p *page, o, n *html.Node, u string, base *url.URL) string {
	if o == n {
		o = nil
		for _, e := range p.nodes {
			if e.Data == "img" && imageURL(e, base) == u {
				o = e
				break
			}
		}
		if o == nil {
			return ""
		}
	}
	if cp, ok := figureCaption(o, nil); ok {
		return cp
	}
	return classedCaption(o)
}

// figureCaption reads the figcaption of the <figure> holding img within
// four levels below root; ok tells that there is one.
func figureCaption(img, root *html.Node) (string, bool) {
	for p, d := img.Parent, 0; p != nil && p != root && d < 4; p, d = p.Parent, d+1 {
		if p.Data == "figure" {
			for _, e := range labels.Elements(p) {
				if e.Data == "figcaption" {
					return tidy(labels.TextOf(e)), true
				}
			}
		}
	}
	return "", false
}
