package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Bidi embedding, override and isolate controls reorder what follows them
// ("invoice\u202egnp.exe" shows as "invoiceexe.png"); one-line fields lose
// them, implicit marks stay.
func TestOneLineFieldsDropBidiControls(t *testing.T) {
	in := feedsvc.Article{
		URL:        "https://example.org/a",
		Title:      "invoice\u202egnp.exe",
		Kicker:     "\u2066kicker\u2069",
		Subtitle:   "sub\u202atitle\u202c",
		Source:     "src\u202d",
		Editor:     "\u2067ed\u2068itor",
		Authors:    []string{"Ali\u202ece"},
		Categories: []string{"cat\u202b"},
	}
	out := Articles([]feedsvc.Article{in}, Options{Source: &feedsvc.Source{ID: "s"}})
	if len(out) != 1 {
		t.Fatalf("got %d articles", len(out))
	}
	a := out[0]
	fields := map[string]string{"title": a.Title, "kicker": a.Kicker, "subtitle": a.Subtitle,
		"source": a.Source, "editor": a.Editor, "author": strings.Join(a.Authors, ","), "category": strings.Join(a.Categories, ",")}
	want := map[string]string{"title": "invoicegnp.exe", "kicker": "kicker", "subtitle": "subtitle",
		"source": "src", "editor": "editor", "author": "Alice", "category": "cat"}
	for k, v := range fields {
		if v != want[k] {
			t.Errorf("%s = %q, want %q", k, v, want[k])
		}
	}
	if got := collapse("שלום\u200f abc\u200e"); got != "שלום\u200f abc\u200e" {
		t.Errorf("implicit marks removed: %q", got)
	}
}

// One-line fields are capped at maxLineRunes characters on a character
// boundary; short values are untouched.
func TestOneLineFieldsCapped(t *testing.T) {
	long := strings.Repeat("标题", maxLineRunes) // 2,000 runes, 6,000 bytes
	in := feedsvc.Article{URL: "https://example.org/a", Title: long, Authors: []string{strings.Repeat("a", 5000)}}
	a := Articles([]feedsvc.Article{in}, Options{Source: &feedsvc.Source{ID: "s"}})[0]
	if n := utf8.RuneCountInString(a.Title); n != maxLineRunes || !utf8.ValidString(a.Title) || !strings.HasPrefix(long, a.Title) {
		t.Fatalf("title: %d runes, valid %v", n, utf8.ValidString(a.Title))
	}
	if len(a.Authors) != 1 || len(a.Authors[0]) != maxLineRunes {
		t.Fatalf("author capped to %d", len(a.Authors[0]))
	}
	for _, s := range []string{"", "short", strings.Repeat("é", maxLineRunes)} {
		if got := capLine(s); got != s {
			t.Errorf("capLine(%d runes) changed it", utf8.RuneCountInString(s))
		}
	}
}
