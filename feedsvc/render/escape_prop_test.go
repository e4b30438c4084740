package render

import (
	"encoding/xml"
	"fmt"
	"html"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// nasty are fragments plain-text values are built from: markup, entity
// and CDATA look-alikes, quotes, controls, bidi marks, line ends.
var nasty = []string{"<script>alert(1)</script>", "<meta>", "&amp;", "&", "&lt;b&gt;", "&#x26;", "&nbsp;",
	"]]>", "<![CDATA[", "<!--", "-->", `"`, "'", "<", ">", "\x00", "\x1b", "\x7f", "\u0085", "\u009f",
	"\u200f", "\u202e", "\u2067", "\t", "\n", "\r\n", " ", "中文", "Tom & Jerry", "a", "x@y.z",
	"http://e.org/?a=1&b=2", "\xff", "\uFFFE", "%20", "\\", "—"}

// plainValues returns n pseudo-random plain-text values (fixed seed).
func plainValues(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 42))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(nasty[r.IntN(len(nasty))])
		}
		out[i] = b.String()
	}
	return out
}

// propChannel puts values into every text field of n articles and of the
// section; odd articles also carry sanitized HTML.
func propChannel(values []string, n int) *feedsvc.Channel {
	v := func(i int) string { return values[i%len(values)] }
	ch := &feedsvc.Channel{Section: feedsvc.Section{Slug: "p", Title: v(0), Description: v(1)},
		HomeURL: "https://feeds.example.org/sections/p", SelfURL: "https://feeds.example.org/sections/p/rss"}
	for i := range n {
		k := 10 * i
		a := feedsvc.Article{ID: fmt.Sprintf("a%03d", i), URL: fmt.Sprintf("https://e.org/%d", i),
			Title: v(k), Summary: v(k + 1), Kicker: v(k + 2), Subtitle: v(k + 3), BodyText: v(k + 4),
			Authors: []string{v(k + 5)}, Categories: []string{v(k + 6)}, Source: v(k + 7),
			Editor: v(k + 8), Rights: v(k + 9), SourceURL: "https://src.example.org/"}
		if i%2 == 1 {
			a.ContentHTML = `<p>kept <b>bold</b></p><img src="https://e.org/i.png" alt="x">`
		}
		ch.Articles = append(ch.Articles, a)
	}
	return ch
}

// textFields are the plain-text values an item must carry exactly.
type textFields struct {
	Title, Summary, Source, Editor, Rights string
	Authors, Categories                    []string
}

func wantFields(ch *feedsvc.Channel, i int) (textFields, string) {
	a := cleanArticle(&ch.Articles[i])
	return textFields{Title: itemTitle(&a), Summary: a.Summary, Source: a.Source, Editor: a.Editor,
		Rights: a.Rights, Authors: a.Authors, Categories: a.Categories}, contentHTML(&a)
}

// elements lists the start tags of an HTML fragment, in order.
func elements(t testing.TB, frag string) []string {
	t.Helper()
	z := xhtml.NewTokenizer(strings.NewReader(frag))
	var out []string
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return out
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			out = append(out, string(name))
		}
	}
}

// sanitizedElements are the elements a's content may hold: those of its
// sanitized ContentHTML plus the paragraphs wrapping kicker, subtitle
// and body text.
func sanitizedElements(t testing.TB, a *feedsvc.Article) []string {
	c := cleanArticle(a)
	els := elements(t, c.ContentHTML)
	for _, s := range []string{c.Kicker, c.Subtitle} {
		if s != "" {
			els = append(els, "p")
		}
	}
	if c.ContentHTML == "" && c.BodyText != "" {
		els = append(els, "p")
	}
	return els
}

// checkContent asserts got holds no element beyond the sanitized ones.
func checkContent(t *testing.T, where string, got string, a *feedsvc.Article) {
	t.Helper()
	want := sanitizedElements(t, a)
	els := elements(t, got)
	for _, e := range els {
		if i := slices.Index(want, e); i >= 0 {
			want = slices.Delete(want, i, i+1)
			continue
		}
		t.Errorf("%s: element <%s> not in the sanitized content: %q", where, e, got)
		return
	}
}

// fromHTML reads an HTML-typed text field back as text: a value that
// holds no element, with entities decoded.
func fromHTML(t *testing.T, where, s string) string {
	t.Helper()
	if els := elements(t, s); len(els) > 0 {
		t.Errorf("%s: text field holds elements %q: %q", where, els, s)
	}
	return html.UnescapeString(s)
}

