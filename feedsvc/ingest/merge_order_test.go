package ingest

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// The merge depends only on the set of versions, not on their order.
func TestMergeIgnoresVersionOrder(t *testing.T) {
	t0 := time.Date(2024, 3, 5, 2, 4, 0, 0, time.UTC)
	feed := feedsvc.Version{Kind: feedsvc.VersionFeed, Article: feedsvc.Article{SourceID: "a", URL: "https://x.example/1", Title: "Feed title",
		Summary: "Teaser.", BodyText: "Teaser.", ContentHTML: "<p>Teaser.</p>", Published: t0, Categories: []string{"Ports"},
		Attachments: []feedsvc.Attachment{{URL: "https://x.example/a.mp3"}}, Sections: []string{"world"}}}
	page := feedsvc.Version{Kind: feedsvc.VersionPage, Article: feedsvc.Article{SourceID: "b", URL: "https://x.example/1", Title: "Page title",
		Authors: []string{"Li Wei"}, BodyText: "The full text of the story, much longer than the teaser.", ContentHTML: "<p>The full text of the story, much longer than the teaser.</p>",
		Published: t0.Add(time.Minute), Categories: []string{"Harbour", "Ports"}, Images: []feedsvc.Image{{URL: "https://x.example/i.jpg"}}, Sections: []string{"top"}}}
	other := feedsvc.Version{Kind: feedsvc.VersionFeed, Changed: map[string]time.Time{"title": t0.Add(time.Hour)},
		Article: feedsvc.Article{SourceID: "c", URL: "https://x.example/1", Title: "Corrected title", BodyText: "Teaser.", Sections: []string{"world"}}}
	orders := [][]feedsvc.Version{{feed, page, other}, {page, other, feed}, {other, feed, page}, {other, page, feed}}
	var want string
	for i, vs := range orders {
		b, _ := json.Marshal(merge(vs))
		if i == 0 {
			want = string(b)
			continue
		}
		if string(b) != want {
			t.Fatalf("order %d merged to\n%s\nwant\n%s", i, b, want)
		}
	}
	m := merge(orders[0])
	if m.Title != "Corrected title" || m.Authors[0] != "Li Wei" || !strings.Contains(m.BodyText, "full text") || !m.Published.Equal(t0) ||
		len(m.Categories) != 2 || len(m.Sections) != 2 || len(m.AlsoIn) != 2 || m.SourceID != "b" {
		t.Errorf("merge: %+v", m)
	}
}

// Issue 12.1: feed then page, or page then feed, store the same article
// (first-seen times aside, which are the poll times).
func TestPollOrderGivesSameArticle(t *testing.T) {
	site := &storySite{listDate: "2024-03-05", pageTitle: "Harbour reopens", pageBody: "The harbour reopened on Wednesday.",
		feedTitle: "Harbour reopens (feed)", feedCats: "<category>Ports</category>"}
	site.srv = &feedServer{}
	site.srv.Server = serveOn(t, "127.0.0.1:0", http.HandlerFunc(site.handler))
	loc, _ := time.LoadLocation("Asia/Shanghai")
	feed := &feedsvc.Source{ID: "feed", URL: site.srv.URL + "/feed.xml", Kind: feedsvc.KindFeed, Sections: []string{"news"}, Location: loc, Interval: time.Minute}
	page := &feedsvc.Source{ID: "page", URL: site.srv.URL + "/list/", Kind: feedsvc.KindHTML, Sections: []string{"top"}, Location: loc, Interval: time.Minute}
	stored := func(order ...*feedsvc.Source) string {
		st := memstore.New()
		in := newIngester(st)
		for _, src := range order {
			if _, err := in.Poll(context.Background(), src); err != nil {
				t.Fatal(err)
			}
		}
		js := storedJSON(t, st, []string{site.srv.URL + "/2024-03-05/1.html"})
		return firstSeenRE.ReplaceAllString(js, `"first_seen":"-"`)
	}
	if a, b := stored(feed, page), stored(page, feed); a != b {
		t.Errorf("feed first:\n%s\npage first:\n%s", a, b)
	}
}

var firstSeenRE = regexp.MustCompile(`"first_seen":"[^"]*"`)

// A story from one source keeps no second copy of itself: its version is
// a stub (kind, change times, stated update), and re-polls change nothing.
func TestLoneVersionIsAStub(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	src := source("a", fs.URL+"/a.xml")
	fs.set("/a.xml", rss(item{"g1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "<p>Body one, <b>bold</b>.</p>"}), 0)
	for i := range 3 {
		_ = st.PutSourceState(ctx, feedsvc.SourceState{SourceID: "a"})
		pr, err := in.Poll(ctx, src)
		if err != nil || i > 0 && pr.Changed != 0 {
			t.Fatalf("poll %d: %+v %v", i, pr, err)
		}
	}
	a := section(t, st)[0]
	if len(a.Versions) != 1 || a.Versions[0].Article.BodyText != "" || a.Versions[0].Article.SourceID != "a" {
		t.Errorf("versions %+v; want one stub of source a", a.Versions)
	}
}
