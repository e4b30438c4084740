package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// pageServer serves one feed (/feed.xml) and HTML article pages (/a/N)
// with ETags, counting requests and 304 answers per path.
type pageServer struct {
	mu     sync.Mutex
	docs   map[string]string
	codes  map[string]int
	hits   map[string]int
	not304 map[string]int
	*httptest.Server
}

func newPageServer(t *testing.T) *pageServer {
	ps := &pageServer{docs: map[string]string{}, codes: map[string]int{}, hits: map[string]int{}, not304: map[string]int{}}
	ps.Server = httptest.NewServer(http.HandlerFunc(ps.serve))
	t.Cleanup(ps.Close)
	return ps
}

func (ps *pageServer) serve(w http.ResponseWriter, r *http.Request) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.hits[r.URL.Path]++
	if c := ps.codes[r.URL.Path]; c != 0 {
		http.Error(w, "boom", c)
		return
	}
	doc, ok := ps.docs[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"%x-%d"`, len(doc), strings.Count(doc, "e"))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		ps.not304[r.URL.Path]++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	ct := "text/html; charset=utf-8"
	if strings.HasSuffix(r.URL.Path, ".xml") {
		ct = "application/rss+xml; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	_, _ = w.Write([]byte(doc))
}

func (ps *pageServer) set(path, doc string, code int) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.docs[path], ps.codes[path] = doc, code
}

func (ps *pageServer) count(path string) (hits, notModified int) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.hits[path], ps.not304[path]
}

// fullText is an article body well over the teaser threshold.
func fullText(n int) string {
	var b strings.Builder
	for i := range 8 {
		fmt.Fprintf(&b, "<p>Paragraph %d of story %d: the city council voted on the new budget for parks, schools and roads after a long debate that lasted well into the night, and residents followed every word.</p>", i, n)
	}
	return b.String()
}

func articlePage(title, body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>` +
		`<meta property="og:type" content="article"><meta property="article:published_time" content="2023-11-15T07:24:00+08:00"></head>` +
		`<body><nav><a href="/">Home</a></nav><article><h1>` + title + `</h1><div class="byline">By Ann Reporter</div>` +
		body + `</article><footer>Copyright</footer></body></html>`
}

func teaserFeed(ps *pageServer, n int, extra string) string {
	var items []item
	for i := 1; i <= n; i++ {
		items = append(items, item{fmt.Sprintf("g%d", i), fmt.Sprintf("Story %d", i), fmt.Sprintf("%s/a/%d", ps.URL, i),
			"Wed, 15 Nov 2023 07:24:00 +0800", "<p>Teaser " + extra + fmt.Sprint(i) + "</p>"})
	}
	return rss(items...)
}

func storyBodies(t *testing.T, st feedsvc.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, a := range section(t, st) {
		out[a.Title] = a.BodyText
	}
	return out
}

func TestFulltextMergesPageOncePerItemVersion(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		ps := newPageServer(t)
		in := newIngester(st)
		src := source("a", ps.URL+"/feed.xml")
		ps.set("/feed.xml", teaserFeed(ps, 2, ""), 0)
		ps.set("/a/1", articlePage("Story 1", fullText(1)), 0)
		ps.set("/a/2", articlePage("Story 2", fullText(2)), 0)
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
		bodies := storyBodies(t, st)
		for _, title := range []string{"Story 1", "Story 2"} {
			if !strings.Contains(bodies[title], "the city council voted") {
				t.Errorf("%s after the first poll has body %q, want the article page's full text", title, bodies[title])
			}
		}
		arts := section(t, st)
		if len(arts) != 2 || len(arts[0].Versions) != 2 || len(arts[0].AlsoIn) != 0 {
			t.Fatalf("stored %d stories; first has %d versions and also_in %v, want 2 stories of a feed item and its page, no also_in",
				len(arts), len(arts[0].Versions), arts[0].AlsoIn)
		}
		before := jsonOf(t, section(t, st))
		// The feed changes (a new item without a link) but its items do not: no page again.
		ps.set("/feed.xml", teaserFeed(ps, 2, "")+"<!-- v2 -->", 0)
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
		if h, _ := ps.count("/a/1"); h != 1 {
			t.Errorf("article page 1 fetched %d times after a re-read of an unchanged item, want 1", h)
		}
		if after := jsonOf(t, section(t, st)); after != before {
			t.Errorf("a re-poll of unchanged items changed the stored stories:\n%s\n%s", before, after)
		}
		// The items change: each page is asked again, conditionally, and keeps its full text.
		ps.set("/feed.xml", teaserFeed(ps, 2, "new "), 0)
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
		if h, n304 := ps.count("/a/1"); h != 2 || n304 != 1 {
			t.Errorf("article page 1 after an item change: %d requests, %d answered 304; want 2 and 1", h, n304)
		}
		if b := storyBodies(t, st)["Story 1"]; !strings.Contains(b, "the city council voted") {
			t.Errorf("after a 304 for the page the body is %q, want the full text kept", b)
		}
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
		if h, _ := ps.count("/a/1"); h != 2 {
			t.Errorf("article page 1 fetched %d times after polls of an unchanged item, want 2", h)
		}
	})
}

