package render

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// TestGofeedRoundTrip parses every format with gofeed, the parser most Go
// readers use, and checks that titles, links, dates, ids and authors
// survive.
func TestGofeedRoundTrip(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			ch := forFormat(richChannel(), format)
			f, err := gofeed.NewParser().Parse(bytes.NewReader(mustRender(t, format, ch)))
			if err != nil {
				t.Fatalf("gofeed: %v", err)
			}
			if f.Title != ch.Section.Title || f.Link != ch.HomeURL {
				t.Errorf("got feed title %q link %q, want %q %q", f.Title, f.Link, ch.Section.Title, ch.HomeURL)
			}
			if format != FormatJSON && (f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(ch.Updated)) {
				t.Errorf("got feed updated %v, want %v", f.UpdatedParsed, ch.Updated)
			}
			if len(f.Items) != len(ch.Articles) {
				t.Fatalf("got %d items, want %d", len(f.Items), len(ch.Articles))
			}
			for i, it := range f.Items {
				a := &ch.Articles[i]
				title := it.Title
				if format != FormatJSON {
					// gofeed gives RSS and Atom type="html" titles as HTML;
					// plain titles decode to themselves (rssText, atomTextOf).
					title = html.UnescapeString(title)
				}
				if title != a.Title || it.Link != a.URL || it.GUID != itemID(ch, a) {
					t.Errorf("item %d: got %q %q %q, want %q %q %q", i, title, it.Link, it.GUID, a.Title, a.URL, itemID(ch, a))
				}
				checkTime(t, i, "published", it.PublishedParsed, a.SortTime())
				wantAuthors := a.Authors
				if format == FormatRSS && len(a.Authors) > 0 {
					wantAuthors = []string{strings.Join(a.Authors, ", ")} // one dc:creator
				}
				if got := authorNames(it); !slices.Equal(got, wantAuthors) {
					t.Errorf("item %d: got authors %q, want %q", i, got, wantAuthors)
				}
				if !slices.Equal(it.Categories, a.Categories) {
					t.Errorf("item %d: got categories %q, want %q", i, it.Categories, a.Categories)
				}
				if it.Content == "" {
					t.Errorf("item %d: content lost", i)
				}
			}
		})
	}
}

func checkTime(t *testing.T, i int, what string, got *time.Time, want time.Time) {
	t.Helper()
	if got == nil || !got.Equal(want) {
		t.Errorf("item %d: got %s %v, want %v", i, what, got, want)
	}
}

// authorNames reads an item's authors; gofeed's RSS translator keeps only
// the first dc:creator in Authors, so RSS reads the extension directly.
func authorNames(it *gofeed.Item) []string {
	if it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
		return it.DublinCoreExt.Creator
	}
	var names []string
	for _, p := range it.Authors {
		names = append(names, p.Name)
	}
	return names
}
