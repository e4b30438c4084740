package extract

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// idAttr tags every page element so readability's output (a cleaned copy)
// can be traced back to the page.
const idAttr = "data-fsid"

// page is a parsed document with its elements numbered in document order.
type page struct {
	doc   *goquery.Document
	nodes []*html.Node // nodes[i] carries idAttr i
}

// number tags every element with its document-order index.
func number(doc *goquery.Document) *page {
	p := &page{doc: doc}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			n.Attr = append(n.Attr, html.Attribute{Key: idAttr, Val: strconv.Itoa(len(p.nodes))})
			p.nodes = append(p.nodes, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	return p
}

// index returns n's document-order index, -1 for untagged nodes.
func index(n *html.Node) int {
	for _, a := range n.Attr {
		if a.Key == idAttr {
			if i, err := strconv.Atoi(a.Val); err == nil {
				return i
			}
		}
	}
	return -1
}

// origin returns the page element a copied node came from, or nil.
func (p *page) origin(n *html.Node) *html.Node {
	if i := index(n); i >= 0 && i < len(p.nodes) {
		return p.nodes[i]
	}
	return nil
}

// bodyPart is the located article body: a detached copy to clean, and the
// document-order span [first, last] it covers in the page.
type bodyPart struct {
	root        *html.Node
	first, last int
	// textFirst is the page position of the body's first element with
	// text of its own: where the header zone (byline, time) ends even when
	// the body's container also wraps the headline (<article><header><h1>).
	textFirst int
	// byline is readability's byline (the node it removed as one, or
	// the page's author metadata), evidence for the authors.
	byline string
}

// locateBody finds the body by rule selector, else readability, else
// paragraph density.
func locateBody(p *page, selector string, base *url.URL, head *html.Node) bodyPart {
	if selector != "" {
		if sel := p.doc.Find(selector); sel.Length() > 0 {
			root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			sel.Each(func(_ int, s *goquery.Selection) { root.AppendChild(cloneNode(s.Get(0))) })
			return span(root)
		}
	}
	unhide(p.doc)
	ps := readability.NewParser()
	if art, err := ps.ParseDocument(p.doc.Nodes[0], base); err == nil && art.Node != nil {
		if b := span(art.Node); b.first >= 0 && runeLen(labels.Clean(goquery.NewDocumentFromNode(art.Node).Text())) > 0 {
			b.byline = art.Byline()
			if a := headlineArticle(head); a != nil && !overlaps(b, a) {
				// Readability chose text wholly outside the article element
				// that holds the headline (a stream of other stories, a
				// language bar): the article's text is read from that element.
				if b2, ok := readArticle(a, base); ok {
					return b2
				}
			}
			restoreContributors(p, b)
			return b
		}
	}
	if n := densest(p.doc); n != nil {
		root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		root.AppendChild(cloneNode(n))
		return span(root)
	}
	return bodyPart{first: -1, last: -1, textFirst: -1}
}

// span computes the page positions a copied body covers.
func span(root *html.Node) bodyPart {
	b := bodyPart{root: root, first: -1, last: -1, textFirst: -1}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if i := index(n); i >= 0 {
			if b.first < 0 || i < b.first {
				b.first = i
			}
			if i > b.last {
				b.last = i
			}
			if ownText(n) != "" && (b.textFirst < 0 || i < b.textFirst) {
				b.textFirst = i
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b
}

// cloneNode deep-copies n.
func cloneNode(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneNode(ch))
	}
	return c
}

// densest is the fallback scorer: the element whose direct paragraphs
// and text cells hold the most text, with a share of each paragraph's
// length credited to the grandparent as in Readability.
func densest(doc *goquery.Document) *html.Node {
	score := map[*html.Node]float64{}
	doc.Find("p, td, pre, div, font, span, li").Each(func(_ int, s *goquery.Selection) {
		if s.Closest("nav, header, footer, aside, script, style, a").Length() > 0 ||
			s.Find("p, div, td, table, li").Length() > 0 {
			return
		}
		t := labels.Clean(ownTextDeep(s.Get(0)))
		l := float64(runeLen(t))
		if l < 20 {
			return
		}
		l += float64(strings.Count(t, "，") + strings.Count(t, ",") + strings.Count(t, "。"))
		if parent := s.Get(0).Parent; parent != nil {
			score[parent] += l
			if gp := parent.Parent; gp != nil {
				score[gp] += l / 2
			}
		}
	})
	var best *html.Node
	for n, v := range score {
		if best == nil || v > score[best] || (v == score[best] && index(n) < index(best)) {
			best = n
		}
	}
	return best
}

// ownTextDeep is n's text excluding text inside links.
func ownTextDeep(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "a" || n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// hiddenStyle is an inline style declaration that hides an element.
var hiddenStyle = regexp.MustCompile(`(?i)visibility\s*:\s*hidden\s*;?`)

// unhide shows text a page hides until its scripts run: an element
// styled visibility:hidden that holds at least 200 characters of text
// (WeChat's js_content) is what a reader sees once the page has loaded,
// so readability must not drop it as invisible. display:none stays
// hidden (templates, pop-ups, other renditions).
func unhide(doc *goquery.Document) {
	doc.Find(`[style*="visibility"]`).Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		style := attr(n, "style")
		if !hiddenStyle.MatchString(style) || runeLen(labels.Clean(s.Text())) < 200 {
			return
		}
		for i := range n.Attr {
			if n.Attr[i].Key == "style" {
				n.Attr[i].Val = hiddenStyle.ReplaceAllString(style, "")
			}
		}
	})
}

