package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// teaserSite serves summary-only feeds and their article pages on
// loopback, counting requests per path.
type teaserSite struct {
	mu   sync.Mutex
	hits map[string]int
	*httptest.Server
}

const fulltextPara = "The harbour authority approved the new ferry timetable on Tuesday after months of consultation with islanders, shipping companies and the tourism board."

func newTeaserSite(t *testing.T) *teaserSite {
	s := &teaserSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch r.URL.Path {
		case "/teasers.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, teaserRSS(s.URL, "ferry", 1, 2))
		case "/never.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, teaserRSS(s.URL, "never", 3))
		case "/a/1", "/a/3":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Story %[1]s</title><meta property="og:type" content="article"></head>`+
				`<body><nav><a href="/">Home</a></nav><article><h1>Story %[1]s</h1><p>%[2]s</p><p>%[2]s</p><p>%[2]s</p><p>%[2]s</p><p>%[2]s</p></article></body></html>`,
				strings.TrimPrefix(r.URL.Path, "/a/"), fulltextPara)
		default:
			http.Error(w, "boom", http.StatusInternalServerError)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func teaserRSS(base, name string, ns ...int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>%s/</link>`, name, base)
	for _, n := range ns {
		fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/a/%d</link><guid isPermaLink="false">%s-%d</guid>`+
			`<pubDate>Wed, 15 Nov 2023 07:24:00 +0000</pubDate><description>Teaser %d.</description></item>`, n, base, n, name, n, n)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func (s *teaserSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// A summary-only feed whose article pages are served locally: the channel
// carries the full text; a re-poll of the unchanged feed fetches no page;
// a page that fails keeps the teaser and shows in /api/status; a source
// with fulltext: never fetches no page (issue 14 items 4 and 5).
func TestFulltextEndToEnd(t *testing.T) {
	t.Run("memstore", func(t *testing.T) { checkFulltext(t, nil) })
	t.Run("redis", func(t *testing.T) {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		checkFulltext(t, map[string]string{"REDIS_URL": testenv.RedisURL(t), "RETAIN": "forever", "REDIS_PREFIX": "fulltext:" + hex.EncodeToString(b) + ":"})
	})
}

func checkFulltext(t *testing.T, env map[string]string) {
	site := newTeaserSite(t)
	file := config.File{Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}, {Slug: "other", Title: "Other", Language: "en"}}}
	file.Sources = []feedsvc.Source{
		{ID: "teasers", URL: site.URL + "/teasers.xml", Kind: "feed", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour},
		{ID: "never", URL: site.URL + "/never.xml", Kind: "feed", Sections: []string{"other"}, Location: time.UTC, Interval: time.Hour,
			Fulltext: feedsvc.FulltextNever},
	}
	app := startAppEnv(t, nil, file, env)
	waitFor(t, 30*time.Second, "full text in the channel", func() (bool, string) {
		bodies := channelBodies(t, app.Base, "news")
		return strings.Contains(bodies["Story 1"], "harbour authority approved") && bodies["Story 2"] != "", fmt.Sprint(bodies)
	})
	if b := channelBodies(t, app.Base, "news")["Story 2"]; !strings.Contains(b, "Teaser 2") || strings.Contains(b, "harbour") {
		t.Errorf("story 2 (its page 500s) carries %q, want the teaser", b)
	}
	st := waitFulltextState(t, app.Base, "teasers", time.Time{})
	if st.Fulltext.Failures != 1 || !strings.Contains(st.Fulltext.LastError, "500") || st.Fulltext.Fetched != 1 {
		t.Errorf("/api/status fulltext of teasers = %+v, want 1 fetched, 1 failure naming the 500", *st.Fulltext)
	}
	refresh(t, app.Base, "teasers")
	refresh(t, app.Base, "never")
	waitFulltextState(t, app.Base, "teasers", st.LastAttempt)
	waitFor(t, 30*time.Second, "second poll of never", func() (bool, string) {
		return site.count("/never.xml") >= 2, fmt.Sprint(site.count("/never.xml"))
	})
	waitFor(t, 30*time.Second, "never's poll stored", func() (bool, string) {
		s := sourceStates(t, app.Base)["never"]
		return s.LastSuccess.After(st.LastAttempt), fmt.Sprint(s.LastSuccess)
	})
	if got := site.count("/teasers.xml"); got != 2 {
		t.Errorf("teasers feed read %d times, want 2", got)
	}
	if a1, a2, a3 := site.count("/a/1"), site.count("/a/2"), site.count("/a/3"); a1 != 1 || a2 != 1 || a3 != 0 {
		t.Errorf("article pages fetched /a/1 %d, /a/2 %d, /a/3 %d times; want 1, 1 (an unchanged item is not fetched again) and 0 (fulltext: never)", a1, a2, a3)
	}
	if b := channelBodies(t, app.Base, "other")["Story 3"]; !strings.Contains(b, "Teaser 3") {
		t.Errorf("the fulltext: never channel carries %q, want the teaser", b)
	}
}

// waitFulltextState waits until /api/status shows a poll of id that
// started after since and whose full-text step finished, and returns its
// state.
func waitFulltextState(t *testing.T, base, id string, since time.Time) feedsvc.SourceState {
	t.Helper()
	var st feedsvc.SourceState
	waitFor(t, 30*time.Second, "fulltext state of "+id, func() (bool, string) {
		st = sourceStates(t, base)[id].SourceState
		return st.LastAttempt.After(since) && st.LastSuccess.Equal(st.LastAttempt) && st.Fulltext != nil && st.Fulltext.Checked.After(st.LastAttempt),
			fmt.Sprintf("%+v", st)
	})
	return st
}

// channelBodies maps item titles to their bodies in a section's JSON Feed.
func channelBodies(t *testing.T, base, slug string) map[string]string {
	t.Helper()
	resp, b := httpGet(t, base+"/sections/"+slug+"/json", nil)
	out := map[string]string{}
	if resp.StatusCode != http.StatusOK {
		return out
	}
	var f struct {
		Items []struct {
			Title       string `json:"title"`
			ContentHTML string `json:"content_html"`
			ContentText string `json:"content_text"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	for _, it := range f.Items {
		out[it.Title] = it.ContentHTML + it.ContentText
	}
	return out
}
