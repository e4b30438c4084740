package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

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
	x.body = locateBody(x.page, rules.Body, x.base)
	all := textLines(gq.Nodes[0])
	x.ev.Header = parseLines(headerLines(all, x.head.node, max(x.body.first, x.body.textFirst)))
	x.ev.Tail = parseLines(tailLines(all, x.body.last))
	x.c = &cleaner{p: x.page, titles: map[string]bool{}, captions: map[string]bool{}}
	for _, t := range []string{x.head.title, x.head.kicker, x.head.subtitle, x.meta.ld.AltHeadline} {
		if t = labels.Clean(t); t != "" {
			x.c.titles[t] = true
		}
	}
	if x.body.root != nil {
		bodyLines := textLines(x.body.root)
		x.ev.Credits = labels.BodyCredits(texts(bodyLines))
		x.images = x.c.withLead(x.meta, x.base, x.c.run(x.body.root, x.base))
		x.ev.Body = x.c.hits
		x.ev.Dateline = labels.DatelineAuthors(texts(textLines(x.body.root)))
	}
	return x
}

// article assembles the fields by evidence order.
func (x *extraction) article(pageURL string) feedsvc.Article {
	a := feedsvc.Article{BaseURL: x.base.String()}
	a.URL = firstNonEmpty(feedsvc.WebURL(x.base, x.meta.canonical), feedsvc.WebURL(x.base, x.meta.first("og:url")),
		feedsvc.WebURL(x.base, x.meta.ld.URL), feedsvc.WebURL(x.base, pageURL))
	a.Title = firstNonEmpty(stripSite(x.meta.ld.Headline, x.head.site), stripSite(x.meta.first("og:title"), x.head.site),
		labels.Clean(ruleValue(x.doc, x.meta, x.rules.Title)), x.head.title)
	a.Kicker = firstNonEmpty(ruleValue(x.doc, x.meta, x.rules.Kicker), x.head.kicker, x.ev.First(labels.Kicker))
	a.Subtitle = firstNonEmpty(x.meta.ld.AltHeadline, ruleValue(x.doc, x.meta, x.rules.Subtitle),
		x.head.subtitle, x.ev.First(labels.Subtitle))
	if pt := x.ev.First(labels.PrintTitle); labels.Clean(pt) != labels.Clean(a.Title) {
		a.PrintTitle = pt
	}
	a.Authors = x.authors()
	a.Photographers = x.ev.Photographers()
	a.Editor = firstNonEmpty(strings.Join(ruleNames(x.doc, x.meta, x.rules.Editor), " "),
		strings.Join(x.ev.Names(labels.Editor), " "))
	a.Source = firstNonEmpty(ruleLabelled(x.doc, x.meta, x.rules.Source, labels.Source), x.ev.First(labels.Source),
		x.meta.ld.Publisher, publisher(x.head.site))
	a.Source = strings.Trim(labels.Clean(a.Source), "《》")
	a.PublishedRaw = firstNonEmpty(x.meta.published(), ruleDate(x.doc, x.meta, x.rules.Published),
		x.timeAttr("datePublished"), x.ev.First(labels.Published))
	a.UpdatedRaw = firstNonEmpty(x.meta.updated(), x.timeAttr("dateModified"), x.ev.First(labels.Updated))
	a.Section = firstNonEmpty(x.meta.section(a.Title), domSection(x.doc, a.Title))
	a.Language = x.meta.language()
	a.Categories = x.meta.categories()
	if x.body.root != nil {
		a.Images = x.images
		a.ContentHTML, a.BodyText = finish(x.body.root, x.base)
	}
	if a.Language == "" {
		a.Language = feedsvc.ScriptLanguage(a.Title + " " + a.BodyText)
	}
	return a
}

// authors applies the evidence order for bylines; names equal to the
// site or publisher are not people.
func (x *extraction) authors() []string {
	notPerson := map[string]bool{x.head.site: true, x.meta.ld.Publisher: true, x.meta.siteName(): true}
	filter := func(names []string) []string {
		var out []string
		for _, n := range labels.Uniq(names) {
			if !notPerson[n] && !strings.Contains(n, "://") {
				out = append(out, n)
			}
		}
		return out
	}
	for _, cand := range [][]string{x.meta.ld.Authors, x.meta.all("article:author"),
		ruleNames(x.doc, x.meta, x.rules.Authors), x.ev.Names(labels.Author), x.ev.Dateline,
		labels.Names(x.meta.first("author", "dc.creator", "byl"))} {
		if names := filter(cand); len(names) > 0 {
			return names
		}
	}
	return nil
}

// ruleDate evaluates a published rule; text dates are canonicalised.
func ruleDate(doc *goquery.Document, m pageMeta, spec string) string {
	v := ruleValue(doc, m, spec)
	if d := labels.FindDate(v); d.Raw != "" && !strings.ContainsAny(v, "T+Z") {
		return d.Canonical()
	}
	return v
}

// timeAttr reads a microdata date (itemprop) or the first <time datetime>
// inside the article element or between headline and body.
func (x *extraction) timeAttr(prop string) string {
	if s := x.doc.Find(`[itemprop="` + prop + `"]`).First(); s.Length() > 0 {
		return firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""), labels.Clean(s.Text()))
	}
	if prop != "datePublished" {
		return ""
	}
	if v := x.doc.Find("article time[datetime]").First().AttrOr("datetime", ""); v != "" {
		return v
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
