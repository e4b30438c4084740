package extract

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// caption finds the visible caption of img: a figcaption, the next table
// row or cell, the next short block marked as a caption, or the caption
// text sharing the image's paragraph.
func (c *cleaner) caption(img, root *html.Node) string {
	for p, d := img.Parent, 0; p != nil && p != root && d < 4; p, d = p.Parent, d+1 {
		if p.Data == "figure" {
			for _, e := range labels.Elements(p) {
				if e.Data == "figcaption" {
					return tidy(labels.TextOf(e))
				}
			}
		}
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
