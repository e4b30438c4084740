package normalize

import (
	"regexp"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var hex32 = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestID(t *testing.T) {
	base := feedsvc.Article{GUID: "tag:e.org,2023:42", URL: "https://e.org/a?utm_source=rss", Title: "T", PublishedRaw: "2023-11-15"}
	with := func(f func(a *feedsvc.Article)) feedsvc.Article {
		a := base
		f(&a)
		return a
	}
	tests := []struct {
		name     string
		src1     string
		a1       feedsvc.Article
		src2     string
		a2       feedsvc.Article
		wantSame bool
	}{
		{"guid: title change keeps id", "s", base, "s", with(func(a *feedsvc.Article) { a.Title = "New title" }), true},
		{"guid: link change keeps id", "s", base, "s", with(func(a *feedsvc.Article) { a.URL = "https://e.org/b" }), true},
		{"guid: scoped by source", "s", base, "t", base, false},
		{"guid: whitespace ignored", "s", base, "s", with(func(a *feedsvc.Article) { a.GUID = " tag:e.org,2023:42\n" }), true},
		{"guid url equals link url", "s", with(func(a *feedsvc.Article) { a.GUID = "https://e.org/a" }),
			"t", with(func(a *feedsvc.Article) { a.GUID = ""; a.URL = "https://E.org/a#top" }), true},
		{"no guid: canonical link", "s", with(func(a *feedsvc.Article) { a.GUID = "" }),
			"s", with(func(a *feedsvc.Article) { a.GUID = ""; a.URL = "https://e.org:443/a?utm_medium=x"; a.Title = "Other" }), true},
		{"no guid: different link", "s", with(func(a *feedsvc.Article) { a.GUID = "" }),
			"s", with(func(a *feedsvc.Article) { a.GUID = ""; a.URL = "https://e.org/other" }), false},
		{"no guid no link: same hash", "s", feedsvc.Article{Title: "T", PublishedRaw: "x"}, "s", feedsvc.Article{Title: " T ", PublishedRaw: "x"}, true},
		{"no guid no link: title matters", "s", feedsvc.Article{Title: "T", PublishedRaw: "x"}, "s", feedsvc.Article{Title: "U", PublishedRaw: "x"}, false},
		{"no guid no link: date matters", "s", feedsvc.Article{Title: "T", PublishedRaw: "x"}, "s", feedsvc.Article{Title: "T", PublishedRaw: "y"}, false},
		{"untitled: text tells items apart", "s", feedsvc.Article{BodyText: "don’t"}, "s", feedsvc.Article{BodyText: "년"}, false},
		{"untitled: same text same id", "s", feedsvc.Article{BodyText: "a  b"}, "s", feedsvc.Article{BodyText: "a b"}, true},
		{"untitled: enclosure tells items apart", "s", feedsvc.Article{Attachments: []feedsvc.Attachment{{URL: "https://e.org/1.mp3"}}},
			"s", feedsvc.Article{Attachments: []feedsvc.Attachment{{URL: "https://e.org/2.mp3"}}}, false},
		{"untitled: image tells items apart", "s", feedsvc.Article{Images: []feedsvc.Image{{URL: "https://e.org/1.jpg"}}},
			"s", feedsvc.Article{Images: []feedsvc.Image{{URL: "https://e.org/2.jpg"}}}, false},
		{"titled: text does not change id", "s", feedsvc.Article{Title: "T", BodyText: "a"}, "s", feedsvc.Article{Title: "T", BodyText: "b"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id1, id2 := ID(tt.src1, &tt.a1), ID(tt.src2, &tt.a2)
			if !hex32.MatchString(id1) || !hex32.MatchString(id2) {
				t.Fatalf("got %q and %q, want 32 lower-case hex chars", id1, id2)
			}
			if (id1 == id2) != tt.wantSame {
				t.Errorf("got %q and %q, want same=%v", id1, id2, tt.wantSame)
			}
		})
	}
}
