package config

import (
	"fmt"
	"strings"

	"github.com/andybalholm/cascadia"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// validateRules refuses CSS selectors the extractor could never match (it
// treats an invalid selector as matching nothing, so a typo would silently
// empty a source). Article rules may also be "meta:NAME" or
// "jsonld:FIELD". The error starts with the field name.
func validateRules(l feedsvc.ListRules, a feedsvc.ArticleRules) error {
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
		if err := validateSelector(r.field, r.spec, r.special); err != nil {
			return err
		}
	}
	for _, spec := range a.Remove {
		if err := validateSelector("article.remove", spec, false); err != nil {
			return err
		}
	}
	return nil
}

func validateSelector(field, spec string, special bool) error {
	spec = strings.TrimSpace(spec)
	if spec == "" || special && (strings.HasPrefix(spec, "meta:") || strings.HasPrefix(spec, "jsonld:")) {
		return nil
	}
	if _, err := cascadia.Compile(spec); err != nil {
		return fmt.Errorf("%s: %q is not a valid CSS selector: %v", field, spec, err)
	}
	return nil
}

// validateSourceSections refuses a source naming no section, a section
// twice, or a section that does not exist.
func validateSourceSections(secs []string, slugs map[string]bool) error {
	if len(secs) == 0 {
		return fmt.Errorf("sections: a source must name at least one section")
	}
	seen := map[string]bool{}
	for _, sec := range secs {
		if seen[sec] {
			return fmt.Errorf("sections: %q is listed twice", sec)
		}
		seen[sec] = true
		if !slugs[sec] {
			return fmt.Errorf("sections: no section with slug %q", sec)
		}
	}
	return nil
}