// headlineArticle is the <article> element (or schema.org Article item)
// around the headline when it holds at least 50 characters of
// paragraph text besides the headline (a short wire story is a few lines
// long); nil otherwise.
func headlineArticle(head *html.Node) *html.Node {
	if head == nil {
		return nil
	}
	for a := head.Parent; a != nil; a = a.Parent {
		if a.Type != html.ElementNode || a.Data != "article" && !strings.Contains(attr(a, "itemtype"), "Article") {
			continue
		}
		n := 0
		goquery.NewDocumentFromNode(a).Find("p").Each(func(_ int, s *goquery.Selection) {
			if !isInside(s.Get(0), head) {
				n += runeLen(labels.Clean(s.Text()))
			}
		})
		if n >= 50 {
			return a
		}
		return nil
	}
	return nil
}

// readArticle runs readability on a copy of one element of the page.
func readArticle(a *html.Node, base *url.URL) (bodyPart, bool) {
	doc := &html.Node{Type: html.DocumentNode}
	root := &html.Node{Type: html.ElementNode, Data: "html", DataAtom: atom.Html}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	doc.AppendChild(root)
	root.AppendChild(body)
	body.AppendChild(cloneNode(a))
	ps := readability.NewParser()
	art, err := ps.ParseAndMutate(doc, base)
	if err != nil || art.Node == nil {
		return bodyPart{}, false
	}
	b := span(art.Node)
	if b.first < 0 || runeLen(labels.Clean(goquery.NewDocumentFromNode(art.Node).Text())) == 0 {
		return bodyPart{}, false
	}
	b.byline = art.Byline()
	return b, true
}

// overlaps reports whether the body span shares an element with a.
func overlaps(b bodyPart, a *html.Node) bool {
	first, last := index(a), index(a)
	for _, e := range labels.Elements(a) {
		last = max(last, index(e))
	}
	return b.first <= last && b.last >= first
}

// contributorsLine credits the reporters who contributed to a story:
// "CNN's Christine Romans and Emily Jane Fox contributed to this report".
var contributorsLine = regexp.MustCompile(`(?i)\bcontributed (to (this|the) (report|story|article)|reporting)\b`)

// restoreContributors puts back the contributors line readability left
// out of the body (a <div id="pnlContributors"> between the last
// paragraph and the wire credit, a short <p> after the text's container):
// a page line of at most 200 characters crediting contributors, inside
// the body's span after its first element or among the first three lines
// after it, goes before the next element the body kept, or at its end.
func restoreContributors(p *page, b bodyPart) {
	if b.root == nil || b.first < 0 {
		return
	}
	kept := map[int]*html.Node{}
	for _, n := range labels.Elements(b.root) {
		if i := index(n); i >= 0 {
			kept[i] = n
		}
	}
	after := 0
	for _, l := range textLines(p.doc.Nodes[0]) {
		if l.idx <= b.first || kept[l.idx] != nil {
			continue
		}
		if l.idx > b.last {
			if after++; after > 3 {
				return
			}
		}
		t := labels.Clean(l.text)
		if runeLen(t) > 200 || !contributorsLine.MatchString(t) {
			continue
		}
		para := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		para.AppendChild(&html.Node{Type: html.TextNode, Data: t})
		for j := l.idx + 1; j <= b.last; j++ {
			if next := kept[j]; next != nil && next.Parent != nil && !isInside(l.el, p.nodes[j]) {
				next.Parent.InsertBefore(para, next)
				return
			}
		}
		b.root.AppendChild(para)
		return
	}
}
