package config

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestParseErrorsSpeakTheFilesTerms(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"typo with suggestion", "interval: 15m", "intervall: 15m", "line 12: sources[0].intervall: unknown key (did you mean interval?)"},
		{"unknown without suggestion", "interval: 15m", "colour: red", "sources[0].colour: unknown key"},
		{"top-level typo", "websub:", "websubb:", "websubb: unknown key (did you mean websub?)"},
		{"nested list key", "language: zh-CN", "languag: zh-CN", "sections[0].languag: unknown key (did you mean language?)"},
		{"list where text", "kind: feed", "kind: [feed]", "sources[0].kind: want a single value"},
		{"text where list", "sections: [ent]", "sections: ent", "sources[0].sections: want a list"},
		{"not a number", "language: zh-CN", "limit: many", `sections[0].limit: "many" is not a whole number`},
		{"missing id", "id: workercn-ent", "id: \"\"", "sources[0]: id: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(strings.Replace(goodYAML, tt.from, tt.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want it to contain %q", err, tt.want)
			}
			for _, leak := range []string{"config.", "sourceYAML", "fileYAML", "feedsvc.", "Go struct", " into "} {
				if strings.Contains(err.Error(), leak) {
					t.Errorf("error names a Go type (%q): %v", leak, err)
				}
			}
		})
	}
}

func TestClosestKey(t *testing.T) {
	known := slices.Collect(maps.Keys(yamlFields(reflect.TypeFor[feedsvc.SourceSpec]())))
	for key, want := range map[string]string{"intervall": "interval", "sectons": "sections", "max-items": "max_items", "tz": "", "xyz": ""} {
		if got := feedsvc.NearestKey(key, known); got != want {
			t.Errorf("NearestKey(%q) = %q, want %q", key, got, want)
		}
	}
}
