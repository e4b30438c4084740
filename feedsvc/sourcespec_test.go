package feedsvc

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var fullSource = Source{ID: "x", URL: "https://x.example/feed", Kind: KindHTML, Sections: []string{"ent"},
	Timezone: "Asia/Shanghai", Interval: 20 * time.Minute, MaxItems: 50, Rights: "© X", Fulltext: FulltextAlways,
	List:    ListRules{Item: "li", Link: "a", Pages: 2},
	Article: ArticleRules{Title: "meta:og:title", Body: ".story", Remove: []string{".ad"}}}

// TestSourceJSONRoundTrip: a source survives its wire form, with the
// interval as a duration string.
func TestSourceJSONRoundTrip(t *testing.T) {
	b, err := json.Marshal(fullSource)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"interval":"20m0s"`) || !strings.Contains(string(b), `"max_items":50`) {
		t.Errorf("wire form %s: want interval as a duration string and max_items", b)
	}
	var got Source
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(fullSource, got, cmpopts.IgnoreFields(Source{}, "Location")); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
}

// TestSourceReadsNanoseconds: the form stored before the interval became
// a duration string (nanoseconds) still reads.
func TestSourceReadsNanoseconds(t *testing.T) {
	for raw, want := range map[string]time.Duration{
		`{"id":"a","interval":900000000000}`: 15 * time.Minute,
		`{"id":"a","interval":0}`:            0,
		`{"id":"a","interval":"1h30m"}`:      90 * time.Minute,
		`{"id":"a","interval":null}`:         0,
		`{"id":"a"}`:                         0,
	} {
		var s Source
		if err := json.Unmarshal([]byte(raw), &s); err != nil || s.Interval != want || s.ID != "a" {
			t.Errorf("%s: got %v %v, want interval %v", raw, s.Interval, err, want)
		}
	}
	for _, raw := range []string{`{"interval":"soon"}`, `{"interval":1.5e3}`, `{"interval":true}`} {
		var s Source
		if err := json.Unmarshal([]byte(raw), &s); err == nil {
			t.Errorf("%s: accepted as %v", raw, s.Interval)
		}
	}
}

// TestSourceSpecKeysAgree: the YAML file and JSON (admin API, stored
// catalogs) name every field alike.
func TestSourceSpecKeysAgree(t *testing.T) {
	typ := reflect.TypeFor[SourceSpec]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		j, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if y := f.Tag.Get("yaml"); j != y || j == "" {
			t.Errorf("field %s: json key %q, yaml key %q", f.Name, j, y)
		}
	}
}

func TestValidateSourceNamesTheField(t *testing.T) {
	slugs := map[string]bool{"ent": true}
	ok := func() Source { return Source{ID: "x", URL: "https://x.example/", Sections: []string{"ent"}} }
	for _, tt := range []struct {
		name, field, msg string
		edit             func(*Source)
		allowFile        bool
	}{
		{"missing id", "id", "id: missing", func(s *Source) { s.ID = "" }, false},
		{"file url", "url", `url: "file:///etc/passwd" is not an absolute http(s) URL`, func(s *Source) { s.URL = "file:///etc/passwd" }, false},
		{"kind", "kind", `kind: "rss" is not feed or html`, func(s *Source) { s.Kind = "rss" }, false},
		{"unknown section", "sections", `sections: no section with slug "world"`, func(s *Source) { s.Sections = []string{"world"} }, false},
		{"zone", "timezone", `timezone: unknown zone "Mars/X"`, func(s *Source) { s.Timezone = "Mars/X" }, false},
		{"interval", "interval", "interval: 1s is outside 10s..168h", func(s *Source) { s.Interval = time.Second }, false},
		{"max items", "max_items", "max_items: -1 is outside 0..10000", func(s *Source) { s.MaxItems = -1 }, false},
		{"fulltext", "fulltext", `fulltext: "some" is not auto, always or never`, func(s *Source) { s.Fulltext = "some" }, false},
		{"pages", "list.pages", "list.pages: 21 is outside 0..20", func(s *Source) { s.List.Pages = 21 }, false},
		{"selector", "article.body", `article.body: "div >> p" is not a valid CSS selector`, func(s *Source) { s.Article.Body = "div >> p" }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := ok()
			tt.edit(&s)
			err := ValidateSource(&s, slugs, tt.allowFile)
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != tt.field || !strings.HasPrefix(err.Error(), tt.msg) || !errors.Is(err, ErrInvalid) {
				t.Errorf("got %v, want a ValidationError on %s starting %q", err, tt.field, tt.msg)
			}
		})
	}
	s := ok()
	s.URL, s.Timezone = "file:///srv/feed.xml", "Asia/Shanghai"
	if err := ValidateSource(&s, slugs, true); err != nil || s.Interval != DefaultInterval || s.Loc().String() != "Asia/Shanghai" {
		t.Errorf("file: source from a configuration file: %v, interval %v, zone %v", err, s.Interval, s.Loc())
	}
	if _, err := (SourceSpec{Interval: "soon"}).Source(); err == nil || err.Error() != `interval: "soon" is not a duration like 15m` {
		t.Errorf("bad interval: got %v", err)
	}
}