func TestFulltextFailureKeepsTeaserAndCounts(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		ps := newPageServer(t)
		in := newIngester(st)
		src := source("a", ps.URL+"/feed.xml")
		ps.set("/feed.xml", teaserFeed(ps, 1, ""), 0)
		ps.set("/a/1", "", http.StatusInternalServerError)
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatalf("a failing article page failed the poll: %v", err)
		}
		if b := storyBodies(t, st)["Story 1"]; b != "Teaser 1" {
			t.Errorf("body after a failed page = %q, want the teaser", b)
		}
		state, err := st.SourceState(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		if ft := state.Fulltext; ft == nil || ft.Failures != 1 || !strings.Contains(ft.LastError, "500") || state.Health != feedsvc.HealthOK {
			t.Fatalf("source state after a failed page: %+v fulltext %+v", state, ft)
		}
		ps.set("/feed.xml", teaserFeed(ps, 1, "")+"<!-- v2 -->", 0)
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
		if h, _ := ps.count("/a/1"); h != 1 {
			t.Errorf("failed page fetched %d times for an unchanged item, want 1 (retried after the item changes)", h)
		}
	})
}

func TestFulltextModesAndPerPollCap(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		ps := newPageServer(t)
		in := newIngester(st)
		in.FulltextPages = 1
		never := source("n", ps.URL+"/never.xml")
		never.Fulltext = feedsvc.FulltextNever
		ps.set("/never.xml", rss(item{"n1", "Never", ps.URL + "/a/9", "Wed, 15 Nov 2023 07:24:00 +0800", "<p>short</p>"}), 0)
		ps.set("/a/9", articlePage("Never", fullText(9)), 0)
		if _, err := in.Poll(ctx, never); err != nil {
			t.Fatal(err)
		}
		if h, _ := ps.count("/a/9"); h != 0 {
			t.Errorf("fulltext: never fetched the article page %d times", h)
		}
		src := source("a", ps.URL+"/feed.xml")
		ps.set("/feed.xml", teaserFeed(ps, 2, ""), 0)
		ps.set("/a/1", articlePage("Story 1", fullText(1)), 0)
		ps.set("/a/2", articlePage("Story 2", fullText(2)), 0)
		if _, err := in.Poll(ctx, src); err != nil {
			t.Fatal(err)
		}
		h1, _ := ps.count("/a/1")
		h2, _ := ps.count("/a/2")
		state, _ := st.SourceState(ctx, "a")
		if h1+h2 != 1 || state.Fulltext == nil || state.Fulltext.Pending != 1 {
			t.Fatalf("first poll with a cap of 1 fetched %d pages, state %+v; want 1 and 1 pending", h1+h2, state.Fulltext)
		}
		if _, err := in.Poll(ctx, src); err != nil { // the feed is read again (no 304) for the pending page
			t.Fatal(err)
		}
		h1, _ = ps.count("/a/1")
		h2, _ = ps.count("/a/2")
		if h1 != 1 || h2 != 1 {
			t.Errorf("after two capped polls the pages were fetched %d and %d times, want once each", h1, h2)
		}
		// always: an item with a long body gets its page too.
		long := source("l", ps.URL+"/long.xml")
		long.Fulltext = feedsvc.FulltextAlways
		ps.set("/long.xml", rss(item{"l1", "Long", ps.URL + "/a/3", "Wed, 15 Nov 2023 07:24:00 +0800", fullText(30)}), 0)
		ps.set("/a/3", articlePage("Long", fullText(3)), 0)
		if _, err := in.Poll(ctx, long); err != nil {
			t.Fatal(err)
		}
		if h, _ := ps.count("/a/3"); h != 1 {
			t.Errorf("fulltext: always fetched the page of a full item %d times, want 1", h)
		}
	})
}

