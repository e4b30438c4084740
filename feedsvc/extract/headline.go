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
	fromH1      bool       // title is an <h1> the page's titles confirm
	node        *html.Node // the headline element, nil when not found
	kicker      string
	subtitle    string
}

// findHeadline picks the title by evidence order and locates its
// element. An <h1> that the page's own titles (JSON-LD headline,
// og:title, twitter:title, <title>) confirm is the article's headline;
// it beats them because they often carry a site suffix, a channel
// prefix or an SEO rewording. Without one: JSON-LD, OpenGraph, Twitter,
// the <title> without its site and channel suffixes, the first <h1>.
func findHeadline(doc *goquery.Document, m pageMeta) headline {
	var h1s []string
	doc.Find("h1").Each(func(_ int, s *goquery.Selection) {
		if t := labels.Clean(s.Text()); t != "" {
			h1s = append(h1s, t)
		}
	})
	metaTitles := []string{m.ld.Headline, m.first("og:title"), m.first("twitter:title"), m.title}
	h1 := confirmedHeading(h1s, metaTitles, m.siteName())
	if h1 == "" {
		h1 = markedHeadline(doc) // the page marks its <h1> as the entry's title
	}
	site := titleSite(m, firstNonEmpty(h1, first(h1s)))
	h := headline{site: site}
	docTitle := stripSite(m.title, site)
	if site == "" || docTitle == m.title {
		docTitle = stripTitleSuffixes(docTitle)
	}
	if site == "" {
		h.site = siteFromTitle(m.title, docTitle) // "任正非有哪四把榔头？_网易财经"
	}
	og := stripSite(m.first("og:title"), site)
	if labels.Clean(m.first("og:title")) == m.title {
		og = docTitle // the <title> copied into og:title, suffixes and all
	}
	h.title = firstNonEmpty(h1, stripSite(m.ld.Headline, site), og,
		stripSite(m.first("twitter:title"), site), docTitle, first(h1s))
	h.fromH1 = h1 != ""
	h.node = headlineNode(doc, h.title)
	return h
}

// titleSite is the site's name: og:site_name or JSON-LD, else the
// <title>'s part around the heading. A declared name the <title> does
// not show gives way to a <title> suffix naming an outlet (og:site_name
// "U.S." on "… | Reuters": the CMS put the section there).
func titleSite(m pageMeta, heading string) string {
	suffix := siteFromTitle(m.title, heading)
	declared := m.siteName()
	if declared != "" && suffix != "" && !strings.Contains(titleKey(m.title), titleKey(declared)) &&
		labels.Organisation(publisher(suffix)) {
		return suffix
	}
	return firstNonEmpty(declared, suffix)
}

// markedHeadline is the text of the first <h1> the page marks as its
// entry's headline (hAtom entry-title, schema.org itemprop=headline):
// the headline the page shows, which its meta titles may word otherwise
// ("The Marines ... Getting a Makeover?" for "The New Marines?"). "" when
// there is none.
func markedHeadline(doc *goquery.Document) string {
	return labels.Clean(doc.Find(`h1.entry-title, h1[itemprop="headline"]`).First().Text())
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// confirmedHeading is the first heading that one of titles contains
// (ignoring case, quote style and spacing) as its start or as more than
// half of it, and that is not the site's name: the article's headline,
// where an <h1> that is the masthead or a navigation label is not.
func confirmedHeading(headings, titles []string, site string) string {
	for _, h := range headings {
		k := titleKey(h)
		if k == "" || strings.EqualFold(h, site) {
			continue
		}
		for _, t := range titles {
			tk := titleKey(t)
			if i := strings.Index(tk, k); i == 0 || (i > 0 && 2*runeLen(k) > runeLen(tk)) {
				return h
			}
		}
	}
	return ""
}

// quoteFold maps typographic quotes to ASCII ones for comparing titles.
var quoteFold = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "＂", `"`)

// titleKey is t folded for comparison: lower case, ASCII quotes, single
// spaces.
func titleKey(t string) string {
	return strings.ToLower(quoteFold.Replace(labels.Clean(t)))
}

// titleSep splits a <title> into headline, channel and site parts:
// "_", "|", "｜", "--", a spaced dash, or a bare hyphen between two
// non-ASCII characters ("静夜思-中国诗歌网").
var titleSep = regexp.MustCompile(`\s*(?:[_|｜]|--+)\s*|\s+[-–—]\s+|([^\x00-\x7f])-([^\x00-\x7f])`)

// stripTitleSuffixes removes trailing site and channel names from a
// <title>: each trailing part no longer than what precedes it and at most
// 30 characters long goes ("标题_数据_宏观频道首页_财经网 - CAIJING.COM.CN").
// A title that is only a separator and a site name gives "".
func stripTitleSuffixes(t string) string {
	t = labels.Clean(t)
	if strings.IndexAny(t, "-_|–—") == 0 {
		return "" // "-Site": the CMS left the headline out
	}
	for {
		locs := titleSep.FindAllStringSubmatchIndex(t, -1)
		if len(locs) == 0 {
			return t
		}
		l := locs[len(locs)-1]
		head, tail := t[:l[0]], t[l[1]:]
		if l[2] >= 0 { // bare hyphen: keep the characters around it
			head, tail = t[:l[3]], t[l[4]:]
		}
		head, tail = labels.Clean(head), labels.Clean(tail)
		if head == "" || runeLen(tail) > 30 || runeLen(tail) > runeLen(head) {
			return t
		}
		t = head
	}
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
	// subtitlePart finds the dek inside longer class names and ids
	// (article__deck, ArticleDek_root__R8OvU, mod-articlesubtitle).
	// The article's description element is the dek too (article__desc).
	subtitlePart = regexp.MustCompile(`(?i)(dek|deck|standfirst|subtitle|strapline)([-_]|$)|(?-i:Dek)|(?i)^(article|story|entry|post)[-_]+desc(ription)?$`)
)

