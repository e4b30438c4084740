package parse

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
	"github.com/mmcdole/gofeed"
)

func TestFeedRepairs(t *testing.T) {
	tests := []struct {
		name, body string
		wantTitle  string
		wantURL    string
	}{
		{"bare ampersand in link", `<rss version="2.0"><channel><title>t</title><item><title>A & B</title>` +
			`<link>http://e.org/?a=1&b=2</link></item></channel></rss>`, "A & B", "http://e.org/?a=1&b=2"},
		{"truncated document", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>` +
			`<item><title>one</title><link>http://e.org/1</link></item><item><title>two</title><link>http://e.org/2</link>`,
			"one", "http://e.org/1"},
		{"atom inside xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>` +
			`<feed xmlns="http://www.w3.org/2005/Atom"><title>f</title><entry><title>e</title>` +
			`<link href="http://e.org/e"/></entry></feed></body></html>`, "e", "http://e.org/e"},
		{"comment before declaration", "<!-- hi -->\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
			`<rss version="2.0"><channel><item><title>c</title><link>http://e.org/c</link></item></channel></rss>`,
			"c", "http://e.org/c"},
		{"undeclared prefixes", `<rss version="2.0"><channel><item><title>u</title><dc:creator>Jo</dc:creator>` +
			`<link>http://e.org/u</link></item></channel></rss>`, "u", "http://e.org/u"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, arts, err := Feed([]byte(tt.body), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) == 0 {
				t.Fatal("no items")
			}
			if arts[0].Title != tt.wantTitle || arts[0].URL != tt.wantURL {
				t.Errorf("got %q %q, want %q %q", arts[0].Title, arts[0].URL, tt.wantTitle, tt.wantURL)
			}
		})
	}
}

func TestFeedErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       error
	}{
		{"html page", "<!doctype html><html><body><p>hi</p></body></html>", feedsvc.ErrUnknownKind},
		{"empty", "", feedsvc.ErrUnknownKind},
		{"broken json feed", `{"version":"https://jsonfeed.org/version/1.1","items":[`, feedsvc.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Feed([]byte(tt.body), "https://e.org/")
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestFeedFields(t *testing.T) {
	body := `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>https://news.example/</link><ttl>30</ttl><language>zh-cn</language>
<item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title><link>/a/1.html</link>
<author>jo@example.com (Jo Smith)</author><dc:creator>本报记者 王喆</dc:creator>
<category> x </category><category>X</category><category>y</category>
<dc:date>2023-11-15T06:58:00+08:00</dc:date>
<enclosure url="/img/1.jpg" type="image/jpeg" length="10"/>
<media:content url="https://cdn.example/1.jpg" medium="image"><media:description>Cap</media:description><media:credit>Ph</media:credit></media:content>
<media:content url="https://cdn.example/1.jpg" medium="image"/>
<enclosure url="https://cdn.example/a.mp3" type="audio/mpeg" length="99"/>
<source url="https://orig.example/">Orig</source>
<description>Desc</description></item></channel></rss>`
	fi, arts, err := Feed([]byte(body), "https://news.example/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if fi.TTL != 30 || fi.Language != "zh-cn" || fi.Link != "https://news.example/" {
		t.Errorf("feed info: got %+v", fi)
	}
	a := arts[0]
	checks := []struct{ name, got, want string }{
		{"title", a.Title, "Bold & co"},
		{"url", a.URL, "https://news.example/a/1.html"},
		{"authors", strings.Join(a.Authors, "|"), "Jo Smith|王喆"},
		{"categories", strings.Join(a.Categories, "|"), "x|y"},
		{"published", a.PublishedRaw, "2023-11-15T06:58:00+08:00"},
		{"content falls back to description", a.ContentHTML, "Desc"},
		{"source", a.Source + " " + a.SourceURL, "Orig https://orig.example/"},
		{"language", a.Language, "zh-cn"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	// Media RSS comes first (it carries captions), then enclosures; the
	// repeated media:content is listed once.
	if len(a.Images) != 2 || a.Images[1].URL != "https://news.example/img/1.jpg" ||
		a.Images[0].Caption != "Cap" || a.Images[0].Credit != "Ph" {
		t.Errorf("images: got %+v", a.Images)
	}
	if len(a.Attachments) != 1 || a.Attachments[0].Length != 99 || a.Attachments[0].Type != "audio/mpeg" {
		t.Errorf("attachments: got %+v", a.Attachments)
	}
}

func TestAuthorNames(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"rss email form", "jo@example.com (Jo Smith)", "Jo Smith"},
		{"angle form", `"Jo Smith" <jo@example.com>`, "Jo Smith"},
		{"bare address", "jo@example.com", ""},
		{"chinese pair", "郑莉 郝赫", "郑莉|郝赫"},
		{"role only", "本报记者", ""},
		{"role prefix", "记者 陈思远、刘晓静", "陈思远|刘晓静"},
		{"english by", "By Jane Doe", "Jane Doe"},
		{"latin name kept whole", "Tomaž Šolc", "Tomaž Šolc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(authorNames(tt.in), "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsFeed(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"></rss>`, true},
		{"rdf", `<rdf:RDF xmlns:rdf="x"></rdf:RDF>`, true},
		{"atom after comment and pi", "\uFEFF  <!-- c --><?xml-stylesheet href='a'?><feed xmlns='http://www.w3.org/2005/Atom'/>", true},
		{"json feed", `{"version": "https:\/\/jsonfeed.org\/version\/1", "items": []}`, true},
		{"xhtml wrapping atom", `<html><body><feed xmlns="http://www.w3.org/2005/Atom"></feed></body></html>`, true},
		{"html page", `<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>`, false},
		{"json object", `{"name": "x"}`, false},
		{"json api with items", `{"items": [{"id": 1}]}`, false},
		{"text", `hello`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsFeed([]byte(tt.in)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestIsFeedFixtures(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		raw, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		body, _, err := fetch.DecodeUTF8(raw, "")
		if err != nil {
			t.Fatal(err)
		}
		if !IsFeed(body) {
			t.Errorf("%s: IsFeed = false", rel)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "pages", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no HTML pages among the fixtures")
	}
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if IsFeed(raw) {
			t.Errorf("%s: IsFeed = true for an HTML page", filepath.Base(p))
		}
	}
}

func FuzzFeed(f *testing.F) {
	dir, files := feedFixtures(f)
	for _, rel := range files {
		if raw, err := os.ReadFile(filepath.Join(dir, rel)); err == nil && len(raw) < 8<<10 {
			f.Add(raw, "https://fixtures.example/"+rel)
		}
	}
	f.Add([]byte(`<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>`), "")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="//x"/></entry></feed>`), "file:///tmp/x")
	f.Fuzz(func(t *testing.T, body []byte, base string) {
		_, arts, err := Feed(body, base)
		if err != nil {
			return
		}
		for _, a := range arts {
			if a.URL == "" {
				continue
			}
			u, perr := url.Parse(a.URL)
			if perr != nil || !u.IsAbs() || u.Host == "" {
				t.Fatalf("article URL %q is not absolute", a.URL)
			}
		}
	})
}

// largestFixture returns the biggest real-world feed document.
func largestFixture(b *testing.B) []byte {
	dir, files := feedFixtures(b)
	var best []byte
	for _, rel := range files {
		raw, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			b.Fatal(err)
		}
		if len(raw) > len(best) && !strings.HasSuffix(rel, ".json") {
			best = raw
		}
	}
	body, _, err := fetch.DecodeUTF8(best, "")
	if err != nil {
		b.Fatal(err)
	}
	return body
}

func BenchmarkFeed(b *testing.B) {
	body := largestFixture(b)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, _, err := Feed(body, "https://e.org/feed"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGofeedOnly(b *testing.B) {
	body := largestFixture(b)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := gofeed.NewParser().Parse(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBadCharRefDoesNotLoseTheFeed(t *testing.T) {
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` +
		`<item><title>Bad &#x1; ref&#11;</title><link>https://e.example/1</link></item>` +
		`<item><title>Good &#233;t&#xE9;</title><link>https://e.example/2</link></item></channel></rss>`
	_, arts, err := Feed([]byte(doc), "https://e.example/")
	if err != nil || len(arts) != 2 {
		t.Fatalf("got %d articles, %v; want both items", len(arts), err)
	}
	if arts[0].Title != "Bad  ref" && arts[0].Title != "Bad ref" || arts[1].Title != "Good été" {
		t.Errorf("titles %q %q", arts[0].Title, arts[1].Title)
	}
}

// TestChannelImageMatchesGofeed: parseGofeed skips the translator's image
// scan of item HTML but finds the channel image as gofeed's default
// translator does, on made-up channels and every shared fixture.
func TestChannelImageMatchesGofeed(t *testing.T) {
	rss := func(channel string) string {
		return `<rss version="2.0"><channel><title>t</title>` + channel +
			`<item><title>i</title><description>&lt;img src="/item.jpg"&gt;</description></item></channel></rss>`
	}
	docs := map[string]string{
		"description img":   rss(`<description>&lt;p&gt;Hi &lt;IMG alt="x" src="/logo.png"&gt;&lt;/p&gt;</description>`),
		"description image": rss(`<description>&lt;image src="/i.png"&gt;</description>`),
		"img without src":   rss(`<description>&lt;img alt="a"&gt;&lt;img src="b.png"&gt;</description>`),
		"channel image":     rss(`<image><url>http://e.org/c.png</url></image><description>&lt;img src="/d.png"&gt;</description>`),
		"no image":          rss(`<description>plain</description>`),
	}
	dir := filepath.Join(testenv.Shared(t), "feeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	for _, f := range files {
		if raw, err := os.ReadFile(f); err == nil {
			if body, _, err := fetch.DecodeUTF8(raw, ""); err == nil {
				docs[f] = string(body)
			}
		}
	}
	for name, doc := range docs {
		want, err := gofeed.NewParser().Parse(strings.NewReader(doc))
		if err != nil {
			continue
		}
		got, _, err := leanParse([]byte(doc))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if g, w := imageURL(got.Image), imageURL(want.Image); g != w {
			t.Errorf("%s: channel image %q, gofeed finds %q", name, g, w)
		}
	}
}

func imageURL(im *gofeed.Image) string {
	if im == nil {
		return "<nil>"
	}
	return im.URL
}
