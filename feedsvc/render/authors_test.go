package render

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestAuthorsInFull checks the form every format gives several authors.
// RSS carries them in one dc:creator, names joined by ", ": with one
// dc:creator per person newsboat and feedparser showed only the last
// name, sfeed and rss-parser only the first (checked with each real
// reader; the joined form is displayed completely by all four). Atom has
// one <author> per person, JSON Feed one authors[] member per person.
func TestAuthorsInFull(t *testing.T) {
	ch := richChannel()
	a := ch.Articles[0]
	if len(a.Authors) < 2 {
		t.Fatalf("fixture needs several authors, has %q", a.Authors)
	}
	rss := decodeRSS(t, mustRender(t, FormatRSS, forFormat(richChannel(), FormatRSS)))
	if diff := cmp.Diff([]string{strings.Join(a.Authors, ", ")}, rss.Channel.Items[0].Creators); diff != "" {
		t.Errorf("RSS dc:creator (-want +got):\n%s", diff)
	}
	if got := rss.Channel.Items[2].Creators; len(got) != 0 {
		t.Errorf("RSS item without authors: got dc:creator %q", got)
	}
	atom := decodeAtom(t, mustRender(t, FormatAtom, forFormat(richChannel(), FormatAtom)))
	if diff := cmp.Diff(a.Authors, atom.Entries[0].Authors); diff != "" {
		t.Errorf("Atom authors (-want +got):\n%s", diff)
	}
	_, items := decodeJSON(t, mustRender(t, FormatJSON, richChannel()))
	var names []string
	for _, p := range items[0].Authors {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff(a.Authors, names); diff != "" {
		t.Errorf("JSON authors (-want +got):\n%s", diff)
	}
}

// TestOneAuthorUnchanged: a single author is written as is.
func TestOneAuthorUnchanged(t *testing.T) {
	ch := &feedsvc.Channel{Articles: []feedsvc.Article{{ID: "x", Title: "t", Authors: []string{"Zheng Li"}}}}
	rss := decodeRSS(t, mustRender(t, FormatRSS, ch))
	if got := rss.Channel.Items[0].Creators; len(got) != 1 || got[0] != "Zheng Li" {
		t.Errorf("got dc:creator %q, want [\"Zheng Li\"]", got)
	}
}
