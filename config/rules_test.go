package config

import (
	"strings"
	"testing"
)

// TestParseRefusesBadRulesAndRepeatedSections: the YAML file refuses what
// the admin API refuses (both go through ValidateSource), with the same
// field-named message: a CSS selector the extractor could never match, a
// section named twice in one source.
func TestParseRefusesBadRulesAndRepeatedSections(t *testing.T) {
	head := "sections:\n  - slug: ent\n    title: Ent\nsources:\n  - id: x\n    url: https://x.example/\n"
	for _, tt := range []struct{ name, yaml, want string }{
		{"list selector", "    kind: html\n    sections: [ent]\n    list: {item: '[[[['}\n", `list.item: "[[[[" is not a valid CSS selector`},
		{"article selector", "    sections: [ent]\n    article: {body: 'div >> p'}\n", `article.body: "div >> p" is not a valid CSS selector`},
		{"remove selector", "    sections: [ent]\n    article: {remove: ['.ad', '[[[']}\n", `article.remove: "[[[" is not a valid CSS selector`},
		{"duplicate section", "    sections: [ent, ent]\n", `sections: "ent" is listed twice`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(head + tt.yaml))
			if err == nil || !strings.Contains(err.Error(), "sources[0] (x): "+tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	ok := "    kind: html\n    sections: [ent]\n    list: {item: 'ul.news > li', link: a}\n    article: {title: 'meta:og:title', authors: 'jsonld:author', remove: ['.ad']}\n"
	if _, err := parse([]byte(head + ok)); err != nil {
		t.Errorf("valid rules refused: %v", err)
	}
}
