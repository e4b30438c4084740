package extract

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ldData is what the page's JSON-LD blocks say about the article.
type ldData struct {
	Headline    string
	AltHeadline string
	URL         string
	Published   string
	Modified    string
	Section     string
	Language    string
	Publisher   string
	Authors     []string
	Crumbs      []string // BreadcrumbList names in position order
	SiteName    string   // Organization or WebSite name
	Keywords    []string
	fields      map[string]any
}

// readJSONLD merges every application/ld+json block of the page; the first
// Article-like object wins.
func readJSONLD(doc *goquery.Document) ldData {
	var ld ldData
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return
		}
		walkLD(v, &ld)
	})
	return ld
}

// walkLD visits objects, arrays and @graph lists.
func walkLD(v any, ld *ldData) {
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			walkLD(e, ld)
		}
	case map[string]any:
		if g, ok := t["@graph"]; ok {
			walkLD(g, ld)
		}
		readLDObject(t, ld)
	}
}

func readLDObject(m map[string]any, ld *ldData) {
	types := ldTypes(m["@type"])
	switch {
	case hasType(types, isArticleType) && ld.fields == nil:
		ld.fields = m
		ld.Headline = ldString(m["headline"])
		ld.AltHeadline = ldString(m["alternativeHeadline"])
		ld.URL = firstNonEmpty(ldString(m["url"]), ldID(m["mainEntityOfPage"]))
		ld.Published = ldString(m["datePublished"])
		ld.Modified = ldString(m["dateModified"])
		ld.Section = ldString(m["articleSection"])
		ld.Language = ldString(m["inLanguage"])
		ld.Publisher = ldName(m["publisher"])
		ld.Authors = ldNames(m["author"])
		ld.Keywords = ldKeywords(m["keywords"])
	case len(types) == 0 && m["pubDate"] != nil && ld.fields == nil && ld.Published == "":
		// Baidu's cambrian.jsonld (no @type): pubDate and upDate.
		ld.Published = ldString(m["pubDate"])
		ld.Modified = ldString(m["upDate"])
	case hasType(types, func(t string) bool { return t == "BreadcrumbList" }) && ld.Crumbs == nil:
		ld.Crumbs = ldCrumbs(m["itemListElement"])
	case hasType(types, func(t string) bool { return t == "Organization" || t == "NewsMediaOrganization" || t == "WebSite" }):
		if ld.SiteName == "" {
			ld.SiteName = ldString(m["name"])
		}
	}
}

func isArticleType(t string) bool {
	return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report"
}

func ldTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func hasType(types []string, f func(string) bool) bool {
	for _, t := range types {
		if f(t) {
			return true
		}
	}
	return false
}

// ldString reads a text value: a string, the first of a list, or an
// object's name.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return tidy(t)
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	case map[string]any:
		return ldString(t["name"])
	}
	return ""
}

func ldID(v any) string {
	if m, ok := v.(map[string]any); ok {
		return firstNonEmpty(ldString(m["@id"]), ldString(m["url"]))
	}
	return ldString(v)
}

func ldName(v any) string {
	if m, ok := v.(map[string]any); ok {
		return ldString(m["name"])
	}
	return ldString(v)
}

// ldNames reads a person list: strings, objects with name, or arrays.
func ldNames(v any) []string {
	switch t := v.(type) {
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldNames(e)...)
		}
		return out
	case nil:
		return nil
	}
	if n := ldName(v); n != "" {
		return []string{n}
	}
	return nil
}

// ldCrumbs orders BreadcrumbList entries by position.
func ldCrumbs(v any) []string {
	list, _ := v.([]any)
	type crumb struct {
		pos  float64
		name string
	}
	var cs []crumb
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		name := ldString(m["name"])
		if name == "" {
			name = ldName(m["item"])
		}
		pos, ok := m["position"].(float64)
		if !ok {
			pos = float64(i + 1)
		}
		cs = append(cs, crumb{pos, name})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].pos < cs[j].pos })
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.name)
	}
	return out
}

// ldKeywords reads schema.org keywords: a list, or one comma-separated text.
func ldKeywords(v any) []string {
	switch t := v.(type) {
	case string:
		return splitKeywords(t)
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, splitKeywords(ldString(e))...)
		}
		return out
	}
	return nil
}
