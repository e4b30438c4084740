package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"strings"
	"testing"
	"time"
)

// FuzzRender feeds arbitrary article text (control characters, "]]>",
// markup, invalid UTF-8) through all three renderers and checks that the
// XML is well-formed, the JSON valid, and that a parser reads back exactly
// the cleaned title and HTML body in every format.
func FuzzRender(f *testing.F) {
	f.Add("plain title", "<p>body</p>", "cat", "Author")
	f.Add("a\x00b\x01c\x1f", "]]>", "<cat>", "\xff\xfe")
	f.Add("]]>]]]]>", "<![CDATA[x]]>", "&amp;", "\"'")
	f.Add("\xed\xa0\x80 surrogate", "line\r\nbreak\rcr", "\uFFFE", "\t\n")
	f.Add("<script>alert(1)</script>", "&nbsp; & < >", "分类", "作者\x0b")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, title, body, category, author string) {
		ch := richChannel()
		a := &ch.Articles[0]
		a.Title, a.ContentHTML, a.Kicker, a.Summary = title, body, category, body
		a.Categories = []string{category}
		a.Authors = []string{author}
		a.Images[0].Caption = title
		want := cleanArticle(a)
		wantTitle, wantHTML := itemTitle(&want), contentHTML(&want)

		for _, format := range []string{FormatRSS, FormatAtom} {
			checkWellFormed(t, format, mustRender(t, format, ch))
		}
		rss := decodeRSS(t, mustRender(t, FormatRSS, ch))
		atom := decodeAtom(t, mustRender(t, FormatAtom, ch))
		js := mustRender(t, FormatJSON, ch)
		if !json.Valid(js) {
			t.Fatalf("invalid JSON:\n%s", js)
		}
		_, items := decodeJSON(t, js)
		got := map[string][2]string{
			"rss":  {html.UnescapeString(rss.Channel.Items[0].Title), rss.Channel.Items[0].Content},
			"atom": {html.UnescapeString(atom.Entries[0].Title), atom.Entries[0].Content.Body},
			"json": {items[0].Title, items[0].ContentHTML + items[0].ContentText},
		}
		for name, g := range got {
			if g[0] != wantTitle {
				t.Errorf("%s title: got %q, want %q", name, g[0], wantTitle)
			}
			if name != "json" && g[1] != wantHTML {
				t.Errorf("%s content: got %q, want %q", name, g[1], wantHTML)
			}
		}
		if want.ContentHTML != "" && items[0].ContentHTML != wantHTML {
			t.Errorf("json content_html: got %q, want %q", items[0].ContentHTML, wantHTML)
		}
	})
}

// checkWellFormed reads every token of b with a strict decoder.
func checkWellFormed(t *testing.T, format string, b []byte) {
	t.Helper()
	if !strings.HasPrefix(string(b), xml.Header) {
		t.Errorf("%s: missing XML declaration", format)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s not well-formed: %v\n%s", format, err, b)
		}
	}
}

func benchmarkRender(b *testing.B, format string) {
	ch := bigChannel(50)
	ch.Updated = time.Date(2023, 11, 15, 1, 0, 0, 0, time.UTC)
	var n int
	for b.Loop() {
		out, err := Render(format, ch)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.SetBytes(int64(n))
}

func BenchmarkRenderRSS(b *testing.B)  { benchmarkRender(b, FormatRSS) }
func BenchmarkRenderAtom(b *testing.B) { benchmarkRender(b, FormatAtom) }
func BenchmarkRenderJSON(b *testing.B) { benchmarkRender(b, FormatJSON) }

// FuzzCleanTextFast: the one-pass check that lets cleanText return its
// input agrees with cleanText's definition on every string.
func FuzzCleanTextFast(f *testing.F) {
	for _, s := range cleanTextCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanText(s), cleanTextSlow(s); got != want {
			t.Fatalf("cleanText(%q) = %q, definition gives %q", s, got, want)
		}
	})
}