// maxKicker and maxSubtitle bound a title line's length in characters: a
// dek is a sentence or two, a kicker a phrase.
const (
	maxKicker   = 120
	maxSubtitle = 300
)

// neighbours fills kicker and subtitle from the elements just above and
// below the headline element.
func (h *headline) neighbours() {
	if h.node == nil {
		return
	}
	if n := adjacent(h.node, false); n != nil && titleLike(n, kickerClass, nil, maxKicker) {
		h.kicker = nodeText(n)
	}
	if n := adjacent(h.node, true); n != nil && titleLike(n, subtitleClass, subtitlePart, maxSubtitle) {
		h.subtitle = nodeText(n)
	}
}

// titleLike reports whether n reads as a title line: a heading or an
// element with a kicker/subtitle class, short, without links, labels or
// dates.
func titleLike(n *html.Node, classRe, partRe *regexp.Regexp, maxLen int) bool {
	s := goquery.NewDocumentFromNode(n).Selection
	heading := n.Data == "h2" || n.Data == "h3" || n.Data == "h4" || n.Data == "h5" || n.Data == "h6"
	if !heading && !hasClass(n, classRe) && (partRe == nil || !hasDekAttr(n)) {
		return false
	}
	t := labels.Clean(s.Text())
	if t == "" || runeLen(t) > maxLen || s.Find("a").Length() > 0 {
		return false
	}
	if strings.Contains(labels.FindDate(t).Canonical(), ":") {
		return false // an info line with a timestamp ("原创：39健康网2024-04-23 12:27:25")
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

// headerDek is the dek of templates that put share bars or images
// between headline and dek: the first element after the headline and
// before the body text whose class, id or data-* name says dek
// (standfirst, deck, subtitle) and that reads as a title line.
func headerDek(p *page, head *html.Node, bodyStart int) string {
	if head == nil || bodyStart < 0 {
		return ""
	}
	for i := index(head) + 1; i >= 1 && i < bodyStart && i < len(p.nodes); i++ {
		n := p.nodes[i]
		if isInside(n, head) || !hasDekAttr(n) || !titleLike(n, subtitleClass, subtitlePart, maxSubtitle) {
			continue
		}
		return nodeText(n)
	}
	return ""
}

// bodyDek is the dek some templates print as the body's first block: a
// heading (h1–h4), or a block whose class or its parent's says lead,
// intro or chapo, that is the body's first text, reads as a title line
// and repeats the page's description (og:description,
// twitter:description, description; spacing aside). A short label
// opening the heading ("<h2><span class=slug>Analyse</span> Après …")
// is the kicker. Taken as the subtitle the dek is dropped from the body
// like the headline. "" when there is none.
func bodyDek(p *page, m pageMeta, title string, textFirst int) (kicker, dek string) {
	if textFirst < 0 || textFirst >= len(p.nodes) {
		return "", ""
	}
	n := p.nodes[textFirst]
	if !headingTags[n.Data] && n.Parent != nil && headingTags[n.Parent.Data] {
		n = n.Parent // the text sits in a <span> of the heading
	}
	if !headingTags[n.Data] && !hasClassPart(n, leadClass) && (n.Parent == nil || !hasClassPart(n.Parent, leadClass)) {
		return "", ""
	}
	t := labels.Clean(nodeText(n))
	if t == "" || t == labels.Clean(title) || runeLen(t) > maxSubtitle {
		return "", ""
	}
	if c := n.FirstChild; headingTags[n.Data] && c != nil && c.Type == html.ElementNode {
		if k := labels.Clean(nodeText(c)); k != "" && runeLen(k) <= 20 && strings.HasPrefix(t, k+" ") {
			kicker, t = k, strings.TrimPrefix(t, k+" ")
		}
	}
	for _, k := range []string{"og:description", "twitter:description", "description"} {
		if d := m.first(k); d != "" && spaceless(d) == spaceless(t) {
			return kicker, t
		}
	}
	return "", ""
}

// leadClass names a standfirst block printed as the body's first.
var leadClass = regexp.MustCompile(`(?i)(^|[-_])(lead|intro|chapo)([-_]|$)`)

// spaceless is s without white space, for comparing a text with its copy
// in a description ("The Fifth Estate , le juge").
func spaceless(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// headingTags are the heading levels a dek is printed in.
var headingTags = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true}

// hasDekAttr reports a class, id or short data-* value naming a dek.
func hasDekAttr(n *html.Node) bool {
	if hasClass(n, subtitleClass) || hasClassPart(n, subtitlePart) {
		return true
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-") && len(a.Val) < 40 && subtitlePart.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// hasClassPart reports whether one of n's class tokens or its id
// contains a match of re ("article__deck mt_col-12").
func hasClassPart(n *html.Node, re *regexp.Regexp) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
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
