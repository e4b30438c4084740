package admin

import (
	"fmt"
	"strings"

	"github.com/andybalholm/cascadia"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
)

// checkRules refuses CSS selectors the extractor could never match (it
// treats an invalid selector as matching nothing, so a typo would silently
// empty a source). Article rules may also be "meta:NAME" or "jsonld:FIELD".
func checkRules(l feedsvc.ListRules, a feedsvc.ArticleRules) error {
	for _, r := range []struct {
		field, spec string
		special     bool
	}{
		{"list.item", l.Item, false}, {"list.link", l.Link, false}, {"list.title", l.Title, false},
		{"list.date", l.Date, false}, {"list.next", l.Next, false},
		{"article.title", a.Title, true}, {"article.kicker", a.Kicker, true},
		{"article.subtitle", a.Subtitle, true}, {"article.authors", a.Authors, true},
		{"article.editor", a.Editor, true}, {"article.source", a.Source, true},
		{"article.published", a.Published, true}, {"article.body", a.Body, false},
	} {
		if err := checkSelector(r.field, r.spec, r.special); err != nil {
			return err
		}
	}
	for _, spec := range a.Remove {
		if err := checkSelector("article.remove", spec, false); err != nil {
			return err
		}
	}
	return nil
}

func checkSelector(field, spec string, special bool) error {
	spec = strings.TrimSpace(spec)
	if spec == "" || special && (strings.HasPrefix(spec, "meta:") || strings.HasPrefix(spec, "jsonld:")) {
		return nil
	}
	if _, err := cascadia.Compile(spec); err != nil {
		return &catalog.ValidationError{Field: field, Err: fmt.Errorf("%s: %q is not a valid CSS selector: %v", field, spec, err)}
	}
	return nil
}

// checkSections refuses a section named twice in one source.
func checkSections(slugs []string) error {
	seen := map[string]bool{}
	for _, s := range slugs {
		if seen[s] {
			return &catalog.ValidationError{Field: "sections", Err: fmt.Errorf("sections: %q is listed twice", s)}
		}
		seen[s] = true
	}
	return nil
}
