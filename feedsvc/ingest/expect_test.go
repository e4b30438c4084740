package ingest_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// getter reads one fact from a pipeline result; "<missing item N>" when
// the item does not exist, so a short result fails the comparison.
type getter func(ingest.Result) string

func feedTitle(r ingest.Result) string { return r.Feed.Title }
func charset(r ingest.Result) string   { return r.Charset }
func count(r ingest.Result) string     { return strconv.Itoa(len(r.Articles)) }

func item(i int, f func(a *feedsvc.Article) string) getter {
	return func(r ingest.Result) string {
		if i >= len(r.Articles) {
			return "<missing item " + strconv.Itoa(i) + ">"
		}
		return f(&r.Articles[i])
	}
}

func title(a *feedsvc.Article) string     { return a.Title }
func link(a *feedsvc.Article) string      { return a.URL }
func summary(a *feedsvc.Article) string   { return a.Summary }
func body(a *feedsvc.Article) string      { return a.BodyText }
func authors(a *feedsvc.Article) string   { return strings.Join(a.Authors, "|") }
func cats(a *feedsvc.Article) string      { return strings.Join(a.Categories, "|") }
func lang(a *feedsvc.Article) string      { return a.Language }
func utc(t time.Time) string              { return t.UTC().Format(time.RFC3339) }
func published(a *feedsvc.Article) string { return utc(a.Published) }
func updated(a *feedsvc.Article) string   { return utc(a.Updated) }

func image(j int, f func(feedsvc.Image) string) func(a *feedsvc.Article) string {
	return func(a *feedsvc.Article) string {
		if j >= len(a.Images) {
			return "<missing image " + strconv.Itoa(j) + ">"
		}
		return f(a.Images[j])
	}
}

// shownMedia counts attachments a reader shows beside the content: those
// whose URL the content does not already carry (yarr's MediaLinks rule).
func shownMedia(a *feedsvc.Article) string {
	n := 0
	for _, at := range a.Attachments {
		if !strings.Contains(a.ContentHTML, at.URL) {
			n++
		}
	}
	return strconv.Itoa(n)
}

