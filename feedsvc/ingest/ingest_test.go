package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// feedServer serves mutable RSS documents by path, with ETags.
type feedServer struct {
	mu    sync.Mutex
	docs  map[string]string
	codes map[string]int
	hits  map[string]int
	*httptest.Server
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{docs: map[string]string{}, codes: map[string]int{}, hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		fs.hits[r.URL.Path]++
		if c := fs.codes[r.URL.Path]; c != 0 {
			http.Error(w, "boom", c)
			return
		}
		doc, ok := fs.docs[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, len(doc)*31+strings.Count(doc, "<"))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		_, _ = w.Write([]byte(doc))
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(path, doc string, code int) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.docs[path], fs.codes[path] = doc, code
}

type item struct{ guid, title, link, date, body string }

func rss(items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>`,
			it.title, it.link, it.guid, it.date, it.body)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func newIngester(st feedsvc.Store) *Ingester {
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second})
	return &Ingester{Pipeline: &Pipeline{Fetch: client}, Store: st, NearDupDistance: feedsvc.DefaultNearDupDistance}
}

func source(id, url string) *feedsvc.Source {
	return &feedsvc.Source{ID: id, URL: url, Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
}

func section(t *testing.T, st feedsvc.Store) []feedsvc.Article {
	t.Helper()
	arts, err := st.SectionArticles(context.Background(), "news", feedsvc.Query{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

const storyBody = "市总工会今天在北京举办职工冬季读书季启动仪式，来自全市各行业的两百余名一线职工代表参加活动，现场发放图书一万余册。"

func TestPollStoresThenNotModifiedThenKeepsOnFailure(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	src := source("a", fs.URL+"/a.xml")
	fs.set("/a.xml", rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "<p>x</p>"},
		item{"2", "Two", "https://news.example/2", "Wed, 15 Nov 2023 08:24:00 +0800", "<p>y</p>"}), 0)
	pr, err := in.Poll(ctx, src)
	if err != nil || pr.Changed != 2 {
		t.Fatalf("first poll: %+v, %v", pr, err)
	}
	if pr, err = in.Poll(ctx, src); err != nil || !pr.NotModified || pr.Changed != 0 {
		t.Fatalf("second poll: got %+v, %v; want a 304 that changes nothing", pr, err)
	}
	fs.set("/a.xml", "", http.StatusInternalServerError)
	if _, err = in.Poll(ctx, src); err == nil {
		t.Fatal("poll of a failing source returned no error")
	}
	state, _ := st.SourceState(ctx, "a")
	if state.Failures != 1 || state.LastStatus != 500 || state.LastError == "" || state.LastSuccess.IsZero() {
		t.Errorf("state after failure: %+v", state)
	}
	if got := len(section(t, st)); got != 2 {
		t.Errorf("after a failure the section has %d articles, want the 2 stored", got)
	}
}

func TestPollUpdateKeepsIDAndMovesUpdated(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	src := source("a", fs.URL+"/a.xml")
	fs.set("/a.xml", rss(item{"g1", "Old title", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "<p>first</p>"}), 0)
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	before := section(t, st)[0]
	fs.set("/a.xml", rss(item{"g1", "Corrected title", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "<p>fixed</p>"}), 0)
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	after := section(t, st)
	if len(after) != 1 || after[0].ID != before.ID || after[0].Title != "Corrected title" {
		t.Fatalf("after correction: %+v", after)
	}
	if !after[0].Updated.After(before.Updated) || !after[0].FirstSeen.Equal(before.FirstSeen) {
		t.Errorf("updated %v (was %v), first seen %v (was %v)", after[0].Updated, before.Updated, after[0].FirstSeen, before.FirstSeen)
	}
}

func TestCrossSourceDuplicates(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	a, b := source("a", fs.URL+"/a.xml"), source("b", fs.URL+"/b.xml")
	date := "Wed, 15 Nov 2023 07:24:00 +0800"
	fs.set("/a.xml", rss(
		item{"a1", "首都职工冬季读书季启动", "https://a.example/2023/1.html", date, storyBody},
		item{"a2", "Same link story", "https://shared.example/story?id=7", date, "<p>Shared wire copy about a harbour.</p>"},
		item{"a3", "丰台区总工会举办基层工会主席培训班", "https://a.example/2023/3.html", date, "丰台区总工会举办基层工会主席学习贯彻中国工会十八大精神培训班，两百余名基层工会干部参加为期两天的集中轮训。"},
	), 0)
	fs.set("/b.xml", rss(
		item{"b1", "首都职工冬季读书季启动！", "https://b.example/news/99.html", date, storyBody + "（完）"},
		item{"b2", "Same link story (updated)", "https://shared.example/story?id=7&utm_source=rss", date, "<p>Other text.</p>"},
		item{"b3", "Unrelated harbour news", "https://b.example/news/100.html", date, "<p>The harbour reopened on Wednesday after three weeks of repairs to the sea wall and the ferry piers.</p>"},
	), 0)
	if _, err := in.Poll(ctx, a); err != nil {
		t.Fatal(err)
	}
	pr, err := in.Poll(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if pr.Duplicates != 2 {
		t.Errorf("duplicates: got %d, want 2 (one near-identical story, one same canonical URL)", pr.Duplicates)
	}
	arts := section(t, st)
	if len(arts) != 4 {
		for _, x := range arts {
			t.Logf("%s %s %v", x.SourceID, x.Title, x.AlsoIn)
		}
		t.Fatalf("section has %d articles, want 4 (3 from a + 1 unrelated from b)", len(arts))
	}
	also := map[string]string{}
	for _, x := range arts {
		for _, r := range x.AlsoIn {
			also[x.URL] = r.SourceID + " " + r.URL
		}
	}
	if got := also["https://a.example/2023/1.html"]; got != "b https://b.example/news/99.html" {
		t.Errorf("near-dup also_in: got %q", got)
	}
	if got := also["https://shared.example/story?id=7"]; !strings.HasPrefix(got, "b ") {
		t.Errorf("same-URL also_in: got %q", got)
	}
	if _, ok := also["https://a.example/2023/3.html"]; ok {
		t.Errorf("a different story was merged (false positive)")
	}
}

func TestSchedulerIsolatesFailingSource(t *testing.T) {
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	fs.set("/ok.xml", rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "x"}), 0)
	fs.set("/bad.xml", "", http.StatusBadGateway)
	srcs := []feedsvc.Source{*source("bad", fs.URL+"/bad.xml"), *source("ok", fs.URL+"/ok.xml")}
	s := &Scheduler{Ingester: in, Sources: func() []feedsvc.Source { return srcs }, Tick: 10 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	// Both polls run at once (the same host lets two through): wait for
	// the healthy source's article and the failing source's recorded state.
	badRecorded := func() bool {
		state, err := st.SourceState(context.Background(), "bad")
		return err == nil && state.Failures >= 1
	}
	for (len(section(t, st)) == 0 || !badRecorded()) && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if len(section(t, st)) != 1 {
		t.Fatal("the healthy source was not ingested")
	}
	if state, err := st.SourceState(context.Background(), "bad"); err != nil || state.Failures < 1 {
		t.Errorf("bad source state: %+v, %v", state, err)
	}
}

func TestNextDelayBacksOffWithCap(t *testing.T) {
	iv, limit := time.Minute, time.Hour
	if d := NextDelay(iv, 0, limit); d != iv {
		t.Errorf("success: got %v, want %v", d, iv)
	}
	for n := 1; n <= 10; n++ {
		want := min(iv<<(n-1), limit) // before ±20% jitter
		for range 20 {
			d := NextDelay(iv, n, limit)
			if d < want*8/10 || d > want*12/10 {
				t.Errorf("failures=%d: %v outside %v ± 20%%", n, d, want)
			}
		}
	}
}

func TestEnrichedMediaIsNotAChangeOnRepoll(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	st := memstore.New()
	in := newIngester(st)
	heads := 0
	in.Enrich = func(_ context.Context, arts []feedsvc.Article) {
		for i := range arts {
			for j := range arts[i].Images {
				heads++
				arts[i].Images[j].Type, arts[i].Images[j].Length = "image/jpeg", 999
			}
		}
	}
	src := source("a", fs.URL+"/a.xml")
	doc := func(title string) string {
		return rss(item{"g1", title, "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", `<p>x<img src="https://news.example/i.jpg"></p>`})
	}
	fs.set("/a.xml", doc("One"), 0)
	if _, err := in.Poll(ctx, src); err != nil {
		t.Fatal(err)
	}
	fs.set("/a.xml", doc("One")+" ", 0) // new bytes and ETag, same item
	pr, err := in.Poll(ctx, src)
	if err != nil || pr.Changed != 0 {
		t.Fatalf("re-poll of an unchanged item: %+v %v; want no change", pr, err)
	}
	if got := section(t, st)[0].Images[0]; got.Length != 999 {
		t.Errorf("stored image lost its enrichment: %+v", got)
	}
	if heads != 1 {
		t.Errorf("enrich ran %d times, want once", heads)
	}
}
