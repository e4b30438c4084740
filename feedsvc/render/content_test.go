package render

import (
	"errors"
	"strings"
	"testing"
	"unsafe"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestItemID(t *testing.T) {
	tests := []struct {
		name, home, self, id, want string
	}{
		{name: "home host", home: "https://News.Example.org:8443/s/x", self: "https://other.org/rss", id: "abc", want: "tag:news.example.org,2026:abc"},
		{name: "self fallback", self: "http://feeds.example.net/s/x/atom", id: "0f1e", want: "tag:feeds.example.net,2026:0f1e"},
		{name: "no urls", id: "abc", want: "tag:localhost,2026:abc"},
		{name: "escaped id", home: "https://e.org/", id: "a b/ü%", want: "tag:e.org,2026:a%20b/%C3%BC%25"},
		{name: "ipv6 host", home: "http://[::1]:8080/", id: "x", want: "tag:--1,2026:x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ch := &feedsvc.Channel{HomeURL: tc.home, SelfURL: tc.self}
			if got := itemID(ch, &feedsvc.Article{ID: tc.id}); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestItemIDWithoutArticleID(t *testing.T) {
	ch := &feedsvc.Channel{HomeURL: "https://e.org/"}
	a := &feedsvc.Article{URL: "https://e.org/a", Title: "A"}
	b := &feedsvc.Article{URL: "https://e.org/b", Title: "A"}
	idA, idB := itemID(ch, a), itemID(ch, b)
	if !strings.HasPrefix(idA, "tag:e.org,2026:h") || idA == idB || idA != itemID(ch, a) {
		t.Errorf("got %q and %q, want distinct stable tag: URIs", idA, idB)
	}
}

func TestFeedID(t *testing.T) {
	tests := []struct{ name, slug, want string }{
		{name: "slug", slug: "ent", want: "tag:e.org,2026:sections/ent"},
		{name: "combined", slug: "", want: "tag:e.org,2026:sections/all"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ch := &feedsvc.Channel{HomeURL: "https://e.org/x", Section: feedsvc.Section{Slug: tc.slug}}
			if got := feedID(ch); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "plain", in: "中文 text", want: "中文 text"},
		{name: "controls", in: "a\x00b\x1bc\x7fd", want: "abc\x7fd"},
		{name: "keeps tab newline", in: "a\tb\nc", want: "a\tb\nc"},
		{name: "carriage returns", in: "a\r\nb\rc", want: "a\nb\nc"},
		{name: "invalid utf8", in: "a\xffb", want: "a\uFFFDb"},
		{name: "surrogate bytes", in: "a\xed\xa0\x80b", want: "a\uFFFDb"},
		{name: "non-characters", in: "a\uFFFEb\uFFFF", want: "ab"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanText(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMimeType(t *testing.T) {
	tests := []struct{ name, url, def, want string }{
		{name: "jpg", url: "https://e.org/a/B.JPG", def: "image/jpeg", want: "image/jpeg"},
		{name: "png with query", url: "https://e.org/a.png?x=a.gif", def: "image/jpeg", want: "image/png"},
		{name: "webp", url: "//e.org/a.webp", def: "image/jpeg", want: "image/webp"},
		{name: "mp3", url: "https://e.org/a.mp3", def: "application/octet-stream", want: "audio/mpeg"},
		{name: "unknown", url: "https://e.org/img?id=3", def: "image/jpeg", want: "image/jpeg"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mimeType(tc.url, tc.def); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestContentComposition(t *testing.T) {
	tests := []struct {
		name string
		a    feedsvc.Article
		html string
		text string
	}{
		{name: "all parts", a: feedsvc.Article{Kicker: "K&", Subtitle: "S<", ContentHTML: "<p>B</p>"},
			html: "<p class=\"kicker\">K&amp;</p>\n<p class=\"subtitle\">S&lt;</p>\n<p>B</p>", text: "K&\n\nS<"},
		{name: "body text only", a: feedsvc.Article{BodyText: "a < b", Summary: "s"},
			html: "<p>a &lt; b</p>", text: "a < b"},
		{name: "summary only", a: feedsvc.Article{Summary: "s", Title: "T"}, html: "", text: "s"},
		{name: "title only", a: feedsvc.Article{Title: "T"}, html: "", text: "T"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := contentHTML(&tc.a); got != tc.html {
				t.Errorf("html: got %q, want %q", got, tc.html)
			}
			if got := contentText(&tc.a); got != tc.text {
				t.Errorf("text: got %q, want %q", got, tc.text)
			}
		})
	}
}

func TestContentTypeAndRender(t *testing.T) {
	tests := []struct{ name, format, want string }{
		{name: "rss", format: FormatRSS, want: "application/rss+xml; charset=utf-8"},
		{name: "atom", format: FormatAtom, want: "application/atom+xml; charset=utf-8"},
		{name: "json", format: FormatJSON, want: "application/feed+json; charset=utf-8"},
		{name: "unknown", format: "opml", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ContentType(tc.format); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			_, err := Render(tc.format, emptyChannel())
			if (err != nil) != (tc.want == "") {
				t.Errorf("Render(%q): got error %v", tc.format, err)
			}
			if tc.want == "" && !errors.Is(err, feedsvc.ErrUnknownKind) {
				t.Errorf("got %v, want ErrUnknownKind", err)
			}
		})
	}
}

// TestIDSchemeWins: the stored scheme, not the channel's URLs, makes ids.
func TestIDSchemeWins(t *testing.T) {
	ch := &feedsvc.Channel{HomeURL: "https://new.example.net/s/x", Section: feedsvc.Section{Slug: "s"},
		IDs: feedsvc.IDScheme{Authority: "old.example.org", Date: "2025-03-01"}}
	a := &feedsvc.Article{ID: "abc"}
	if got, want := itemID(ch, a), "tag:old.example.org,2025-03-01:abc"; got != want {
		t.Errorf("itemID: got %q, want %q", got, want)
	}
	if got, want := feedID(ch), "tag:old.example.org,2025-03-01:sections/s"; got != want {
		t.Errorf("feedID: got %q, want %q", got, want)
	}
}

// TestUntitledItemTitle: an item without a title is headed by the start
// of its summary (else body text), cut by feedsvc.Truncate at 80 runes.
func TestUntitledItemTitle(t *testing.T) {
	long := strings.Repeat("word ", 15) + "tail of the summary goes on"
	cjk := strings.Repeat("近年来各地非遗保护工作取得新进展", 6)
	tests := []struct {
		name string
		a    feedsvc.Article
		want string
	}{
		{"title", feedsvc.Article{Title: "T", Summary: long}, "T"},
		{"short summary", feedsvc.Article{Summary: "A short summary"}, "A short summary"},
		{"long summary cut at a word", feedsvc.Article{Summary: long}, strings.Repeat("word ", 15) + "tail…"},
		{"body text by characters", feedsvc.Article{BodyText: cjk}, string([]rune(cjk)[:80]) + "…"},
		{"url", feedsvc.Article{URL: "https://n.example/a"}, "https://n.example/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := itemTitle(&tt.a); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// cleanTextCases cover each branch of xmlClean: every class of character
// cleanText keeps, drops or rewrites, at the start, middle and end.
var cleanTextCases = []string{
	"", "plain", "tab\tand\nnewline", "cr\r", "\r\n", "a\x00b", "\x1f", "\x7f del",
	"C1 \u0085 \u009f", "\u00a0nbsp", "中文 text", "\ufffd literal", "\xff", "bad \xe4\xb8",
	"\xed\xa0\x80 surrogate", "\ufffe", "\uffff", "\U0001F600 emoji", "\U0010FFFF",
	"\ue000 private", "\ud7ff", "]]>", "<&>\"'",
}

// TestCleanTextFastPath: cleanText equals its definition on the cases
// above and on every string of the rich and empty fixtures' articles.
func TestCleanTextFastPath(t *testing.T) {
	in := append([]string(nil), cleanTextCases...)
	for _, ch := range []*feedsvc.Channel{richChannel(), emptyChannel()} {
		for _, a := range ch.Articles {
			in = append(in, a.Title, a.Summary, a.ContentHTML, a.BodyText, a.URL, a.Kicker, a.Subtitle)
			in = append(in, a.Authors...)
		}
	}
	for _, s := range in {
		if got, want := cleanText(s), cleanTextSlow(s); got != want {
			t.Errorf("cleanText(%q) = %q, definition gives %q", s, got, want)
		}
	}
	if s := "clean text 中文"; unsafe.StringData(cleanText(s)) != unsafe.StringData(s) {
		t.Error("clean text was copied")
	}
}
