package httpapi

import (
	"strconv"
	"strings"
)

// prefersHTML reports whether an Accept header ranks an HTML page above
// every feed type (as browsers' headers do and feed readers' do not).
func prefersHTML(accept string) bool {
	if accept == "" {
		return false
	}
	htmlQ, feedQ := -1.0, -1.0
	for _, part := range strings.Split(accept, ",") {
		typ, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		typ = strings.ToLower(strings.TrimSpace(typ))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "q="); ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		switch typ {
		case "text/html", "application/xhtml+xml":
			htmlQ = max(htmlQ, q)
		case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
			"application/xml", "text/xml", "application/rdf+xml":
			feedQ = max(feedQ, q)
		}
	}
	return htmlQ > 0 && htmlQ > feedQ
}
