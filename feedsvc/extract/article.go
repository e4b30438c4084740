package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// Article extracts one article from a UTF-8 HTML page fetched from
// pageURL. rules override the generic extraction field by field; JSON-LD
// and <meta> evidence come first. The error wraps feedsvc.ErrInvalid for
// an empty page, a relative page URL or a page with neither title nor body.
func Article(doc []byte, pageURL string, rules feedsvc.ArticleRules) (feedsvc.Article, error) {
	gq, base, err := load(doc, pageURL)
	if err != nil {
		return feedsvc.Article{}, fmt.Errorf("extract article: %w", err)
	}
	removeSelectors(gq, rules.Remove)
	x := newExtraction(gq, base, rules)
	a := x.article(pageURL)
	if a.Title == "" && a.BodyText == "" {
		return a, fmt.Errorf("extract article %s: no title and no body: %w", pageURL, feedsvc.ErrInvalid)
	}
	return a, nil
}

// extraction is the state of one Article call.
type extraction struct {
	doc    *goquery.Document
	page   *page
	meta   pageMeta
	base   *url.URL
	rules  feedsvc.ArticleRules
	head   headline
	body   bodyPart
	ev     labels.Evidence
	c      *cleaner
	images []feedsvc.Image
}

// newExtraction reads the page evidence, locates headline and body and
// collects the metadata lines around them.
func newExtraction(gq *goquery.Document, base *url.URL, rules feedsvc.ArticleRules) *extraction {
	x := &extraction{doc: gq, meta: readMeta(gq), base: base, rules: rules}
	if b := feedsvc.WebURL(base, x.meta.base); b != "" {
		x.base, _ = url.Parse(b)
	}
	x.page = number(gq)
	x.head = findHeadline(gq, x.meta)
	x.head.neighbours()
	x.body = locateBody(x.page, rules.Body, x.base, x.head.node)
	if x.head.subtitle == "" {
		x.head.subtitle = headerDek(x.page, x.head.node, max(x.body.first, x.body.textFirst))
	}
	if x.head.subtitle == "" {
		kicker, dek := bodyDek(x.page, x.meta, x.head.title, x.body.textFirst)
		x.head.subtitle = dek
		if dek != "" && x.head.kicker == "" {
			x.head.kicker = kicker
		}
	}
	all := textLines(gq.Nodes[0])
	x.ev.Header = parseLines(headerLines(all, x.head.node, max(x.body.first, x.body.textFirst)))
	x.ev.Header = append(x.ev.Header, parseLines(leadLines(all, x.head.node, max(x.body.first, x.body.textFirst)))...)
	x.ev.Tail = parseLines(tailLines(all, x.body.last))
	x.c = &cleaner{p: x.page, titles: map[string]bool{}, captions: map[string]bool{}}
	for _, t := range []string{x.head.title, x.head.kicker, x.head.subtitle, x.meta.ld.AltHeadline} {
		if t = labels.Clean(t); t != "" {
			x.c.titles[t] = true
		}
	}
	if x.body.root != nil {
		bodyLines := textLines(x.body.root)
		x.ev.Credits = append(labels.BodyCredits(texts(bodyLines)), lineCredits(texts(bodyLines))...)
		x.images = x.c.withLead(x.meta, x.base, x.c.run(x.body.root, x.base))
		x.ev.Body = append(x.c.hits, labels.ClosingNotes(texts(bodyLines))...)
		x.ev.Dateline = labels.DatelineAuthors(texts(textLines(x.body.root)))
	}
	return x
}

