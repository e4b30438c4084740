package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Google News sitemap limits
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
const (
	sitemapWindow = 48 * time.Hour // only articles published in the last two days
	sitemapMax    = 1000           // at most 1000 <news:news> entries per sitemap
	// clockSkew tolerates a source's clock running slightly ahead; later
	// dates are treated as wrong (or embargoed) and left out.
	clockSkew = 10 * time.Minute
)

const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsNews    = "http://www.google.com/schemas/sitemap-news/0.9"
)

// The "news:" names are written literally: encoding/xml would otherwise
// declare the namespace on every element.
type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	News    string       `xml:"xmlns:news,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc  string   `xml:"loc"`
	News newsNews `xml:"news:news"`
}

type newsNews struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// NewsSitemap serves GET /sections/{slug}/news-sitemap.xml: a Google News
// sitemap of the section's articles published in the last two days
// (by Now), newest first, at most 1000. Articles without a known
// publication date, or dated in the future, are left out.
func (p *Pages) NewsSitemap(w http.ResponseWriter, r *http.Request) {
	sec, slugs, err := p.section(r.PathValue("slug"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	now := p.now()
	since := now.Add(-sitemapWindow)
	arts, err := p.articles(r.Context(), slugs, feedsvc.Query{Limit: sitemapMax, Since: since})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	doc := urlset{XMLNS: nsSitemap, News: nsNews, URLs: []sitemapURL{}}
	for i := range arts {
		if u, ok := sitemapEntry(&arts[i], sec, since, now.Add(clockSkew)); ok {
			doc.URLs = append(doc.URLs, u)
		}
	}
	body, err := marshalXML(doc)
	if err != nil {
		p.fail(w, r, fmt.Errorf("news sitemap %s: %w", sec.Slug, err))
		return
	}
	serve(w, r, "application/xml; charset=utf-8", body)
}

// sitemapEntry returns a's <url> entry, or false when Google News would
// reject it: no publication date in [since, until], no title, or a URL
// that is not absolute http(s).
func sitemapEntry(a *feedsvc.Article, sec feedsvc.Section, since, until time.Time) (sitemapURL, bool) {
	pub := a.Published
	if pub.IsZero() || pub.Before(since) || pub.After(until) || a.Title == "" || !webURL(a.URL) {
		return sitemapURL{}, false
	}
	name := sec.Title
	if name == "" {
		name = sec.Slug
	}
	lang := newsLanguage(sec.Language)
	if lang == "" {
		lang = newsLanguage(a.Language)
	}
	if lang == "" {
		lang = "und"
	}
	return sitemapURL{Loc: a.URL, News: newsNews{
		Publication: newsPublication{Name: name, Language: lang},
		Date:        a.Published.UTC().Format(time.RFC3339),
		Title:       a.Title,
	}}, true
}

// webURL reports whether s is an absolute http or https URL.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