func TestEscapingPropertyGo(t *testing.T) {
	for seed := range uint64(20) {
		ch := propChannel(plainValues(97, seed), 12)
		rss := decodeRSS(t, mustRender(t, FormatRSS, ch))
		atomBytes := mustRender(t, FormatAtom, ch)
		atom := decodeAtom(t, atomBytes)
		texts := decodeAtomTexts(t, atomBytes)
		_, js := decodeJSON(t, mustRender(t, FormatJSON, ch))
		c := cleanChannel(ch)
		for name, got := range map[string]string{
			"rss channel title": fromHTML(t, "rss channel title", rss.Channel.Title), "atom feed title": atom.Title,
		} {
			if got != feedTitle(c) {
				t.Errorf("seed %d %s: got %q, want %q", seed, name, got, feedTitle(c))
			}
		}
		if got := fromHTML(t, "rss channel description", rss.Channel.Description); got != feedDescription(c) {
			t.Errorf("seed %d rss channel description: got %q, want %q", seed, got, feedDescription(c))
		}
		for i := range ch.Articles {
			want, _ := wantFields(ch, i)
			where := fmt.Sprintf("seed %d item %d", seed, i)
			it, e, j := rss.Channel.Items[i], atom.Entries[i], js[i]
			checkEqual(t, where+" rss title", fromHTML(t, where, it.Title), want.Title)
			checkEqual(t, where+" rss description", fromHTML(t, where, it.Description), want.Summary)
			checkEqual(t, where+" rss dc:creator", strings.Join(it.Creators, "|"), strings.Join(want.Authors, ", "))
			checkEqual(t, where+" rss category", strings.Join(it.Categories, "|"), strings.Join(want.Categories, "|"))
			checkEqual(t, where+" rss source", it.Source, want.Source)
			checkEqual(t, where+" rss dc:contributor", it.Contributor, want.Editor)
			checkContent(t, where+" rss content:encoded", it.Content, &ch.Articles[i])
			checkEqual(t, where+" atom title", texts[i].Title.read(t, where), want.Title)
			checkEqual(t, where+" atom summary", texts[i].Summary.read(t, where), want.Summary)
			checkEqual(t, where+" atom rights", texts[i].Rights.read(t, where), want.Rights)
			checkEqual(t, where+" atom authors", strings.Join(e.Authors, "|"), strings.Join(want.Authors, "|"))
			checkEqual(t, where+" atom contributor", e.Contributor, want.Editor)
			checkEqual(t, where+" atom category", terms(e.Terms), strings.Join(want.Categories, "|"))
			checkContent(t, where+" atom content", e.Content.Body, &ch.Articles[i])
			checkEqual(t, where+" json title", j.Title, want.Title)
			checkEqual(t, where+" json summary", j.Summary, want.Summary)
			checkContent(t, where+" json content_html", j.ContentHTML, &ch.Articles[i])
			checkJSONText(t, where, j, &ch.Articles[i])
			if want.Source != "" {
				checkEqual(t, where+" atom source title", e.Source.Title, want.Source)
				checkEqual(t, where+" json _feedsvc.source", fmt.Sprint(j.Ext["source"]), want.Source)
			}
		}
	}
}

func checkEqual(t *testing.T, where, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %q, want %q", where, got, want)
	}
}

// TestCleanKeepsText: cleaning removes only what XML cannot carry (C0
// controls but tab and LF, U+FFFE/FFFF) and C1 controls, which readers
// remap as Windows-1252; marks, quotes, DEL and markup characters stay.
func TestCleanKeepsText(t *testing.T) {
	in := "\u200f<script>&amp;]]>\"'\u202e\x1b\u0085\u009f\x7fz"
	if got, want := cleanText(in), "\u200f<script>&amp;]]>\"'\u202e\x7fz"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func terms(cs []struct {
	Term string `xml:"term,attr"`
}) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Term)
	}
	return strings.Join(out, "|")
}

// atomTextEl is an Atom text construct with its type.
type atomTextEl struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// read returns the text a reader shows: HTML decoded when type="html".
func (x atomTextEl) read(t *testing.T, where string) string {
	if x.Type == "html" {
		return fromHTML(t, where, x.Body)
	}
	return x.Body
}

// atomTexts are an entry's text constructs.
type atomTexts struct {
	Title   atomTextEl `xml:"title"`
	Summary atomTextEl `xml:"summary"`
	Rights  atomTextEl `xml:"rights"`
}

func decodeAtomTexts(t *testing.T, b []byte) []atomTexts {
	t.Helper()
	var f struct {
		Entries []atomTexts `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Entries
}

// checkJSONText compares the JSON Feed fields not covered above: authors,
// tags, content_text and the _feedsvc extension's texts.
func checkJSONText(t *testing.T, where string, j parsedJSONItem, src *feedsvc.Article) {
	t.Helper()
	a := cleanArticle(src)
	var names []string
	for _, p := range j.Authors {
		names = append(names, p.Name)
	}
	checkEqual(t, where+" json authors", strings.Join(names, "|"), strings.Join(a.Authors, "|"))
	checkEqual(t, where+" json tags", strings.Join(j.Tags, "|"), strings.Join(a.Categories, "|"))
	if a.ContentHTML == "" {
		checkEqual(t, where+" json content_text", j.ContentText, contentText(&a))
	}
	for key, want := range map[string]string{"kicker": a.Kicker, "subtitle": a.Subtitle, "editor": a.Editor, "source": a.Source} {
		got, _ := j.Ext[key].(string)
		checkEqual(t, where+" json _feedsvc."+key, got, want)
	}
}