func TestWantsFulltext(t *testing.T) {
	src := &feedsvc.Source{}
	short := &feedsvc.Article{URL: "https://news.example.org/1", BodyText: "short"}
	long := &feedsvc.Article{URL: "https://news.example.org/2", BodyText: strings.Repeat("x", feedsvc.FulltextThreshold)}
	noLink := &feedsvc.Article{BodyText: "short"}
	reserved := &feedsvc.Article{URL: "http://example.test/1", BodyText: "short"}
	if !wantsFulltext(src, short) || wantsFulltext(src, long) || wantsFulltext(src, noLink) || wantsFulltext(src, reserved) {
		t.Error("auto: want a page only for a linked item shorter than the threshold")
	}
	src.Fulltext = feedsvc.FulltextAlways
	if !wantsFulltext(src, long) || wantsFulltext(src, noLink) {
		t.Error("always: want a page for every linked item")
	}
	src.Fulltext = feedsvc.FulltextNever
	if wantsFulltext(src, short) {
		t.Error("never: want no page")
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A source's feed item and its page are two versions of one source: the
// page's full body leads whatever order they come in, also_in names
// neither, a feed poll replaces only the feed item and a page only the page.
func TestFulltextVersionsOfOneSource(t *testing.T) {
	feed := feedsvc.Version{Kind: feedsvc.VersionFeed, Article: feedsvc.Article{SourceID: "a", URL: "https://n.example.org/1",
		Title: "Feed title", BodyText: "Teaser", ContentHTML: "<p>Teaser</p>", Categories: []string{"x"}}}
	page := feedsvc.Version{Kind: feedsvc.VersionPage, Article: feedsvc.Article{SourceID: "a", URL: "https://n.example.org/1",
		Title: "Page title", BodyText: strings.Repeat("full ", 200), ContentHTML: "<p>full</p>", Categories: []string{"y"}}}
	other := feedsvc.Version{Kind: feedsvc.VersionFeed, Article: feedsvc.Article{SourceID: "b", URL: "https://m.example.org/1", BodyText: "Teaser b"}}
	m1 := merge([]feedsvc.Version{feed, page, other})
	m2 := merge([]feedsvc.Version{other, page, feed})
	if jsonOf(t, m1) != jsonOf(t, m2) {
		t.Errorf("merge depends on the order of versions:\n%s\n%s", jsonOf(t, m1), jsonOf(t, m2))
	}
	if m1.BodyText != page.Article.BodyText || m1.Title != "Page title" {
		t.Errorf("merge body %.20q title %q, want the page's full text and title", m1.BodyText, m1.Title)
	}
	if len(m1.AlsoIn) != 1 || m1.AlsoIn[0].SourceID != "b" {
		t.Errorf("also_in = %v, want only source b", m1.AlsoIn)
	}
	vs := []feedsvc.Version{feed, page}
	if i := versionIndex(vs, "a", feedsvc.VersionFeed); i != 0 {
		t.Errorf("feed poll replaces version %d, want 0 (the feed item)", i)
	}
	if i := versionIndex(vs, "a", feedsvc.VersionPage); i != 1 {
		t.Errorf("page replaces version %d, want 1 (the page)", i)
	}
	if i := versionIndex(vs[:1], "a", feedsvc.VersionPage); i != -1 {
		t.Errorf("a first page replaces version %d, want -1 (it joins the feed item)", i)
	}
}
