package extract

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// sepChars are what sites put between a headline and their name.
const sepChars = "-_|–—·»>:： "

// stripSite removes a site name used as a <title>/og:title prefix or
// suffix, with its separator.
func stripSite(title, site string) string {
	title, site = labels.Clean(title), labels.Clean(site)
	if site == "" || title == site {
		return title
	}
	if rest, ok := strings.CutSuffix(title, site); ok {
		if r := strings.TrimRight(rest, sepChars); r != "" && r != rest {
			title = r
		}
	}
	if rest, ok := strings.CutPrefix(title, site); ok {
		if r := strings.TrimLeft(rest, sepChars); r != "" && r != rest {
			title = r
		}
	}
	return title
}

// lastSegment splits "Headline_Site" when the site name is unknown: the
// trailing segment is a site name when it is short next to the rest.
var lastSegment = regexp.MustCompile(`^(.+?)\s*[-_|–—]\s*([^-_|–—]{1,30})$`)

// siteFromTitle derives the site name from a <title> that wraps the
// headline (h1) in a prefix or suffix.
func siteFromTitle(docTitle, h1 string) string {
	docTitle, h1 = labels.Clean(docTitle), labels.Clean(h1)
	if h1 == "" || docTitle == h1 {
		return ""
	}
	switch {
	case strings.HasPrefix(docTitle, h1):
		return labels.Clean(strings.Trim(docTitle[len(h1):], sepChars))
	case strings.HasSuffix(docTitle, h1):
		return labels.Clean(strings.Trim(docTitle[:len(docTitle)-len(h1)], sepChars))
	}
	return ""
}

// siteSep separates the parts of a title suffix ("政治 | 中央社 CNA",
// "港聞 - 明報新聞網").
var siteSep = regexp.MustCompile(`\s*[|｜_–—»]\s*|\s+-\s+`)

// splitHanHyphen cuts s at each hyphen between two Chinese characters.
func splitHanHyphen(s string) []string {
	var out []string
	r := []rune(s)
	start := 0
	for i := 1; i+1 < len(r); i++ {
		if r[i] == '-' && isHan(r[i-1]) && isHan(r[i+1]) {
			out = append(out, string(r[start:i]))
			start = i + 1
		}
	}
	return append(out, string(r[start:]))
}

// publisher is the site's own name in a title suffix: the last part that
// names an outlet (网, 报, News …), else the last part (the others are
// channels).
func publisher(site string) string {
	parts := siteSep.Split(labels.Clean(site), -1)
	if len(parts) == 1 { // "新华网河北频道-新华网": a hyphen between Chinese names
		parts = splitHanHyphen(parts[0])
	}
	for i := len(parts) - 1; i >= 0 && len(parts) > 1; i-- {
		// "39健康网_饮食": the part that names an outlet, not the channel.
		if p := labels.Clean(parts[i]); labels.Organisation(p) {
			return p
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if p := labels.Clean(parts[i]); p != "" {
			return p
		}
	}
	return labels.Clean(site)
}

// headline is the located web headline and its neighbours.
type headline struct {
	title, site string
	node        *html.Node // the headline element, nil when not found
	kicker      string
	subtitle    string
}

// findHeadline picks the title by evidence order (JSON-LD, OpenGraph, the
// page's h1, <title>) and locates its element.
func findHeadline(doc *goquery.Document, m pageMeta) headline {
	h1s := doc.Find("h1")
	firstH1 := labels.Clean(h1s.First().Text())
	site := firstNonEmpty(m.siteName(), siteFromTitle(m.title, firstH1))
	h := headline{site: site}
	docTitle := stripSite(m.title, site)
	if site == "" {
		if mm := lastSegment.FindStringSubmatch(docTitle); mm != nil && runeLen(mm[1]) > 2*runeLen(mm[2]) {
			docTitle = mm[1]
		}
	}
	h.title = firstNonEmpty(stripSite(m.ld.Headline, site), stripSite(m.first("og:title"), site),
		stripSite(m.first("twitter:title"), site), firstH1, docTitle)
	h.node = headlineNode(doc, h.title)
	return h
}

// headlineNode finds the element showing title: a heading or headline
// element with that text, else the deepest element with exactly that text
// (legacy pages use <font><b>), else the first h1.
func headlineNode(doc *goquery.Document, title string) *html.Node {
	if title == "" {
		return firstNode(doc.Find("h1"))
	}
	var found *html.Node
	doc.Find(`h1, [itemprop="headline"], h2, h3`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if labels.Clean(s.Text()) == title {
			found = s.Get(0)
		}
		return found == nil
	})
	if found != nil {
		return found
	}
	doc.Find("body *").Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		if n.Data == "a" || n.Data == "title" || s.Closest("a").Length() > 0 || labels.Clean(s.Text()) != title {
			return
		}
		if found == nil || isInside(n, found) {
			found = n
		}
	})
	if found == nil {
		return firstNode(doc.Find("h1"))
	}
	return found
}

