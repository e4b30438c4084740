package extract

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// validTag is a well-formed HTML element name.
var validTag = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// keepAttrs are the attributes a cleaned body keeps, per element.
var keepAttrs = map[string]map[string]bool{
	"a":   {"href": true},
	"img": {"src": true, "alt": true},
	"td":  {"colspan": true, "rowspan": true},
	"th":  {"colspan": true, "rowspan": true},
}

// finish strips presentational and tracking attributes, makes links
// absolute (unwrapping script links) and renders the body as HTML and as
// text with paragraphs separated by blank lines.
func finish(root *html.Node, base *url.URL) (contentHTML, bodyText string) {
	for _, n := range labels.Elements(root) {
		if n != root && !validTag.MatchString(n.Data) {
			unwrap(n) // malformed markup such as <a<script>
			continue
		}
		if n.Data == "a" {
			if u := feedsvc.WebURL(base, attr(n, "href")); u != "" {
				n.Attr = []html.Attribute{{Key: "href", Val: u}}
			} else {
				unwrap(n)
				continue
			}
		}
		if n.Data != "img" && n.Data != "a" {
			keep := keepAttrs[n.Data]
			attrs := n.Attr[:0]
			for _, a := range n.Attr {
				if keep[a.Key] {
					attrs = append(attrs, a)
				}
			}
			n.Attr = attrs
		}
	}
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	var paras []string
	for _, l := range textLines(root) {
		if t := labels.Clean(l.text); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.TrimSpace(b.String()), strings.Join(paras, "\n\n")
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

// crumbContainer finds breadcrumb trails by class, id or leading words.
var (
	crumbClass = regexp.MustCompile(`(?i)(crumb|breadcrumb|location|position|weizhi|daohang|mbx|^dh$|^path$|^where$|current)`)
	crumbText  = labels.Regexp(`(?i)^\s*(当前位置|您现在的位置|你的位置|您的位置|所在位置|位置|current location|you are here)`)
)

// domSection is the last breadcrumb link before the article: the section.
func domSection(doc *goquery.Document, title string) string {
	var out string
	doc.Find("nav, div, td, p, span, ol, ul").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		if !crumbClass.MatchString(attr(n, "class")+" "+attr(n, "id")+" "+attr(n, "aria-label")) &&
			!crumbText.MatchString(s.Text()) || runeLen(labels.Clean(s.Text())) > 200 {
			return true
		}
		links := s.Find("a")
		if links.Length() == 0 || links.Length() > 8 {
			return true
		}
		var names []string
		links.Each(func(_ int, a *goquery.Selection) { names = append(names, labels.Clean(a.Text())) })
		out = lastCrumb(names, title)
		return out == ""
	})
	return out
}
