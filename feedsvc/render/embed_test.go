package render

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

const ytSrc = "https://www.youtube.com/embed/abc?x=1&amp;y=2"

func TestEmbedLinks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<p>Watch:</p><iframe src="` + ytSrc + `" width="560" height="315" allowfullscreen="" frameborder="0"></iframe><p>after</p>`,
			`<p>Watch:</p><a href="` + ytSrc + `">` + ytSrc + `</a><p>after</p>`},
		{`<p>a <IFRAME SRC="https://player.vimeo.com/video/1">fallback <b>text</b></IFRAME> b</p>`,
			`<p>a <a href="https://player.vimeo.com/video/1">https://player.vimeo.com/video/1</a> b</p>`},
		{`<p>x</p><iframe width="5"></iframe><p>y</p>`, `<p>x</p><p>y</p>`},
		{`<p title="iframe">no embed &amp; <i>kept</i> as is</p>`, `<p title="iframe">no embed &amp; <i>kept</i> as is</p>`},
	} {
		if got := embedLinks(tc.in); got != tc.want {
			t.Errorf("embedLinks(%q):\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestXMLFormatsLinkEmbeds: RSS content:encoded and Atom content carry a
// link to the video instead of the iframe (W3C SecurityRisk "should not
// contain iframe tag"); JSON Feed content_html keeps the sanitized embed.
func TestXMLFormatsLinkEmbeds(t *testing.T) {
	ch := &feedsvc.Channel{HomeURL: "https://feeds.example.org/sections/v", Articles: []feedsvc.Article{{
		ID: "v", Title: "Video", URL: "https://e.org/v",
		ContentHTML: `<p>Watch</p><iframe src="` + ytSrc + `" width="560"></iframe>`,
	}}}
	want := `<a href="` + ytSrc + `">`
	rss := decodeRSS(t, mustRender(t, FormatRSS, ch)).Channel.Items[0].Content
	atom := decodeAtom(t, mustRender(t, FormatAtom, ch)).Entries[0].Content.Body
	for name, body := range map[string]string{"rss": rss, "atom": atom} {
		if strings.Contains(body, "<iframe") || !strings.Contains(body, want) {
			t.Errorf("%s content: got %q, want the iframe replaced by %q", name, body, want)
		}
	}
	_, items := decodeJSON(t, mustRender(t, FormatJSON, ch))
	if !strings.Contains(items[0].ContentHTML, `<iframe src="`+ytSrc) {
		t.Errorf("json content_html: got %q, want the sanitized iframe kept", items[0].ContentHTML)
	}
}

// FuzzEmbedLinks: the shortcut finds exactly the "<iframe" an
// ASCII-lowered copy of the input holds, and embedLinks returns what it
// returned when it searched a strings.ToLower copy. The one rune that
// lowering maps onto "<iframe" is U+0130 (İ → i), which no tag name can
// start with; with it the old search ran the tokenizer pass, which drops a
// truncated tag at the end.
func FuzzEmbedLinks(f *testing.F) {
	for _, s := range []string{`<p>a<IFRAME src="x"></IFRAME></p>`, `<p>x</p><iframe width="5">`, "<\u0130frame src=x>",
		`<p title="iframe">t</p>`, "a<ifram", "<<iFrAmE", "\x00<iframe\x00", "<i\u212aframe"} {
		f.Add(s)
	}
	lowerASCII := func(s string) string {
		return strings.Map(func(r rune) rune {
			if 'A' <= r && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, s)
	}
	before := func(s string) string {
		if !strings.Contains(strings.ToLower(s), "<iframe") {
			return s
		}
		return rewriteEmbeds(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		has := hasTagOpen(s, "iframe")
		if want := strings.Contains(lowerASCII(s), "<iframe"); has != want {
			t.Fatalf("hasTagOpen(%q) = %v, want %v", s, has, want)
		}
		if strings.ContainsRune(s, '\u0130') {
			return
		}
		if got, want := embedLinks(s), before(s); got != want {
			t.Fatalf("embedLinks(%q) = %q, before the shortcut %q", s, got, want)
		}
	})
}
