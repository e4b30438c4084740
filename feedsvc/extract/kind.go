package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// IsArticlePage reports whether an HTML page is a single article rather
// than a section list: JSON-LD Article-like data, og:type=article or
// article:published_time say so; otherwise the text decides — an article
// has paragraphs of prose (link-free paragraph text) and few of its words
// in links, a list is mostly links — with an article-shaped URL (dated
// path, numeric leaf, …) tipping pages in between.
func IsArticlePage(doc []byte, pageURL string) bool {
	base, ok := parseBase(pageURL)
	if !ok {
		return false
	}
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(doc))
	if err != nil {
		return false
	}
	m := readMeta(d)
	if m.ld.fields != nil || strings.EqualFold(m.first("og:type"), "article") || m.first("article:published_time") != "" {
		return true
	}
	density, prose, total := linkDensity(d)
	if density < 0.35 && prose >= 200 || density < 0.15 && total >= 60 {
		return true
	}
	for _, raw := range []string{m.canonical, pageURL} {
		if raw == "" {
			continue
		}
		if u, ok := parseBase(feedsvc.WebURL(base, raw)); ok && articleLike(u, u) && density < 0.5 {
			return true
		}
	}
	return false
}

// linkDensity returns the share of the body's text inside links, the
// length of paragraph text with no link and of all text (in characters,
// spaces excluded).
func linkDensity(d *goquery.Document) (density float64, prose, total int) {
	count := func(s string) int { return utf8.RuneCountInString(strings.Join(strings.Fields(s), "")) }
	body := d.Find("body").Clone()
	body.Find("script,style,noscript,template").Remove()
	total = count(body.Text())
	links := 0
	body.Find("a").Each(func(_ int, a *goquery.Selection) { links += count(a.Text()) })
	body.Find("p").Each(func(_ int, p *goquery.Selection) {
		if p.Find("a").Length() == 0 {
			prose += count(p.Text())
		}
	})
	if total == 0 {
		return 1, 0, 0
	}
	return float64(links) / float64(total), prose, total
}
