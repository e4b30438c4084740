package parse

import (
	"strings"
	"testing"
)

// A DOCTYPE with an internal subset holds '>' characters of its own; the
// sniffer once stopped at the first of them and took the feed for HTML.
func TestIsFeedDoctypeInternalSubset(t *testing.T) {
	cases := map[string]struct {
		doc  string
		feed bool
	}{
		"rss subset":       {`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss version="2.0"><channel><title>T</title></channel></rss>`, true},
		"rss subset multi": {"<!DOCTYPE rss [\n  <!ENTITY nbsp \"&#160;\">\n  <!ENTITY copy \"&#169;\">\n] >\n<rss version=\"2.0\"><channel/></rss>", true},
		"atom subset":      {`<!DOCTYPE feed [<!ENTITY a "b">]><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, true},
		"netscape public":  {`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"></rss>`, true},
		"html subset":      {`<!DOCTYPE html [<!ENTITY a "<b>">]><html><body>x</body></html>`, false},
		"html":             {`<!DOCTYPE html><html><body><p>hi</p></body></html>`, false},
		"unclosed subset":  {`<!DOCTYPE rss [<!ENTITY a "b">`, false},
	}
	for name, c := range cases {
		if got := IsFeed([]byte(c.doc)); got != c.feed {
			t.Errorf("%s: IsFeed = %v, want %v", name, got, c.feed)
		}
	}
}

// The feed with an internal subset parses as the feed it is, and its
// declared entities stay unexpanded (no XXE, no entity expansion).
func TestFeedDoctypeInternalSubsetItems(t *testing.T) {
	doc := `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Subset</title><link>https://example.org/</link>
<item><title>One</title><link>https://example.org/1</link><guid>g1</guid><description>a &amp; b</description></item>
<item><title>Two</title><link>https://example.org/2</link><guid>g2</guid></item>
</channel></rss>`
	if !IsFeed([]byte(doc)) {
		t.Fatal("IsFeed = false")
	}
	info, arts, err := Feed([]byte(doc), "https://example.org/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != "Subset" || len(arts) != 2 || arts[0].Title != "One" || arts[1].Title != "Two" {
		t.Fatalf("feed %q with %d items: %+v", info.Title, len(arts), arts)
	}
	for _, a := range arts {
		if strings.Contains(a.ContentHTML+a.Summary, "root:") {
			t.Fatalf("external entity expanded: %+v", a)
		}
	}
}
