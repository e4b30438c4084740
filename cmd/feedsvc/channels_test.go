package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// chFeed is an RSS document with n items, one per hour of November 2023
// and a few in October, each with a category and an author.
func chFeed(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Desk</title><link>https://desk.example/</link><description>d</description>`)
	base := time.Date(2023, 11, 2, 0, 0, 0, 0, time.UTC)
	for i := range n {
		when := base.Add(time.Duration(i-3) * 7 * time.Hour) // the first items fall in October
		cat := []string{"harbour", "library"}[i%2]
		fmt.Fprintf(&b, `<item><title>Story %d about the %s</title><link>https://desk.example/%d</link><guid isPermaLink="false">s%d</guid>`+
			`<pubDate>%s</pubDate><category>%s</category><dc:creator>Reporter %d</dc:creator><description>Body of story %d on the %s.</description></item>`,
			i, cat, i, i, when.Format(time.RFC1123Z), cat, i%3, i, cat)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

type hubRecorder struct {
	mu     sync.Mutex
	topics map[string]int
}

func (h *hubRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	h.mu.Lock()
	if r.PostForm.Get("hub.mode") == "publish" {
		h.topics[r.PostForm.Get("hub.url")]++
	}
	h.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (h *hubRecorder) count(topic string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.topics[topic]
}

// TestChannelsValidAndComplete checks every kind of channel document
// (three formats; plain, filtered, later page, archive, combined) for the
// structural rules of RSS 2.0, Atom 1.0 and JSON Feed 1.1, walks the next
// links of each format collecting every stored article exactly once, and
// checks that the WebSub hub was pinged for the section's channels.
func TestChannelsValidAndComplete(t *testing.T) {
	const n = 23
	src := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, chFeed(n))
	}))
	defer src.Close()
	hub := &hubRecorder{topics: map[string]int{}}
	hubSrv := httptest.NewServer(hub)
	defer hubSrv.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "desk", Title: "Desk", Language: "en", Limit: 10}},
		Sources:  []feedsvc.Source{{ID: "desk", URL: src.URL, Sections: []string{"desk"}, Timezone: "UTC", Interval: time.Hour}},
		Hubs:     []string{hubSrv.URL + "/hub"},
	}
	base := startApp(t, memstore.New(), file)
	deadline := time.Now().Add(20 * time.Second)
	for len(walk(t, base+"/sections/desk/json?limit=50", "json")) < n && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	for _, format := range []string{"json", "rss", "atom"} {
		ids := walk(t, base+"/sections/desk/"+format, format)
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: %s seen twice while following next links", format, id)
			}
			seen[id] = true
		}
		if len(seen) != n {
			t.Errorf("%s: following next links collected %d articles, want %d", format, len(seen), n)
		}
	}
	for _, path := range []string{"/sections/desk/%s", "/sections/desk/%s?limit=5", "/sections/desk/%s?q=harbour",
		"/sections/desk/%s?category=library&author=reporter+1", "/sections/desk/%s?since=2023-11-03T00:00:00Z",
		"/sections/desk/archive/2023-10/%s", "/sections/desk/archive/2023-11/%s", "/sections/all/%s"} {
		for _, format := range []string{"rss", "atom", "json"} {
			u := base + fmt.Sprintf(path, format)
			t.Run(strings.TrimPrefix(u, base), func(t *testing.T) { validate(t, u, format) })
		}
	}
	for _, f := range []string{"rss", "atom", "json"} {
		for _, slug := range []string{"desk", "all"} {
			topic := base + "/sections/" + slug + "/" + f
			for end := time.Now().Add(10 * time.Second); hub.count(topic) == 0 && time.Now().Before(end); {
				time.Sleep(50 * time.Millisecond)
			}
			if hub.count(topic) == 0 {
				t.Errorf("hub got no publish ping for %s", topic)
			}
		}
	}
}

// doc is what validate and walk read from any of the three formats.
type doc struct {
	self, next string
	ids        []string
}

// walk follows next links from first and returns every item id.
func walk(t *testing.T, first, format string) []string {
	t.Helper()
	var ids []string
	for u, pages := first, 0; u != "" && pages < 50; pages++ {
		d := fetchDoc(t, u, format)
		ids = append(ids, d.ids...)
		u = d.next
	}
	return ids
}

