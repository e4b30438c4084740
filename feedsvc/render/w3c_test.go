package render

import (
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestArchiveLinksCurrent: an RFC 5005 archive document links to the
// subscription document (rel="current"; W3C: "Current link not found in
// archive feed").
func TestArchiveLinksCurrent(t *testing.T) {
	for _, format := range []string{FormatRSS, FormatAtom} {
		ch := forFormat(richChannel(), format)
		var links []xmlLink
		if format == FormatRSS {
			links = decodeRSS(t, mustRender(t, format, ch)).Channel.Links
		} else {
			links = decodeAtom(t, mustRender(t, format, ch)).Links
		}
		if got := atomLinks(links, "current"); len(got) != 1 || got[0] != ch.FeedURLs[format] {
			t.Errorf("%s archive: got rel=current %q, want [%q]", format, got, ch.FeedURLs[format])
		}
		ch.Archive = false
		if format == FormatAtom {
			if got := atomLinks(decodeAtom(t, mustRender(t, format, ch)).Links, "current"); len(got) != 0 {
				t.Errorf("atom subscription document: got rel=current %q", got)
			}
		}
	}
}

// TestEmptyFeedUpdated: a channel without articles still has a plausible,
// fixed updated time (W3C: "Implausible date" for 1970): the date of the
// id scheme, the day this deployment started publishing.
func TestEmptyFeedUpdated(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"", "2026-01-01T00:00:00Z"},
		{"2027-03", "2027-03-01T00:00:00Z"},
		{"2027-03-09", "2027-03-09T00:00:00Z"},
	} {
		ch := emptyChannel()
		ch.IDs = feedsvc.IDScheme{Authority: "e.org", Date: tc.date}
		p := decodeAtom(t, mustRender(t, FormatAtom, ch))
		if p.Updated != tc.want {
			t.Errorf("date %q: got updated %q, want %q", tc.date, p.Updated, tc.want)
		}
		if u, _ := time.Parse(time.RFC3339, p.Updated); !strings.HasPrefix(p.Updated, "20") || u.IsZero() {
			t.Errorf("date %q: implausible updated %q", tc.date, p.Updated)
		}
	}
}

// TestW3CItemRules covers what the W3C validator reported on channels
// built from the shared fixtures: an empty RSS <link>, a bare "&" in an
// RSS description (read as HTML), Atom text that reads as HTML declared
// type="text", an Atom entry with neither content nor alternate link, and
// blank titles.
func TestW3CItemRules(t *testing.T) {
	ch := &feedsvc.Channel{HomeURL: "https://feeds.example.org/sections/x", Articles: []feedsvc.Article{
		{ID: "a", Title: "<p>Item Description</p>", Summary: "see https://e.org/?id=1&hl=en", URL: "https://e.org/a"},
		{ID: "b", Attachments: []feedsvc.Attachment{{URL: "https://e.org/audio.m4a", Title: "Episode 7"}}},
		{ID: "c", Attachments: []feedsvc.Attachment{{URL: "https://e.org/pod/ep8.mp3"}}},
		{ID: "d", Title: "Aus 1&1 wird 1&1 Ionos", URL: "https://e.org/d"},
	}}
	rss := string(mustRender(t, FormatRSS, ch))
	if strings.Contains(rss, "<link></link>") {
		t.Errorf("RSS item without URL has an empty <link>:\n%s", rss)
	}
	p := decodeRSS(t, []byte(rss))
	if got := p.Channel.Items[0].Description; got != "see https://e.org/?id=1&amp;hl=en" {
		t.Errorf("RSS description: got %q, want the HTML-escaped text", got)
	}
	for i, want := range []string{"<p>Item Description</p>", "Episode 7", "ep8.mp3"} {
		if got := fromHTML(t, "rss title", p.Channel.Items[i].Title); got != want {
			t.Errorf("RSS item %d title: got %q, want %q", i, got, want)
		}
	}
	atom := string(mustRender(t, FormatAtom, ch))
	if !strings.Contains(atom, `<title type="html">&amp;lt;p&amp;gt;Item Description&amp;lt;/p&amp;gt;</title>`) {
		t.Errorf("Atom title that reads as HTML is not declared type=\"html\":\n%s", atom)
	}
	if !strings.Contains(atom, `<title type="html">Aus 1&amp;amp;1 wird 1&amp;amp;1 Ionos</title>`) {
		t.Errorf("Atom title with \"&\" is not declared type=\"html\":\n%s", atom)
	}
	for i, e := range decodeAtom(t, []byte(atom)).Entries {
		if len(atomLinks(e.Links, "alternate")) == 0 && e.Content.Body == "" {
			t.Errorf("Atom entry %d has neither content nor an alternate link", i)
		}
	}
}

// TestArchiveLinksNext: an archive document links the next newer archive
// (RFC 5005 rel="next-archive"); the oldest archive has no prev-archive,
// and without next-archive W3C warns "Archive incomplete".
func TestArchiveLinksNext(t *testing.T) {
	for _, format := range []string{FormatRSS, FormatAtom} {
		ch := forFormat(richChannel(), format)
		ch.PrevArchiveURL = ""
		ch.NextArchiveURL = "https://feeds.example.org/sections/ent/archive/2023-12/" + format
		var links []xmlLink
		if format == FormatRSS {
			links = decodeRSS(t, mustRender(t, format, ch)).Channel.Links
		} else {
			links = decodeAtom(t, mustRender(t, format, ch)).Links
		}
		if got := atomLinks(links, "next-archive"); len(got) != 1 || got[0] != ch.NextArchiveURL {
			t.Errorf("%s archive: got rel=next-archive %q, want [%q]", format, got, ch.NextArchiveURL)
		}
	}
	ch := richChannel()
	ch.NextArchiveURL = "https://feeds.example.org/sections/ent/archive/2023-12/json"
	if doc := string(mustRender(t, FormatJSON, ch)); strings.Contains(doc, "archive") {
		t.Errorf("JSON Feed has no archive-link convention; got:\n%s", doc)
	}
}
