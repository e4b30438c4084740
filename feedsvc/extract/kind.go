package extract

import (
	"bytes"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// IsArticlePage reports whether an HTML page is a single article rather
// than a section list: JSON-LD Article-like data, og:type=article or
// article:published_time say so; otherwise the page URL (or its canonical
// link) has the shape of an article URL (dated path, numeric leaf, …).
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
	for _, raw := range []string{m.canonical, pageURL} {
		if raw == "" {
			continue
		}
		if u, ok := parseBase(resolve(base, raw)); ok && articleLike(u, u) {
			return true
		}
	}
	return false
}
