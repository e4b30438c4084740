package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/language"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// pageMeta is the page-level evidence: <meta> tags, JSON-LD, <html lang>,
// <base href>, the canonical link and the <title>.
type pageMeta struct {
	tags      map[string][]string // lower-cased name/property/itemprop/http-equiv → contents
	ld        ldData
	script    string // the publication time a page script sets (var pubtime = …)
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
		if !ok {
			// Some CMSs and page savers write the value in a value
			// attribute instead.
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
	m.script = scriptDate(doc)
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
	return firstNonEmpty(m.ld.Published, m.first("article:published_time", "og:article:published_time", "og:published_time",
		"pubdate", "publishdate", "publish-date", "publish_date", "publishtime", "published_time",
		"datepublished", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
		"parsely-pub-date", "date", "firstpublishedtime", "og:release_date", "og:time"))
}

// scriptKey matches a publication time assigned in a page script: a JS
// variable or a JSON member named like one (pubtime, publish_time,
// pubDate, newsTime, currentPostDateAdded, ct), holding a date text or a
// Unix time.
var scriptKey = regexp.MustCompile(`(?i)(?:^|[^\w.])(?:window\.)?["']?(pub_?time|pub_?date|publish_?time|publish_?date|news_?time|date_?published|current_?post_?date_?added|ct)["']?\s*[:=]\s*["']?(\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{10}|\d{13})["'\s,;}]`)

// scriptDate is the first publication time a page script assigns, a Unix
// time written in RFC 3339 (UTC). Scripts are read after every visible
// and declared date: a script also lists related articles' times.
func scriptDate(doc *goquery.Document) string {
	var out string
	doc.Find("script").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t, _ := s.Attr("type"); t == "application/ld+json" {
			return true
		}
		m := scriptKey.FindStringSubmatch(s.Text())
		if m == nil {
			return true
		}
		out = m[2]
		if n, err := strconv.ParseInt(m[2], 10, 64); err == nil {
			if len(m[2]) == 13 {
				n /= 1000
			}
			out = time.Unix(n, 0).UTC().Format(time.RFC3339)
		}
		return false
	})
	return out
}

// updated is the raw last-modified date from structured metadata.
func (m pageMeta) updated() string {
	return firstNonEmpty(m.ld.Modified, m.first("article:modified_time", "og:article:modified_time", "og:updated_time",
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

// pageLanguage settles the article language from the declared tag and
// the text: a tag that is no BCP 47 tag ("utf-8") is ignored; without a
// tag the text decides; a template tag of a non-CJK language on a text
// that is mostly Chinese (<html lang="en"> on a Chinese article) gives
// way to the text.
func pageLanguage(declared, text string) string {
	if _, err := language.Parse(declared); err != nil {
		declared = ""
	}
	guess := feedsvc.GuessLanguage(text)
	switch {
	case declared == "":
		return guess
	case guess == "zh" && !cjkTag(declared):
		return guess
	}
	return declared
}

func cjkTag(tag string) bool {
	p := strings.ToLower(tag)
	return strings.HasPrefix(p, "zh") || strings.HasPrefix(p, "ja") || strings.HasPrefix(p, "ko")
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