func fetchDoc(t *testing.T, u, format string) doc {
	t.Helper()
	r, b := httpGet(t, u, nil)
	if r.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, r.StatusCode, b)
	}
	switch format {
	case "json":
		return jsonDoc(t, u, b)
	case "rss":
		return rssDocOf(t, u, b)
	}
	return atomDocOf(t, u, b)
}

func validate(t *testing.T, u, format string) {
	d := fetchDoc(t, u, format)
	if !sameURL(d.self, u) {
		t.Errorf("self link %q, want the document's URL %q", d.self, u)
	}
	seen := map[string]bool{}
	for _, id := range d.ids {
		if id == "" || seen[id] {
			t.Errorf("empty or repeated id %q", id)
		}
		seen[id] = true
	}
}

func sameURL(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Scheme == ub.Scheme && ua.Host == ub.Host && ua.Path == ub.Path &&
		ua.Query().Encode() == ub.Query().Encode()
}

func jsonDoc(t *testing.T, u string, b []byte) doc {
	var f struct {
		V     string `json:"version"`
		T     string `json:"title"`
		Feed  string `json:"feed_url"`
		Next  string `json:"next_url"`
		Items []struct {
			I  string `json:"id"`
			CH string `json:"content_html"`
			CT string `json:"content_text"`
			DP string `json:"date_published"`
			DM string `json:"date_modified"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if f.V != "https://jsonfeed.org/version/1.1" || f.T == "" || f.Items == nil {
		t.Errorf("%s: version %q title %q items nil=%v", u, f.V, f.T, f.Items == nil)
	}
	d := doc{self: f.Feed, next: f.Next}
	for _, it := range f.Items {
		if it.CH == "" && it.CT == "" {
			t.Errorf("%s: item %s has neither content_html nor content_text", u, it.I)
		}
		for _, ds := range []string{it.DP, it.DM} {
			if _, err := time.Parse(time.RFC3339, ds); ds != "" && err != nil {
				t.Errorf("%s: date %q is not RFC 3339", u, ds)
			}
		}
		d.ids = append(d.ids, it.I)
	}
	return d
}

type xlink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

func rel(links []xlink, r string) string {
	for _, l := range links {
		if l.Rel == r || (r == "alternate" && l.Rel == "") {
			return l.Href
		}
	}
	return ""
}

func rssDocOf(t *testing.T, u string, b []byte) doc {
	var f struct {
		Version string `xml:"version,attr"`
		Channel struct {
			// Atom links first: a field tag without a namespace matches any.
			Links       []xlink `xml:"http://www.w3.org/2005/Atom link"`
			Title       string  `xml:"title"`
			Link        string  `xml:"link"`
			Description string  `xml:"description"`
			Items       []struct {
				Title   string `xml:"title"`
				PubDate string `xml:"pubDate"`
				GUID    string `xml:"guid"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	c := f.Channel
	if f.Version != "2.0" || c.Title == "" || c.Link == "" || c.Description == "" {
		t.Errorf("%s: version %q, channel title/link/description %q %q %q", u, f.Version, c.Title, c.Link, c.Description)
	}
	d := doc{self: rel(c.Links, "self"), next: rel(c.Links, "next")}
	for _, it := range c.Items {
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil || it.Title == "" {
			t.Errorf("%s: item %q pubDate %q: %v", u, it.Title, it.PubDate, err)
		}
		d.ids = append(d.ids, it.GUID)
	}
	return d
}

func atomDocOf(t *testing.T, u string, b []byte) doc {
	type person struct {
		Name string `xml:"name"`
	}
	var f struct {
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Links   []xlink  `xml:"link"`
		Authors []person `xml:"author"`
		Entries []struct {
			ID      string   `xml:"id"`
			Title   string   `xml:"title"`
			Updated string   `xml:"updated"`
			Links   []xlink  `xml:"link"`
			Authors []person `xml:"author"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil || f.ID == "" || f.Title == "" {
		t.Errorf("%s: feed id %q title %q updated %q", u, f.ID, f.Title, f.Updated)
	}
	d := doc{self: rel(f.Links, "self"), next: rel(f.Links, "next")}
	for _, e := range f.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" || rel(e.Links, "alternate") == "" {
			t.Errorf("%s: entry %q id %q updated %q alternate %q", u, e.Title, e.ID, e.Updated, rel(e.Links, "alternate"))
		}
		if len(e.Authors) == 0 && len(f.Authors) == 0 {
			t.Errorf("%s: entry %s has no author and the feed none", u, e.ID)
		}
		d.ids = append(d.ids, e.ID)
	}
	return d
}
