package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// membership counts the articles of sections world and top.
func membership(t *testing.T, st feedsvc.Store) string {
	t.Helper()
	var b strings.Builder
	for _, slug := range []string{"world", "top"} {
		arts, err := st.SectionArticles(context.Background(), slug, feedsvc.Query{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", slug, len(arts))
	}
	return b.String()
}

// storedJSON is every stored article of the URLs, in order, as bytes.
func storedJSON(t *testing.T, st feedsvc.Store, urls []string) string {
	t.Helper()
	var b strings.Builder
	for _, u := range urls {
		id, err := st.LookupURL(context.Background(), u)
		if err != nil {
			t.Fatalf("lookup %s: %v", u, err)
		}
		arts, err := st.Articles(context.Background(), []string{id})
		if err != nil || len(arts) != 1 {
			t.Fatalf("article %s: %v %v", id, arts, err)
		}
		js, _ := json.Marshal(arts[0])
		b.Write(js)
	}
	return b.String()
}

// Issue 15.7: two sources carrying the same stories in different sections,
// polled alternately 10 times: every story is in both sections, the
// stored articles do not change after the first pair, and no poll after
// it writes anything.
func TestSameStoryInTwoSourcesDoesNotFlap(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		fs := newFeedServer(t)
		in := newIngester(st)
		var items []item
		var urls []string
		for i := range 31 {
			u := fmt.Sprintf("https://wire.example/2023/%d.html", i)
			urls = append(urls, u)
			items = append(items, item{u, fmt.Sprint("Story ", i), u, "Wed, 15 Nov 2023 07:24:00 +0800", fmt.Sprintf("<p>Body of story %d, told at some length.</p>", i)})
		}
		fs.set("/world.xml", rss(items...), 0)
		fs.set("/top.xml", rss(items...)+" ", 0)
		world, top := source("world-src", fs.URL+"/world.xml"), source("top-src", fs.URL+"/top.xml")
		world.Sections, top.Sections = []string{"world"}, []string{"top"}
		var first string
		for round := range 10 {
			for _, src := range []*feedsvc.Source{world, top} {
				_ = st.PutSourceState(ctx, feedsvc.SourceState{SourceID: src.ID}) // no 304: re-read every time
				pr, err := in.Poll(ctx, src)
				if err != nil {
					t.Fatal(err)
				}
				if round > 0 && pr.Changed != 0 {
					t.Errorf("round %d, %s: changed=%d, want 0", round, src.ID, pr.Changed)
				}
			}
			if got := membership(t, st); got != "world=31 top=31 " {
				t.Fatalf("round %d: membership %s, want every story in both sections", round, got)
			}
			docs := storedJSON(t, st, urls)
			if round == 0 {
				first = docs
			} else if docs != first {
				t.Fatalf("round %d: stored articles changed", round)
			}
		}
		arts, _ := st.SectionArticles(ctx, "world", feedsvc.Query{Limit: 1})
		if len(arts) != 1 || len(arts[0].AlsoIn) != 1 || !slices.Equal(arts[0].Sections, []string{"top", "world"}) {
			t.Errorf("article: source %s also_in %v sections %v; want the other source in also_in and both sections", arts[0].SourceID, arts[0].AlsoIn, arts[0].Sections)
		}
	})
}

// storySite serves one article page (full text, typed metadata) and a
// list page linking it, plus a feed whose item is a teaser of it.
type storySite struct {
	mu        sync.Mutex
	pageTitle string
	listDate  string
	pageBody  string
	feedTitle string
	feedCats  string
	srv       *feedServer
}