// article assembles the fields by evidence order.
func (x *extraction) article(pageURL string) feedsvc.Article {
	a := feedsvc.Article{BaseURL: x.base.String()}
	a.URL = firstNonEmpty(feedsvc.WebURL(x.base, x.meta.canonical), feedsvc.WebURL(x.base, x.meta.first("og:url")),
		feedsvc.WebURL(x.base, x.meta.ld.URL), feedsvc.WebURL(x.base, pageURL))
	a.Title = x.head.title
	if rule := labels.Clean(ruleValue(x.doc, x.meta, x.rules.Title)); rule != "" &&
		x.meta.ld.Headline == "" && x.meta.first("og:title") == "" {
		a.Title = rule // a selector rule comes after JSON-LD and OpenGraph only
	}
	a.Kicker = firstNonEmpty(ruleValue(x.doc, x.meta, x.rules.Kicker), x.head.kicker, x.ev.First(labels.Kicker))
	a.Subtitle = firstNonEmpty(x.meta.ld.AltHeadline, ruleValue(x.doc, x.meta, x.rules.Subtitle),
		x.head.subtitle, x.ev.First(labels.Subtitle))
	if pt := x.ev.First(labels.PrintTitle); labels.Clean(pt) != labels.Clean(a.Title) {
		a.PrintTitle = pt
	}
	editors := ruleNames(x.doc, x.meta, x.rules.Editor)
	if len(editors) == 0 {
		editors = x.ev.Names(labels.Editor)
	}
	a.Editor = joinNames(editors)
	a.Authors = x.authors(editors)
	a.Photographers = x.ev.Photographers()
	if len(a.Photographers) == 0 {
		a.Photographers = x.domCredits()
	}
	a.Source = firstNonEmpty(ruleLabelled(x.doc, x.meta, x.rules.Source, labels.Source), x.ev.First(labels.Source),
		x.orgAuthor(), publisher(x.meta.ld.Publisher), publisher(x.head.site))
	a.Source = strings.Trim(labels.Clean(a.Source), "《》")
	a.PublishedRaw = labels.PreferTimed(x.meta.published(), ruleDate(x.doc, x.meta, x.rules.Published),
		x.timeAttr("datePublished"), x.ev.First(labels.Published), x.classDate(), x.soleTime(), x.meta.script)
	a.UpdatedRaw = firstNonEmpty(x.shownUpdated(a.PublishedRaw),
		labels.PreferTimed(x.meta.updated(), x.timeAttr("dateModified"), x.updatedTimeElement(), x.ev.First(labels.Updated)))
	if a.PublishedRaw == "" {
		a.PublishedRaw = a.UpdatedRaw // a page that shows only "Updated: …" was published then at the latest
	}
	a.PublishedRaw = x.shownPublished(a.PublishedRaw)
	a.Section = firstNonEmpty(x.meta.section(a.Title), domSection(x.doc, a.Title))
	a.Language = x.meta.language()
	a.Categories = x.meta.categories()
	if x.body.root != nil {
		a.Images = x.images
		a.ContentHTML, a.BodyText = finish(x.body.root, x.base)
	}
	a.Language = pageLanguage(a.Language, a.Title+" "+a.BodyText)
	return a
}

// authors applies the evidence order for bylines; organisations (names
// like an agency's, a paper's or a site's, or equal to the site or
// publisher) are not people, and the page's editor is not its author
// (CMSs put the editor in meta author).
func (x *extraction) authors(editors []string) []string {
	orgs := []string{x.head.site, x.meta.ld.Publisher, x.meta.siteName(), x.ev.First(labels.Source)}
	filter := func(names []string) []string {
		var out []string
		for _, n := range labels.Uniq(names) {
			if !labels.OrgLike(n) && !strings.Contains(n, "://") && !strings.HasPrefix(n, "/") && !partOfAny(n, orgs) &&
				!slices.Contains(editors, n) {
				out = append(out, n)
			}
		}
		return out
	}
	for i, cand := range [][]string{hanNames(x.meta.ld.Authors), hanNames(x.meta.all("article:author")),
		ruleNames(x.doc, x.meta, x.rules.Authors), x.ev.People(labels.Author), x.ev.Dateline,
		labels.Byline(x.meta.first("author", "dc.creator", "byl", "byline", "article_author", "sailthru.author", "parsely-author")),
		x.relAuthors(), labels.Byline(x.readabilityByline()), x.bylineElements()} {
		if names := filter(cand); len(names) > 0 {
			if i < 2 { // structured: the byline the page shows may say more
				return x.shownByline(names, filter)
			}
			return names
		}
	}
	return nil
}

// shownByline settles structured authors against the byline the page
// shows (rel=author links between headline and body, else the byline
// element): the shown byline
// wins when it names every structured author and more ("Julia Carrie
// Wong" in metadata, "Julia Carrie Wong and Sam Levin" on the page), or
// when the page shows none of the structured names at all.
func (x *extraction) shownByline(structured []string, filter func([]string) []string) []string {
	shown := filter(x.headerRelAuthors())
	if len(shown) == 0 {
		shown = filter(x.bylineElements())
	}
	if len(shown) == 0 || slices.Equal(shown, structured) {
		return structured
	}
	all, any := true, false
	for _, n := range structured {
		in := slices.Contains(shown, n)
		all = all && in
		any = any || in
	}
	if all {
		return shown
	}
	if !any && !x.pageShows(structured) {
		return shown
	}
	return structured
}

