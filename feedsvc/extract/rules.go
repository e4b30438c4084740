package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// ruleValue evaluates one ArticleRules value: "meta:NAME" reads a <meta>
// tag, "jsonld:FIELD" a field of the JSON-LD article, anything else is a
// CSS selector whose first match's text (or datetime/content) is used.
func ruleValue(doc *goquery.Document, m pageMeta, spec string) string {
	vals := ruleValues(doc, m, spec)
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

// ruleValues is ruleValue for every match (authors).
func ruleValues(doc *goquery.Document, m pageMeta, spec string) []string {
	spec = strings.TrimSpace(spec)
	switch {
	case spec == "":
		return nil
	case strings.HasPrefix(spec, "meta:"):
		return m.tags[strings.ToLower(strings.TrimSpace(spec[5:]))]
	case strings.HasPrefix(spec, "jsonld:"):
		if m.ld.fields == nil {
			return nil
		}
		return ldNames(m.ld.fields[strings.TrimSpace(spec[7:])])
	}
	var out []string // an invalid selector matches nothing (goquery)
	doc.Find(spec).Each(func(_ int, s *goquery.Selection) {
		v := firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""), tidy(s.Text()))
		if v != "" {
			out = append(out, v)
		}
	})
	return out
}

// ruleNames reads an authors/editor rule into names, dropping labels.
func ruleNames(doc *goquery.Document, m pageMeta, spec string) []string {
	var out []string
	for _, v := range ruleValues(doc, m, spec) {
		if hits, ok := labels.Line(v); ok {
			for _, h := range hits {
				if h.Field == labels.Author || h.Field == labels.Editor {
					out = append(out, strings.Split(h.Value, "\x00")...)
				}
			}
			continue
		}
		if i := strings.IndexAny(v, ":："); i >= 0 && runeLen(v[:i]) <= 20 {
			v = v[i:]
			v = strings.TrimLeft(v, ":：")
		}
		if names := labels.Names(v); len(names) > 0 {
			out = append(out, names...)
		} else if v = labels.Clean(v); v != "" {
			out = append(out, v) // the operator chose this element: trust it
		}
	}
	return labels.Uniq(out)
}

// ruleLabelled reads a source rule, dropping a label such as 来源：.
func ruleLabelled(doc *goquery.Document, m pageMeta, spec string, f labels.Field) string {
	v := ruleValue(doc, m, spec)
	if hits, ok := labels.Line(v); ok {
		for _, h := range hits {
			if h.Field == f {
				return h.Value
			}
		}
	}
	return strings.Trim(labels.Clean(v), "《》")
}

// removeSelectors deletes rule-listed elements before extraction.
func removeSelectors(doc *goquery.Document, sels []string) {
	for _, s := range sels {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		doc.Find(s).Remove()
	}
}