func (s *storySite) handler(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.URL.Path {
	case "/list/":
		fmt.Fprintf(w, `<html><body><ul class="news"><li><a href="/2024-03-05/1.html">Story</a> <span>%s</span></li></ul></body></html>`, s.listDate)
	case "/2024-03-05/1.html":
		fmt.Fprintf(w, `<html><head><meta charset="utf-8"><meta property="og:type" content="article"><title>%s</title>
<meta property="article:published_time" content="2024-03-05T10:05:00+08:00"><meta name="author" content="Li Wei">
<meta property="og:image" content="https://img.example/page.jpg"></head><body><article><h1>%s</h1><h2 class="subtitle">The dek</h2>
<figure><img src="https://img.example/page.jpg" alt="The harbour"></figure><p>%s</p><p>A second paragraph makes the page the fullest version of the story, with far more text than the feed's teaser carries.</p></article></body></html>`, s.pageTitle, s.pageTitle, s.pageBody)
	case "/feed.xml":
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title><link>%[1]s/</link>
<item><title>%[2]s</title><link>%[1]s/2024-03-05/1.html</link><guid>%[1]s/2024-03-05/1.html</guid><pubDate>Tue, 05 Mar 2024 02:04:00 +0000</pubDate>
%[3]s<enclosure url="https://img.example/audio.mp3" type="audio/mpeg" length="100"/><description>Teaser only.</description></item></channel></rss>`, s.srv.URL, s.feedTitle, s.feedCats)
	default:
		http.NotFound(w, r)
	}
}

// Issue 12.1: the feed's teaser item and the full article page of one
// story, polled alternately 10 times, give one stable merged article: the
// page's full body and metadata, the earliest published date, the union
// of categories, images and attachments; documents are identical after
// the first pair, and a correction in either source moves updated once.
func TestFeedTeaserAndPageMergeDeterministically(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		site := &storySite{listDate: "2024-03-05", pageTitle: "Harbour reopens", pageBody: "The harbour reopened on Wednesday after three weeks of repairs to the sea wall.",
			feedTitle: "Harbour reopens (feed)", feedCats: "<category>Ports</category>"}
		site.srv = &feedServer{}
		site.srv.Server = serveOn(t, "127.0.0.1:0", http.HandlerFunc(site.handler))
		in := newIngester(st)
		loc, _ := time.LoadLocation("Asia/Shanghai")
		feed := &feedsvc.Source{ID: "feed", URL: site.srv.URL + "/feed.xml", Kind: feedsvc.KindFeed, Sections: []string{"news"}, Location: loc, Interval: time.Minute}
		page := &feedsvc.Source{ID: "page", URL: site.srv.URL + "/list/", Kind: feedsvc.KindHTML, Sections: []string{"news"}, Location: loc, Interval: time.Minute}
		url := site.srv.URL + "/2024-03-05/1.html"
		poll := func(src *feedsvc.Source) {
			t.Helper()
			_ = st.PutSourceState(ctx, feedsvc.SourceState{SourceID: src.ID})
			if _, err := in.Poll(ctx, src); err != nil {
				t.Fatal(err)
			}
		}
		var first string
		for round := range 10 {
			order := []*feedsvc.Source{feed, page}
			if round%2 == 1 {
				order = []*feedsvc.Source{page, feed}
			}
			for _, src := range order {
				poll(src)
			}
			docs := storedJSON(t, st, []string{url})
			if round == 0 {
				first = docs
				continue
			}
			if docs != first {
				t.Fatalf("round %d: stored article changed:\n%s\nwas\n%s", round, docs, first)
			}
		}
		a := section(t, st)
		if len(a) != 1 {
			t.Fatalf("section has %d articles, want 1", len(a))
		}
		got := a[0]
		if got.Title != "Harbour reopens" || !strings.Contains(got.BodyText, "second paragraph") || len(got.Authors) != 1 {
			t.Errorf("merged: title %q authors %v body %q; want the page's title, author and full body", got.Title, got.Authors, got.BodyText)
		}
		if want := time.Date(2024, 3, 5, 2, 4, 0, 0, time.UTC); !got.Published.Equal(want) {
			t.Errorf("published %v, want the earliest %v", got.Published, want)
		}
		if !slices.Contains(got.Categories, "Ports") || len(got.Attachments) != 1 || len(got.Images) == 0 {
			t.Errorf("categories %v attachments %v images %v; want the union", got.Categories, got.Attachments, got.Images)
		}
		if len(got.AlsoIn) != 1 || !got.Updated.IsZero() && !got.Updated.Equal(got.Published) {
			t.Errorf("also_in %v, updated %v; want the other source and no update", got.AlsoIn, got.Updated)
		}
		// A correction in the page moves updated once.
		site.mu.Lock()
		site.pageBody = "The harbour reopened on Thursday after three weeks of repairs to the sea wall."
		site.listDate = "2024-03-06" // the list shows the page changed
		site.mu.Unlock()
		in.Pipeline.HostDelay = 0
		poll(page)
		corrected := section(t, st)[0]
		if !strings.Contains(corrected.BodyText, "Thursday") || !corrected.Updated.After(got.Published) {
			t.Fatalf("after the page's correction: body %q updated %v", corrected.BodyText, corrected.Updated)
		}
		poll(feed)
		poll(page)
		if again := section(t, st)[0]; !again.Updated.Equal(corrected.Updated) {
			t.Errorf("updated moved again (%v → %v) without a change", corrected.Updated, again.Updated)
		}
		// A correction in the feed (a new category) moves it once more.
		time.Sleep(1100 * time.Millisecond)
		site.mu.Lock()
		site.feedCats = "<category>Ports</category><category>Weather</category>"
		site.mu.Unlock()
		poll(feed)
		fixed := section(t, st)[0]
		if !slices.Contains(fixed.Categories, "Weather") || !fixed.Updated.After(corrected.Updated) {
			t.Errorf("after the feed's correction: categories %v updated %v (was %v)", fixed.Categories, fixed.Updated, corrected.Updated)
		}
		poll(page)
		poll(feed)
		if again := section(t, st)[0]; !again.Updated.Equal(fixed.Updated) {
			t.Errorf("updated moved again (%v → %v) without a change", fixed.Updated, again.Updated)
		}
	})
}