// headerRelAuthors are the rel=author links on the lines right after
// the headline (leadLines): related stories' bylines elsewhere on the
// page link their authors too.
func (x *extraction) headerRelAuthors() []string {
	lead := leadLines(textLines(x.doc.Nodes[0]), x.head.node, max(x.body.first, x.body.textFirst))
	var out []string
	x.doc.Find(`a[rel~="author"]`).Each(func(_ int, s *goquery.Selection) {
		for _, l := range lead {
			if isInside(s.Get(0), l.el) && !isInside(x.head.node, l.el) {
				out = append(out, labels.Byline(s.Text())...)
				return
			}
		}
	})
	return out
}

// pageShows reports whether the page's text (scripts and metadata
// aside) names one of names.
func (x *extraction) pageShows(names []string) bool {
	text := strings.Join(texts(textLines(x.doc.Find("body").Get(0))), " ")
	for _, n := range names {
		if strings.Contains(text, n) {
			return true
		}
	}
	return false
}

// joinNames writes a list of names as one text: Chinese names joined by
// a space as staff lines print them, Latin ones by a comma ("David
// Chance, Paul Simao"), where a space would run two names together.
func joinNames(names []string) string {
	for _, n := range names {
		if strings.ContainsFunc(n, isHan) {
			return strings.Join(names, " ")
		}
	}
	return strings.Join(names, ", ")
}

// hanNames reads Chinese entries of a structured author list as bylines
// ("記者陳嘉寧／桃園機場報導" names 陳嘉寧); other entries stay as they are.
func hanNames(list []string) []string {
	var out []string
	for _, n := range list {
		if names := labels.Names(n); len(names) > 0 && strings.ContainsFunc(n, isHan) {
			out = append(out, names...)
		} else {
			out = append(out, n)
		}
	}
	return out
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// orgAuthor is an organisation the structured author evidence names
// (article:author 新京报, JSON-LD author 新华社, meta author AP): the
// article's source when no 来源 line names one.
func (x *extraction) orgAuthor() string {
	for _, cand := range [][]string{x.meta.ld.Authors, x.meta.all("article:author"), x.meta.all("author"), x.ev.Names(labels.Author)} {
		for _, n := range cand {
			if labels.Organisation(n) && !strings.Contains(n, "://") {
				return strings.TrimSuffix(n, " Wire") // "CNN Wire" is CNN's wire service
			}
		}
	}
	return x.bylineOrg()
}

// bylineOrg is an organisation a byline names beside its writers ("John
// Patrick Pullen, TIME" in meta author, "By X, The Associated Press" in a
// byline element, readability's byline), or the byline element naming
// only an organisation (a platform's author box showing the medium
// "中国新闻网"): the article's source when no 来源 line names one.
func (x *extraction) bylineOrg() string {
	var texts []string
	texts = append(texts, x.meta.all("author")...)
	if s := x.bylineElement(); s != nil {
		for _, l := range textLines(s.Get(0)) {
			texts = append(texts, l.text)
		}
	}
	texts = append(texts, x.body.byline)
	for _, t := range texts {
		if o := labels.BylineOrg(t); o != "" {
			return o
		}
	}
	if s := x.bylineElement(); s != nil {
		if ls := textLines(s.Get(0)); len(ls) > 0 {
			if t := labels.Clean(ls[0].text); labels.Organisation(t) && runeLen(t) <= 20 && strings.ContainsFunc(t, isHan) {
				return t
			}
		}
	}
	return ""
}

// bylineElements reads the first element with text, up to the end of
// the body, whose class names a byline or an author ("byline",
// "author_name", "author vcard"): its text or one child's as a byline.
func (x *extraction) bylineElements() []string {
	var out []string
	if s := x.bylineElement(); s != nil {
		t := labels.Clean(s.Text())
		if runeLen(t) <= 120 {
			if out = labels.Byline(t); len(out) > 0 {
				return out
			}
			if out = labels.PenName(t); len(out) > 0 {
				return out // the element's whole text is one handle: "私~川流"
			}
			s.Children().EachWithBreak(func(_ int, c *goquery.Selection) bool {
				out = labels.Byline(c.Text())
				return len(out) == 0
			})
		}
	}
	return out
}

// quoteSelector finds quotations and pull quotes, whose "author" is the
// person quoted.
const quoteSelector = `blockquote, q, [class*="quote"]`

// readabilityByline is readability's byline unless the page shows it only
// inside a quotation.
func (x *extraction) readabilityByline() string {
	b := labels.Clean(x.body.byline)
	if b == "" {
		return ""
	}
	quoted := false
	x.doc.Find(quoteSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		quoted = strings.Contains(labels.Clean(s.Text()), b)
		return !quoted
	})
	if quoted {
		return ""
	}
	return b
}

