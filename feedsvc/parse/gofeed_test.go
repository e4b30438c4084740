package parse

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// detectCases are document starts around quickFeedType's limits.
var detectCases = []string{
	"", " \n\t", "\xEF\xBB\xBF<rss>", "\x00\xFE\xFF <feed xmlns='x'>", "{\"version\":1}", "x<rss>", "<",
	`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">`,
	`<?xml version='1.0' encoding='utf-8' standalone='yes' ?>` + "\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
	`<?xml version="1.1"?><rss>`, `<?xml version="1.0" encoding="gbk"?><rss>`, `<?xml version="1.0" encoding="nope"?><rss>`,
	`<?xml encoding = "latin1"?><rss>`, `<?xml?><feed>`, `<?xml-stylesheet href="a.xsl"?><?xml-stylesheet type="text/css"?><rss>`,
	`<?xml version="1.0"?><!-- a comment --><rss/>`, `<!-- a -- b --><rss>`, `<!----><rss>`, `<!---><rss>`, `<!-- x --->`,
	`<!DOCTYPE rss [<!ENTITY a "b">]><rss>`, `<html><rss>`, `</rss><rss>`, `<rss`, `<rss `, `<rss a="1"`, `<rss a="1`,
	`<rss a="1"b='2'>`, `<rss a = "1" />`, `<rss a>`, `<rss a=1>`, `<rss a="<">`, `<rss a="&amp;">`, `<rss a="é">`,
	`<rss xml:base="http://e.org/">`, `<rss xml:base="%zz">`, `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">`,
	`<a:b:feed>`, `<a:feed>`, `<:feed>`, `<a:>`, `<1rss>`, `<RSS>`, `<Feed>`, `<rdf>`, `<feedx>`, `<rss.x>`,
	`<rss	version="2.0"` + "\r\n" + `>`, "<rss a=\"\x01\">", "<rss\x01>", "<?pi \x01?><rss>", "<!-- \xff --><rss>",
	"<?xml version=\"1.0\"\fencoding=\"utf-8\"?><rss>", `<?xml version="1.0" xencoding="gbk"?><rss>`,
	`<?xml version="1.0" encoding='UTF-8"?><rss>`, "<?x\xc3\xa9?><rss>", "<r\xc3\xa9ss>", `<?é?><rss>`,
}

// TestQuickFeedTypeIsDetectFeedType: whenever quickFeedType answers, it
// answers what gofeed.DetectFeedType does, on the edge cases above and
// the start of every feed and page fixture (as fetched and as decoded);
// and it does answer for nearly every feed fixture.
func TestQuickFeedTypeIsDetectFeedType(t *testing.T) {
	docs := map[string][]byte{}
	for i, c := range detectCases {
		docs["case "+string(rune('A'+i%26))+": "+c] = []byte(c)
	}
	for name, b := range fixtureDocs(t) {
		docs[name] = b
	}
	answered, feeds := 0, 0
	for name, b := range docs {
		head := b[:min(len(b), detectPeek)]
		got, ok := quickFeedType(head)
		want := gofeed.DetectFeedType(bytes.NewReader(head))
		if ok && got != want {
			t.Errorf("%s: quickFeedType %v, DetectFeedType %v", name, got, want)
		}
		if want != gofeed.FeedTypeUnknown && strings.HasPrefix(name, "feeds/") && !strings.HasSuffix(name, " (raw)") {
			feeds++
			if ok {
				answered++
			} else {
				t.Logf("%s: left to DetectFeedType: %q", name, head[:min(len(head), 300)])
			}
		}
	}
	if feeds < 50 || answered*10 < feeds*9 {
		t.Errorf("quickFeedType answered for %d of %d decoded feed fixtures, want at least 90%%", answered, feeds)
	}
}

func FuzzQuickFeedType(f *testing.F) {
	for _, c := range detectCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		head := b[:min(len(b), detectPeek)]
		if got, ok := quickFeedType(head); ok {
			if want := gofeed.DetectFeedType(bytes.NewReader(head)); got != want {
				t.Errorf("quickFeedType(%q) = %v, DetectFeedType says %v", head, got, want)
			}
		}
	})
}

