package main

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redistest"
)

// trickyFeed is one RSS item whose plain text holds markup look-alikes
// (the summary says "<meta> tags", entity-escaped as HTML), two authors
// and an origin publisher.
const trickyFeed = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Tricky</title><link>http://example.test/</link><description>t</description>
<item><title>Q&amp;A: 1 &lt; 2 ]]&gt; "quoted" &#x2014; it's &#x5E7F;&#x544A;</title>
<link>http://example.test/qa.html</link><guid>http://example.test/qa.html</guid>
<pubDate>Sat, 01 Mar 2025 12:00:00 +0000</pubDate>
<description>Use &amp;lt;meta&amp;gt; tags &amp;amp; more</description>
<dc:creator>Anna Alpha</dc:creator><dc:creator>Bert Beta</dc:creator>
<source url="http://origin.example.test/rss">Origin Daily</source>
</item></channel></rss>`

// Plain text the service must carry exactly in every format.
const (
	trickyTitle   = "Q&A: 1 < 2 ]]> \"quoted\" — it's 广告"
	trickySummary = "Use <meta> tags & more"
)

// TestRenderEndToEndMemstore and ...Redis poll a real HTTP source and read
// the service's RSS, Atom and JSON Feed (issue 12.2, 12.3, 12.7): plain
// text comes back exactly with no element in it, RSS names both authors
// in one dc:creator, Atom has one <author> each and a complete
// atom:source, JSON has authors[].
func TestRenderEndToEndMemstore(t *testing.T) { checkRenderEndToEnd(t, memstore.New()) }

func TestRenderEndToEndRedis(t *testing.T) {
	checkRenderEndToEnd(t, redistest.Store(t, "render"))
}

func checkRenderEndToEnd(t *testing.T, store feedsvc.Store) {
	src := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		_, _ = w.Write([]byte(trickyFeed))
	}))
	defer src.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "tricky", Title: "Tricky & <Co>", Language: "en"}},
		Sources:  []feedsvc.Source{{ID: "tricky", URL: src.URL, Sections: []string{"tricky"}, Location: time.UTC, Timezone: "UTC", Interval: time.Hour}},
	}
	base := startApp(t, store, file)
	waitItems(t, base, "tricky", 1)
	checkRSSEndToEnd(t, base)
	checkAtomEndToEnd(t, base)
	checkJSONEndToEnd(t, base)
}

func checkRSSEndToEnd(t *testing.T, base string) {
	_, b := httpGet(t, base+"/sections/tricky/rss", nil)
	var rss struct {
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				Title       string   `xml:"title"`
				Description string   `xml:"description"`
				Creators    []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(b, &rss); err != nil || len(rss.Channel.Items) != 1 {
		t.Fatalf("rss: %v, %d items\n%s", err, len(rss.Channel.Items), b)
	}
	it := rss.Channel.Items[0]
	checkHTMLText(t, "rss channel title", rss.Channel.Title, "Tricky & <Co>")
	checkHTMLText(t, "rss title", it.Title, trickyTitle)
	checkHTMLText(t, "rss description", it.Description, trickySummary)
	if len(it.Creators) != 1 || it.Creators[0] != "Anna Alpha, Bert Beta" {
		t.Errorf("rss dc:creator: got %q, want one naming both authors", it.Creators)
	}
}

// checkHTMLText reads an HTML-typed text field: no element, and the
// decoded text equal to want.
func checkHTMLText(t *testing.T, what, got, want string) {
	t.Helper()
	if strings.Contains(got, "<") {
		t.Errorf("%s holds markup: %q", what, got)
	}
	if html.UnescapeString(got) != want {
		t.Errorf("%s: got %q (decoded %q), want %q", what, got, html.UnescapeString(got), want)
	}
}

func checkAtomEndToEnd(t *testing.T, base string) {
	_, b := httpGet(t, base+"/sections/tricky/atom", nil)
	type text struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	}
	var atom struct {
		Entries []struct {
			Title   text     `xml:"title"`
			Summary text     `xml:"summary"`
			Authors []string `xml:"author>name"`
			Source  struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Links   []struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"source"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &atom); err != nil || len(atom.Entries) != 1 {
		t.Fatalf("atom: %v\n%s", err, b)
	}
	e := atom.Entries[0]
	for _, f := range []struct {
		what string
		x    text
		want string
	}{{"atom title", e.Title, trickyTitle}, {"atom summary", e.Summary, trickySummary}} {
		if f.x.Type == "html" {
			checkHTMLText(t, f.what, f.x.Body, f.want)
		} else if f.x.Body != f.want {
			t.Errorf("%s: got %q (type %q), want %q", f.what, f.x.Body, f.x.Type, f.want)
		}
	}
	if strings.Join(e.Authors, "|") != "Anna Alpha|Bert Beta" {
		t.Errorf("atom authors: got %q, want one <author> each", e.Authors)
	}
	s := e.Source
	if !strings.HasPrefix(s.ID, "tag:") || s.Title != "Origin Daily" || s.Updated == "" || len(s.Links) != 1 {
		t.Errorf("atom:source incomplete: %+v\n%s", s, b)
	}
}

func checkJSONEndToEnd(t *testing.T, base string) {
	_, b := httpGet(t, base+"/sections/tricky/json", nil)
	var f struct {
		Items []struct {
			Title   string `json:"title"`
			Summary string `json:"summary"`
			Authors []struct {
				Name string `json:"name"`
			} `json:"authors"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &f); err != nil || len(f.Items) != 1 {
		t.Fatalf("json: %v\n%s", err, b)
	}
	it := f.Items[0]
	if it.Title != trickyTitle || it.Summary != trickySummary {
		t.Errorf("json: got title %q summary %q, want %q %q", it.Title, it.Summary, trickyTitle, trickySummary)
	}
	if len(it.Authors) != 2 || it.Authors[0].Name != "Anna Alpha" || it.Authors[1].Name != "Bert Beta" {
		t.Errorf("json authors: got %+v", it.Authors)
	}
}