// bylineSelector finds elements whose class or id names a byline or an
// author.
const bylineSelector = `[class*="byline"], [class*="author"], [class*="Byline"], [class*="Author"], [id*="author"], [id*="byline"]`

// bylineElement is the first element with text, up to the end of the
// body, that bylineSelector finds outside page furniture, comments and
// quotations (a pull quote's "author" is the person quoted); nil when
// there is none.
func (x *extraction) bylineElement() *goquery.Selection {
	var found *goquery.Selection
	x.doc.Find(bylineSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if i := index(s.Get(0)); i < 0 || x.body.last >= 0 && i > x.body.last ||
			s.Closest(`footer, aside, nav, [class*="comment"], [id*="comment"], `+quoteSelector).Length() > 0 {
			return true
		}
		if labels.Clean(s.Text()) == "" {
			return true
		}
		found = s
		return false // only the first byline element with text speaks
	})
	return found
}

// partOfAny reports whether name is one of the names in orgs or a part of
// one ("网易" of "网易新闻").
func partOfAny(name string, orgs []string) bool {
	for _, o := range orgs {
		if o = labels.Clean(o); o != "" && strings.Contains(o, name) {
			return true
		}
	}
	return false
}

// relAuthors reads the links the page marks as its authors (rel=author,
// itemprop=author), in page order.
func (x *extraction) relAuthors() []string {
	var out []string
	x.doc.Find(`a[rel~="author"], [itemprop="author"]`).Each(func(_ int, s *goquery.Selection) {
		if s.Closest("footer, aside, nav").Length() > 0 {
			return
		}
		if n := s.Find(`[itemprop="name"]`).First(); n.Length() > 0 {
			s = n
		} else if s.Children().Length() > 3 {
			return
		}
		out = append(out, labels.Byline(s.Text())...)
	})
	return out
}

// ruleDate evaluates a published rule; text dates are canonicalised.
func ruleDate(doc *goquery.Document, m pageMeta, spec string) string {
	v := ruleValue(doc, m, spec)
	if d := labels.FindDate(v); d.Raw != "" && !strings.ContainsAny(v, "T+Z") {
		return d.Canonical()
	}
	return v
}

// timeAttr reads a microdata date (itemprop), a microformat one (hAtom
// class published/updated with the machine date in title) or the first
// <time datetime> inside the article element.
func (x *extraction) timeAttr(prop string) string {
	if s := x.doc.Find(`[itemprop="` + prop + `"]`).First(); s.Length() > 0 {
		return fixOffset(firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""), s.AttrOr("value", ""), labels.Clean(s.Text())))
	}
	class := map[string]string{"datePublished": "published", "dateModified": "updated"}[prop]
	if s := x.doc.Find("." + class + "[title], ." + class + "[datetime]").First(); s.Length() > 0 {
		if v := firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("title", "")); labels.FindDate(v).Raw != "" {
			return fixOffset(v)
		}
	}
	if prop != "datePublished" {
		return ""
	}
	if t := x.doc.Find("article time[datetime]").First(); t.AttrOr("datetime", "") != "" {
		return shownZone(fixOffset(t.AttrOr("datetime", "")), t.Text())
	}
	return ""
}

// soleTime reads the page's only <time datetime> element, wherever it
// stands: with one such element the page dates one thing, the article. A
// date in words ("jueves, 09 enero 2014 10:21") is canonicalised; a
// machine date is kept as written. "" when the page has none or several.
func (x *extraction) soleTime() string {
	s := x.doc.Find("time[datetime]")
	if s.Length() != 1 {
		return ""
	}
	v := strings.TrimSpace(s.AttrOr("datetime", ""))
	if d := labels.FindDate(v); d.Raw != "" && !strings.ContainsAny(v, "T+Z") {
		return shownZone(d.Canonical(), s.Text())
	}
	return fixOffset(v)
}

