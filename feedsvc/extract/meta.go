package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// pageMeta is the page-level evidence: <meta> tags, JSON-LD, <html lang>,
// <base href>, the canonical link and the <title>.
type pageMeta struct {
	tags      map[string][]string // lower-cased name/property/itemprop/http-equiv → contents
	ld        ldData
	lang      string
	base      string
	canonical string
	title     string
}

// readMeta collects the page-level evidence from doc.
func readMeta(doc *goquery.Document) pageMeta {
	m := pageMeta{tags: map[string][]string{}}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok { // some page stores rewrite content= to value=
			content, ok = s.Attr("value")
		}
		if !ok || labels.Clean(content) == "" {
			return
		}
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			if key, ok := s.Attr(k); ok && key != "" {
				key = strings.ToLower(strings.TrimSpace(key))
				m.tags[key] = append(m.tags[key], labels.Clean(content))
			}
		}
	})
	m.ld = readJSONLD(doc)
	m.lang, _ = doc.Find("html").First().Attr("lang")
	m.base, _ = doc.Find("base[href]").First().Attr("href")
	m.canonical, _ = doc.Find(`link[rel~="canonical"]`).First().Attr("href")
	m.title = labels.Clean(doc.Find("title").First().Text())
	return m
}

// first returns the first content among the given meta keys.
func (m pageMeta) first(keys ...string) string {
	for _, k := range keys {
		if v := m.tags[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// all returns every content of the first key that has any.
func (m pageMeta) all(keys ...string) []string {
	for _, k := range keys {
		if v := m.tags[k]; len(v) > 0 {
			return v
		}
	}
	return nil
}

// siteName is the publisher's name from og:site_name or JSON-LD.
func (m pageMeta) siteName() string {
	return firstNonEmpty(m.first("og:site_name", "application-name", "apple-mobile-web-app-title"),
		m.ld.Publisher, m.ld.SiteName)
}

// published is the raw publication date from structured metadata.
func (m pageMeta) published() string {
	return firstNonEmpty(m.ld.Published, m.first("article:published_time", "og:published_time",
		"pubdate", "publishdate", "publish-date", "publish_date", "publishtime", "published_time",
		"datepublished", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
		"parsely-pub-date", "date", "firstpublishedtime"))
}

// updated is the raw last-modified date from structured metadata.
func (m pageMeta) updated() string {
	return firstNonEmpty(m.ld.Modified, m.first("article:modified_time", "og:updated_time",
		"datemodified", "dcterms.modified", "lastmod", "last-modified", "lastmodifiedtime"))
}

// language is the page language as a BCP 47 tag, "" when not declared.
func (m pageMeta) language() string {
	l := firstNonEmpty(m.lang, m.first("og:locale"), m.ld.Language,
		m.first("content-language", "language", "dc.language"))
	l = strings.ReplaceAll(strings.TrimSpace(l), "_", "-")
	if i := strings.IndexAny(l, ",; "); i >= 0 {
		l = l[:i]
	}
	return l
}

// section is the channel name from structured metadata.
func (m pageMeta) section(title string) string {
	if m.ld.Section != "" {
		return m.ld.Section
	}
	if c := lastCrumb(m.ld.Crumbs, title); c != "" {
		return c
	}
	return m.first("article:section", "columnname", "column", "section", "category", "channel")
}

// lastCrumb is the last breadcrumb that is not the article itself or a
// "text"/"article" placeholder.
func lastCrumb(crumbs []string, title string) string {
	for i := len(crumbs) - 1; i >= 0; i-- {
		c := labels.Clean(crumbs[i])
		if c == "" || c == title || crumbPlaceholder.MatchString(c) {
			continue
		}
		if i == 0 && len(crumbs) > 1 {
			return "" // only the home entry is left
		}
		return c
	}
	return ""
}

// categories are the page's own tags: JSON-LD keywords, article:tag, else
// news_keywords or keywords (comma- or 、-separated, at most 10).
func (m pageMeta) categories() []string {
	var out []string
	switch {
	case len(m.ld.Keywords) > 0:
		out = m.ld.Keywords
	case len(m.all("article:tag")) > 0:
		for _, t := range m.all("article:tag") {
			out = append(out, splitKeywords(t)...)
		}
	default:
		out = splitKeywords(m.first("news_keywords", "keywords"))
	}
	out = labels.Uniq(out)
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// splitKeywords splits a keywords text on commas (ASCII or full-width),
// 、 and semicolons.
func splitKeywords(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' })
	var out []string
	for _, k := range f {
		if k = labels.Clean(k); k != "" && len([]rune(k)) <= 64 {
			out = append(out, k)
		}
	}
	return out
}