// firstNode is the selection's first node, nil when it is empty.
func firstNode(s *goquery.Selection) *html.Node {
	if s.Length() == 0 {
		return nil
	}
	return s.Get(0)
}

var (
	kickerClass   = regexp.MustCompile(`(?i)^(yt|yinti|kicker|pre-?title|eyebrow|overline|supertitle|topline|article-kicker)$`)
	subtitleClass = regexp.MustCompile(`(?i)^(ft|fbt|futi|sub-?title|sub-?head(line)?|dek|deck|standfirst|strapline|article-subtitle|article-dek)$`)
)

// neighbours fills kicker and subtitle from the elements just above and
// below the headline element.
func (h *headline) neighbours() {
	if h.node == nil {
		return
	}
	if n := adjacent(h.node, false); n != nil && titleLike(n, kickerClass) {
		h.kicker = nodeText(n)
	}
	if n := adjacent(h.node, true); n != nil && titleLike(n, subtitleClass) {
		h.subtitle = nodeText(n)
	}
}

// titleLike reports whether n reads as a title line: a heading or an
// element with a kicker/subtitle class, short, without links, labels or
// dates.
func titleLike(n *html.Node, classRe *regexp.Regexp) bool {
	s := goquery.NewDocumentFromNode(n).Selection
	heading := n.Data == "h2" || n.Data == "h3" || n.Data == "h4" || n.Data == "h5" || n.Data == "h6"
	if !heading && !hasClass(n, classRe) {
		return false
	}
	t := labels.Clean(s.Text())
	if t == "" || runeLen(t) > 120 || s.Find("a").Length() > 0 {
		return false
	}
	return !labels.IsMeta(t)
}

// hasClass reports whether one of n's class tokens matches re.
func hasClass(n *html.Node, re *regexp.Regexp) bool {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, c := range strings.Fields(a.Val) {
			if re.MatchString(c) {
				return true
			}
		}
	}
	return false
}

// adjacent returns the nearest element after (or before) n, climbing out
// of wrappers that hold only n (table rows, header divs) and descending
// into single-child wrappers.
func adjacent(n *html.Node, next bool) *html.Node {
	cur := n
	for depth := 0; depth < 4 && cur != nil; depth++ {
		if sib := elementSibling(cur, next); sib != nil {
			return descendSingle(sib)
		}
		p := cur.Parent
		if p == nil || p.Type != html.ElementNode || p.Data == "body" || elementChildren(p) != 1 {
			return nil
		}
		cur = p
	}
	return nil
}

func elementSibling(n *html.Node, next bool) *html.Node {
	for s := step(n, next); s != nil; s = step(s, next) {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && labels.Clean(s.Data) != "" {
			return nil
		}
	}
	return nil
}

func step(n *html.Node, next bool) *html.Node {
	if next {
		return n.NextSibling
	}
	return n.PrevSibling
}

func elementChildren(n *html.Node) int {
	c := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode {
			c++
		}
	}
	return c
}

// descendSingle walks into wrappers (tr, td, div) that hold one element
// and no text of their own.
func descendSingle(n *html.Node) *html.Node {
	for elementChildren(n) == 1 && ownText(n) == "" && (n.Data == "tr" || n.Data == "td" || n.Data == "div" || n.Data == "tbody") {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode {
				n = ch
				break
			}
		}
	}
	return n
}

func ownText(n *html.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			b.WriteString(ch.Data)
		}
	}
	return labels.Clean(b.String())
}

// nodeText is n's text with ASCII whitespace collapsed.
func nodeText(n *html.Node) string {
	return tidy(goquery.NewDocumentFromNode(n).Text())
}