// universalParse is parseGofeed's definition: gofeed's universal parser
// with the original feed kept and the translators parseGofeed uses.
func universalParse(body []byte) (gf *gofeed.Feed, orig any, err error) {
	defer func() {
		if r := recover(); r != nil {
			gf, orig, err = nil, nil, fmt.Errorf("gofeed panic: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	p.RSSTranslator = rssTranslator
	gf, err = p.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	if rf, ok := gf.OriginalFeed().(*rss.Feed); ok && gf.Image == nil {
		gf.Image = channelImage(rf.Description)
	}
	return gf, gf.OriginalFeed(), nil
}

// TestParseGofeedIsUniversalParse: parseGofeed gives what gofeed's
// universal parser gives (feed, original feed and error) on every feed
// and page fixture, as fetched, as decoded and repaired, and on the edge
// cases of quickFeedType completed to small feeds.
func TestParseGofeedIsUniversalParse(t *testing.T) {
	docs := fixtureDocs(t)
	for name, b := range docs {
		docs[name+" (repaired)"] = repair(b)
	}
	for i, c := range detectCases {
		docs["case "+string(rune('A'+i%26))+": "+c] = []byte(c + `<channel><title>t</title><item><title>i</title></item></channel></rss>`)
	}
	parsed := 0
	for name, b := range docs {
		gf, orig, err := parseGofeed(b, rssTranslator)
		wgf, worig, werr := universalParse(b)
		if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
			t.Errorf("%s: error %v, gofeed's %v", name, err, werr)
			continue
		}
		if err != nil {
			continue
		}
		parsed++
		if d := cmp.Diff(wgf, gf, cmpopts.IgnoreUnexported(gofeed.Feed{})); d != "" {
			t.Errorf("%s: feed differs from gofeed's (-gofeed +parseGofeed):\n%s", name, d)
		}
		if d := cmp.Diff(worig, orig); d != "" {
			t.Errorf("%s: original feed differs from gofeed's (-gofeed +parseGofeed):\n%s", name, d)
		}
	}
	if parsed < 100 {
		t.Errorf("only %d documents parsed", parsed)
	}
}

// fixtureDocs returns every shared feed and page fixture, as read and as
// fetch decodes it, keyed "feeds/…" or "pages/…".
func fixtureDocs(t *testing.T) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	root := testenv.Shared(t)
	for _, sub := range []string{"feeds", "pages"} {
		err := filepath.WalkDir(filepath.Join(root, sub), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			docs[rel+" (raw)"] = raw
			if body, _, err := fetch.DecodeUTF8(raw, ""); err == nil {
				docs[rel] = body
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

// sameFeed fails t where Feed (with leanParse) and Feed with gofeed's
// universal parser as its gofeed step disagree on body: feed, articles
// or error. It reports whether body parsed.
func sameFeed(t *testing.T, name string, body []byte, base string) bool {
	t.Helper()
	fi, arts, err := feedWith(body, base, leanParse)
	wfi, warts, werr := feedWith(body, base, universalParse)
	if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
		t.Errorf("%s: error %v, with gofeed's parser %v", name, err, werr)
		return false
	}
	if !reflect.DeepEqual(fi, wfi) {
		t.Errorf("%s: feed %+v, with gofeed's parser %+v", name, fi, wfi)
	}
	if !reflect.DeepEqual(arts, warts) {
		for i := range min(len(arts), len(warts)) {
			if !reflect.DeepEqual(arts[i], warts[i]) {
				t.Errorf("%s: article %d\n%+v\nwith gofeed's parser\n%+v", name, i, arts[i], warts[i])
				break
			}
		}
		t.Errorf("%s: %d articles, with gofeed's parser %d", name, len(arts), len(warts))
	}
	return err == nil
}

// TestLeanFeedIsUniversalFeed: Feed, whose gofeed step translates RSS
// items leanly (leanRSS), gives what it gives with gofeed's universal
// parser, on every feed and page fixture (as fetched, decoded, repaired)
// and on small feeds exercising each field the lean translation fills
// and the author fallback.
func TestLeanFeedIsUniversalFeed(t *testing.T) {
	docs := fixtureDocs(t)
	for name, b := range docs {
		docs[name+" (repaired)"] = repair(b)
	}
	const head = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"` +
		` xmlns:atom="http://www.w3.org/2005/Atom" xmlns:atom10="http://www.w3.org/2005/Atom" xmlns:atom03="http://purl.org/atom/ns#"><channel><title>c</title>`
	for i, item := range []string{
		`<dc:title>dc title</dc:title><dc:description>dc desc</dc:description><dc:date>2024-01-02</dc:date><dc:subject>s1</dc:subject><link>https://e.org/1</link>`,
		`<itunes:summary>it sum</itunes:summary><itunes:keywords>a,b, c</itunes:keywords><itunes:author>It Author</itunes:author><guid>g1</guid>`,
		`<atom:summary>a sum</atom:summary><atom:content>a content</atom:content><atom:published>p</atom:published><atom:updated>u</atom:updated><atom:category term="t1"/>`,
		`<atom10:author><atom10:name>A10 Name</atom10:name><atom10:email>a@e.org</atom10:email></atom10:author><atom10:category term="t2"/><atom03:summary>s03</atom03:summary>`,
		`<atom03:author><atom03:email>only@e.org</atom03:email></atom03:author><title>t</title><enclosure url="https://e.org/a.mp3" type="audio/mpeg" length="12"/>`,
		`<author>jo@e.org (Jo Smith)</author><category>c1</category><category>C1</category><pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate>`,
		`<dc:creator></dc:creator><title>empty creator</title>`,
		`<title>nobody</title><description>d</description>`,
	} {
		docs[fmt.Sprintf("item %d", i)] = []byte(head + `<item>` + item + `</item></channel></rss>`)
	}
	parsed := 0
	for name, b := range docs {
		if sameFeed(t, name, b, "https://fixtures.example/"+name) {
			parsed++
		}
	}
	if parsed < 100 {
		t.Errorf("only %d documents parsed", parsed)
	}
}

// FuzzLeanFeed: Feed with leanParse and with gofeed's universal parser
// agree.
func FuzzLeanFeed(f *testing.F) {
	dir, files := feedFixtures(f)
	for _, rel := range files {
		if raw, err := os.ReadFile(filepath.Join(dir, rel)); err == nil && len(raw) < 8<<10 {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		sameFeed(t, "fuzzed document", body, "https://e.org/feed")
	})
}
