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