// dateClass names an element holding the article's time (pub_time,
// con1_date, post-date, time).
var dateClass = regexp.MustCompile(`(?i)(^|[-_\s])(pub_?time|pub_?date|publish\w*|post_?time|post_?date|date|time)([-_\s]|$)|\w(date|time)$`)

// classDate is the text of the first element before the body text whose
// class or id names a date and whose own text is a date with its time
// of day, canonicalised; "" when none. It comes after the info line's
// labelled date: lists of related articles carry such elements too.
func (x *extraction) classDate() string {
	end := x.body.textFirst
	if end < 0 {
		end = len(x.page.nodes)
	}
	for i := 0; i < end && i < len(x.page.nodes); i++ {
		n := x.page.nodes[i]
		if !dateClass.MatchString(attr(n, "class")) && !dateClass.MatchString(attr(n, "id")) {
			continue
		}
		t := labels.Clean(strings.Join(texts(textLines(n)), " ")) // "1:26 pm ET<br/>Jun 3, 2014"
		if runeLen(t) > 40 {
			continue
		}
		if d := labels.FindDate(t); strings.Contains(d.Canonical(), ":") {
			return d.Canonical()
		}
	}
	return ""
}

// load parses a UTF-8 page fetched from pageURL. Decoding is the caller's
// job; stray invalid bytes become U+FFFD here so every string downstream
// is valid UTF-8. Errors wrap feedsvc.ErrInvalid: a relative page URL or
// an empty document.
func load(doc []byte, pageURL string) (*goquery.Document, *url.URL, error) {
	base, ok := parseBase(pageURL)
	if !ok {
		return nil, nil, fmt.Errorf("%q: page URL is not absolute: %w", pageURL, feedsvc.ErrInvalid)
	}
	if len(bytes.TrimSpace(doc)) == 0 {
		return nil, nil, fmt.Errorf("%s: empty document: %w", pageURL, feedsvc.ErrInvalid)
	}
	gq, err := goquery.NewDocumentFromReader(strings.NewReader(strings.ToValidUTF8(string(doc), "\uFFFD")))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w: %w", pageURL, feedsvc.ErrInvalid, err)
	}
	return gq, base, nil
}

// creditElements are the elements that may hold a photo credit: captions
// (also "legend", "légende") and credit-classed elements.
const creditElements = `figcaption, cite, [class*="credit"], [class*="Credit"], [class*="caption"], [class*="Caption"], [class*="legend"]`

// shortOffset is an ISO time whose zone offset lost a digit
// ("2018-10-29T10:15-500").
var shortOffset = regexp.MustCompile(`(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-])(\d)(\d{2})$`)

// fixOffset writes a three-digit offset as ±0H:MM so it is read as one.
func fixOffset(v string) string {
	return shortOffset.ReplaceAllString(strings.TrimSpace(v), "${1}${2}0${3}:${4}")
}

// domCredits reads photo credits from credit elements and captions up to
// the end of the body: "Photograph: X/Agency", "(X / Reuters)". Credits
// in footers and navigation are no story's; an aside counts only as the
// box of a picture (a featured photo or video beside the text).
func (x *extraction) domCredits() []string {
	var out []string
	x.doc.Find(creditElements).Each(func(_ int, s *goquery.Selection) {
		if i := index(s.Get(0)); i < 0 || x.body.last >= 0 && i > x.body.last || s.Closest("footer, nav").Length() > 0 {
			return
		}
		if a := s.Closest("aside"); a.Length() > 0 && a.Find("img, picture").Length() == 0 {
			return
		}
		if s.Find(creditElements).Length() > 0 {
			return // the inner credit element speaks
		}
		cls := strings.ToLower(s.AttrOr("class", ""))
		for _, n := range append(labels.PhotoCredit(s.Text(), strings.Contains(cls, "credit") || goquery.NodeName(s) == "cite"), labels.SpacedCredit(s.Text())...) {
			if labels.CreditedPerson(n) {
				out = append(out, n)
			}
		}
	})
	return labels.Uniq(out)
}
