package normalize

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"golang.org/x/net/html/atom"
)

// droppedElems are removed with their content before the allow-list runs,
// so none of their text leaks into the body.
var droppedElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Object: true, atom.Embed: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Base: true, atom.Head: true, atom.Title: true, atom.Frame: true, atom.Frameset: true,
}

// prepare rewrites the children of n in place (see sanitize), dropping
// comments and elements that preparer.elem rejects.
func prepare(n *html.Node, base *url.URL) { preparer{base: base}.children(n) }

// preparer is prepare with its settings: the base URL, and (for tests
// only) whether to keep the attributes dropRejected would drop.
type preparer struct {
	base         *url.URL
	keepRejected bool
}

func (p preparer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && !p.elem(c):
			n.RemoveChild(c)
		default:
			p.children(c)
			switch {
			case c.Type != html.ElementNode:
			case dropWhenEmpty[c.DataAtom] && isEmpty(c):
				n.RemoveChild(c)
			case c.DataAtom == atom.Font || c.DataAtom == atom.A && len(c.Attr) == 0:
				unwrap(c)
			}
		}
		c = next
	}
}

// unwrap replaces n with its children. The allow-list drops these tags
// and keeps their content (<font>, an <a> left without attributes); doing
// it here keeps the prepared tree what bluemonday outputs.
func unwrap(n *html.Node) {
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
	}
	n.Parent.RemoveChild(n)
}

// dropWhenEmpty are wrappers that mean nothing once their content is gone
// (a <p> that held only a tracking pixel, an <a> around a removed image).
var dropWhenEmpty = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Span: true, atom.Section: true, atom.Figure: true,
	atom.A: true, atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true, atom.Font: true,
	atom.Center: true, atom.Figcaption: true,
}

// isEmpty reports whether n has no text and no embedded content.
func isEmpty(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if hasText(c.Data) {
				return false
			}
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Img, atom.Iframe, atom.Video, atom.Audio, atom.Picture, atom.Hr, atom.Table, atom.Svg:
				return false
			}
			if !isEmpty(c) {
				return false
			}
		}
	}
	return true
}

// elem fixes one element's attributes; false means drop it.
func (p preparer) elem(n *html.Node) bool {
	base := p.base
	if droppedElems[n.DataAtom] || n.Type == html.ElementNode && n.DataAtom == 0 && strings.Contains(n.Data, ":") {
		return false
	}
	switch n.DataAtom {
	case atom.Img:
		if !prepareImg(n, base) {
			return false
		}
	case atom.A:
		href := feedsvc.ResolveURL(base, attr(n, "href"))
		n.Attr = dropAttrs(n.Attr, "href", "rel", "target")
		if href != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "href", Val: href},
				html.Attribute{Key: "rel", Val: "noopener noreferrer"})
		}
	case atom.Iframe:
		src := feedsvc.ResolveURL(httpsBase(base), firstAttr(n, "data-src", "src"))
		if src == "" || !allowedIframe(src) {
			return false
		}
		if rest, ok := strings.CutPrefix(src, "http://"); ok {
			src = "https://" + rest // the video hosts all serve https
		}
		setAttr(n, "src", src)
		setAttr(n, "allowfullscreen", "")
	case atom.Video, atom.Audio, atom.Source, atom.Track:
		resolveAttr(n, base, "src")
		resolveAttr(n, base, "poster")
		if ss := resolveSrcset(base, attr(n, "srcset")); ss != "" || attr(n, "srcset") != "" {
			n.Attr = dropAttrs(n.Attr, "srcset")
			if ss != "" {
				n.Attr = append(n.Attr, html.Attribute{Key: "srcset", Val: ss})
			}
		}
		if n.DataAtom != atom.Source && n.DataAtom != atom.Track {
			setAttr(n, "referrerpolicy", "no-referrer")
		}
	case atom.Blockquote, atom.Q, atom.Del, atom.Ins:
		resolveAttr(n, base, "cite")
	}
	n.Attr = dropPresentation(n.Attr)
	if !p.keepRejected {
		n.Attr = dropRejected(n, n.Attr)
	}
	return true
}

// dropPresentation drops the attributes the allow-list keeps on no
// element (class, style, data-*, aria-*, role, allow, on* handlers):
// bluemonday would drop them too, and without them its output is more
// often the prepared markup unchanged, which spares a second parse (see
// sanitizeTree). It filters in place.
func dropPresentation(attrs []html.Attribute) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		k := a.Key
		switch {
		case k == "class" || k == "style" || k == "role" || k == "allow",
			strings.HasPrefix(k, "data-"),
			strings.HasPrefix(k, "aria-"), strings.HasPrefix(k, "on"):
			continue
		}
		out = append(out, a)
	}
	return out
}

// httpsBase makes protocol-relative embeds resolve to https even when the
// page was http: the video hosts all serve https.
func httpsBase(base *url.URL) *url.URL {
	if base == nil {
		return &url.URL{Scheme: "https", Host: "invalid.invalid"}
	}
	b := *base
	b.Scheme = "https"
	return &b
}

// resolveAttr resolves attribute key against base, dropping it when it
// does not resolve.
func resolveAttr(n *html.Node, base *url.URL, key string) {
	v, ok := lookupAttr(n, key)
	if !ok {
		return
	}
	n.Attr = dropAttrs(n.Attr, key)
	if r := feedsvc.ResolveURL(base, v); r != "" {
		n.Attr = append(n.Attr, html.Attribute{Key: key, Val: r})
	}
}

func lookupAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := lookupAttr(n, key)
	return v
}

// firstAttr returns the first non-blank value among keys.
func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(attr(n, k)); v != "" {
			return v
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	n.Attr = append(dropAttrs(n.Attr, key), html.Attribute{Key: key, Val: val})
}

func dropAttrs(attrs []html.Attribute, keys ...string) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		drop := false
		for _, k := range keys {
			drop = drop || a.Key == k
		}
		if !drop {
			out = append(out, a)
		}
	}
	return out
}