// TestShippedExpectations asserts, after the whole pipeline (decode,
// parse, normalize), the facts the fixtures' shipped expectations state
// (feedparser Expect: lines, yarr @ lines, SOURCES.md's "exercises"
// column) on the normalized side: UTC instants, resolved URLs, clean text.
func TestShippedExpectations(t *testing.T) {
	tests := []struct {
		name, file string
		get        getter
		want       string
	}{
		// feedparser Expect: lines ("not bozo" is a nil error, checked by collectFixture).
		{"i18n title survives", "feedparser/atom03-i18n-utf8.xml", feedTitle, "Iñtërnâtiônàlizætiøn"},
		{"gb2312 declared decodes as gb18030", "feedparser/atom10-gb2312-declared.xml", charset, "gb18030"},
		{"big5 declared", "feedparser/rss-big5-declared.xml", charset, "big5"},
		{"undeclared gb2312 detected", "feedparser/rss-gb2312-undeclared.xml", charset, "gb18030"},
		{"undeclared gb2312 title", "feedparser/rss-gb2312-undeclared.xml", item(0, title), "不归移民漫画系列：专业工作"},
		{"undeclared gb2312 language from script", "feedparser/rss-gb2312-undeclared.xml", item(0, lang), "zh"},
		{"utf-16le bom", "feedparser/rss-utf16le-bom.xml", charset, "utf-16le"},
		{"cp1252 smart quote in summary", "feedparser/rss20-cp1252-smart-quote.xml", item(0, summary), "don\u2019t"},
		{"cp1252 smart quote in body", "feedparser/rss20-cp1252-smart-quote.xml", item(0, body), "don\u2019t"},
		{"euc-kr item description", "feedparser/rss20-euc-kr-item.xml", item(0, summary), "\ub144"},
		{"euc-kr charset", "feedparser/rss20-euc-kr-item.xml", charset, "euc-kr"},
		// yarr @ lines.
		{"atom html title", "yarr/atom10-html-title.xml", item(0, title), "say what?"},
		{"atom xhtml title", "yarr/atom10-xhtml-title-link.xml", item(0, title), "Link to Example"},
		{"html in title p", "yarr/rss20-html-in-titles.xml", item(0, title), "title in p"},
		{"html in title strong", "yarr/rss20-html-in-titles.xml", item(1, title), "very strong title"},
		{"enclosure already in content", "yarr/rss20-enclosure-duplicated-in-content.xml", item(0, shownMedia), "0"},
		{"media content guid", "yarr/rss20-multiple-media-content.xml", item(0, func(a *feedsvc.Article) string { return a.GUID }), "http://example.com/posts/1"},
		{"media content url", "yarr/rss20-multiple-media-content.xml", item(0, link), "http://example.com/posts/1"},
		{"media image 1", "yarr/rss20-multiple-media-content.xml", item(0, image(0, func(im feedsvc.Image) string { return im.URL + " " + im.Caption })),
			"https://example.com/path/to/image1.png description 1"},
		{"media image 2", "yarr/rss20-multiple-media-content.xml", item(0, image(1, func(im feedsvc.Image) string { return im.URL + " " + im.Caption })),
			"https://example.com/path/to/image2.png description 2"},
		{"media video", "yarr/rss20-multiple-media-content.xml", item(0, func(a *feedsvc.Article) string {
			return strings.Join([]string{shownMedia(a), a.Attachments[0].URL, a.Attachments[0].Type, a.Attachments[0].Title}, " ")
		}), "1 https://example.com/path/to/video1.mp4 video/mp4 video description"},
		{"500 spaces before root", "yarr/rss20-xsl-pi-500-spaces.xml", feedTitle, "finally"},
		// SOURCES.md "exercises" facts that survive normalization.
		{"xml:base resolves item link", "gofeed/rss20-xml-base-relative-urls.xml", item(0, link), "http://example.org/feeds/post/1"},
		{"several dc:creator", "gofeed/rss20-dc-multiple-creators.xml", item(0, authors), "Alice|Bob"},
		{"several dc:subject", "gofeed/rss20-dc-multiple-creators.xml", item(0, cats), "One|Two"},
		{"undeclared media prefix image", "gofeed/rss20-media-content-undeclared-prefix.xml", item(0, image(0, func(im feedsvc.Image) string { return im.URL })),
			"https://example.com/blog-open.png"},
		{"multi-line cdata summary", "gofeed/rss20-itunes-summary-multi-cdata.xml", item(0, summary), "Line 1 Line 2 Line 3"},
		{"bare ampersand", "gofeed/rss20-bare-ampersand.xml", feedTitle, "Fish & Chips & more <3"},
		{"legacy entity in url", "gofeed/rss20-legacy-entity-in-url.xml", feedTitle, "?page=1&copy=2;mode=x & done"},
		{"utf-8 bom", "gofeed/rss20-utf8-bom.xml", feedTitle, "Feed Title"},
		{"json feed 1.1 date", "gofeed/jsonfeed11-full.json", item(0, published), "2019-10-12T07:20:50Z"},
		{"json feed 1.1 authors[]", "gofeed/jsonfeed11-full.json", item(0, authors), "author_name"},
		{"json feed offset date", "feedjira/jsonfeed10-inessential.json", item(0, published), "2017-06-03T05:05:47Z"},
		{"unix dc:date beside pubDate", "feedjira/rss20-invalid-dc-date.xml", item(0, func(a *feedsvc.Article) string { return published(a) + " " + updated(a) }),
			"2017-10-16T15:10:00Z 2018-02-12T23:42:14Z"},
		{"-0000 zone", "feedjira/podcast-itunes-feedburner.xml", item(0, published), "2023-09-22T16:30:15Z"},
		{"RFC 822 date ending in Z", "feedjira/rss20-a10-atom-prefix-bom.xml", item(0, published), "2020-05-14T10:00:18Z"},
		{"a10 atom author", "feedjira/rss20-a10-atom-prefix-bom.xml", item(0, authors), "John Doe"},
		{"-07:00 dc:date", "feedjira/rss10-rdf-content-encoded.xml", item(0, published), "2008-09-02T19:50:07Z"},
		{"-08:00 atom updated", "feedjira/intertwingly-atom10-xhtml.xml", item(0, published), "2013-01-30T18:12:03Z"},
		{"atom wrapped in xhtml, non-ascii author", "feedjira/atom10-wrapped-in-xhtml.xml", item(0, authors), "Tomaž"},
		{"origLink over feedburner redirect", "feedjira/typepad-atom10-xml-base.xml", item(0, link), "http://everything.typepad.com/blog/2013/02/spotlight-friday-favorites.html"},
		{"google alert html title", "feedjira/google-alerts-atom10-html-titles.xml", item(1, title), "Slack Stock Has a Compelling Story and the Numbers to Back It Up"},
		{"google redirect unwrapped", "feedjira/google-alerts-atom10-html-titles.xml", item(1, link), "https://investorplace.com/2019/07/slack-stock-truly-compelling/"},
		{"media:credit", "feedjira/huffpost-canada-rss20-media.xml", item(0, image(0, func(im feedsvc.Image) string { return im.Credit })), "Dakota Collegiate/Twitter"},
		{"avatar is not an image", "feedjira/techcrunch-rss20-feedburner.xml", item(0, func(a *feedsvc.Article) string { return strconv.Itoa(len(a.Images)) }), "1"},
		{"youtube description as summary", "feedjira/youtube-atom10-media.xml", item(1, summary), "A behind-the-scenes look at Project Fi. Find out more at fi.google.com."},
		{"hacker news items", "feedjira/hackernews-rss20-comments.xml", count, "30"},
		{"iso-8859-1 +0100", "miniflux/golem-rss20-iso-8859-1.xml", item(0, published), "2018-10-28T12:48:00Z"},
		{"iso-8859-1 umlaut", "miniflux/golem-rss20-iso-8859-1.xml", item(0, title), "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games"},
		{"undeclared latin-1", "miniflux/cerclepsy-rss20-latin1-undeclared.xml", item(0, title), "Perturbateurs endocriniens : quels effets sur le cerveau ?"},
		{"windows-1251 +0300", "miniflux/ibash-rss20-windows-1251.xml", item(0, func(a *feedsvc.Article) string { return a.Title + " " + published(a) }),
			"Цитата #17703 2018-03-21T07:27:32Z"},
		{"koi8-r", "miniflux/rss20-koi8-r.xml", item(0, title), "Первая новость"},
		{"windows-1252 euro", "miniflux/rss20-windows-1252-euro.xml", feedTitle, "Euro €"},
		{"rss 0.90 tracking key dropped", "miniflux/heise-rss090-rdf.xml", item(0, link), "https://www.heise.de/newsticker/meldung/OLED-TVs-Vorsichtsmassnahmen-gegen-Einbrennen-4205274.html"},
		{"rtl urdu language", "miniflux/bbc-urdu-rss20-rtl.xml", item(0, lang), "ur"},
		{"github xml:lang", "miniflux/github-commits-atom10-media.xml", item(0, lang), "en-US"},
	}
	dir, _ := feedFixtures(t)
	results := map[string]ingest.Result{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, ok := results[tt.file]
			if !ok {
				res = collectFixture(t, dir, tt.file)
				results[tt.file] = res
			}
			if got := tt.get(res); got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

// TestAuthoredFeedNormalized checks the authored GBK feed's expected.json
// on the normalized articles: order, de-duplication, UTC instants from
// five date shapes in the source's zone, links, people, ids.
func TestAuthoredFeedNormalized(t *testing.T) {
	dir, _ := feedFixtures(t)
	const rel = testenv.AuthoredFeedPath
	exp, _ := testenv.AuthoredFeed(t)
	res := collectFixture(t, dir, rel)
	if len(res.Articles) != exp.ItemCount {
		t.Fatalf("got %d articles, want %d", len(res.Articles), exp.ItemCount)
	}
	for i, want := range exp.Items {
		a := res.Articles[i]
		t.Run(want.Link, func(t *testing.T) {
			idKey := feedsvc.Article{GUID: want.GUID}
			if a.GUID == "" { // no guid: the id falls back to the link
				idKey = feedsvc.Article{URL: want.Link}
			}
			firstImage := ""
			if len(a.Images) > 0 {
				firstImage = a.Images[0].URL
			}
			for _, c := range []struct{ field, got, want string }{
				{"title", a.Title, want.Title},
				{"url", a.URL, want.Link},
				{"published", utc(a.Published), want.PublishedUTC},
				{"authors", strings.Join(a.Authors, "|"), strings.Join(want.Authors, "|")},
				{"categories", strings.Join(a.Categories, "|"), strings.Join(want.Categories, "|")},
				{"source", a.Source, testenv.Deref(want.Source)},
				{"first image", firstImage, testenv.Deref(want.FirstImage)},
				{"language", a.Language, exp.Feed.Language},
				{"id", a.ID, normalize.ID("golden", &idKey)},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
				}
			}
		})
	}
}
