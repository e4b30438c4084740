package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
)

// takedownDocs are the documents of section news a takedown must clear.
func takedownDocs(month string) []string {
	return []string{"/sections/news/rss", "/sections/news/atom", "/sections/news/json", "/sections/news",
		"/sections/news/news-sitemap.xml", "/sections/news/archive/" + month + "/json",
		"/sections/news/archive/" + month + "/rss", "/sections/all/json"}
}

// docsHolding returns the documents that contain s (each must answer 200).
func docsHolding(t *testing.T, base, s string, paths []string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		resp, b := httpGet(t, base+p, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %.200s", p, resp.StatusCode, b)
		}
		if bytes.Contains(b, []byte(s)) {
			out = append(out, p)
		}
	}
	return out
}

// TestTakedown: an article found by URL and id is taken down through the
// admin API and is gone from every document of its section on the very
// next request; polls of its source (and of another source carrying the
// same link) never bring it back; the tombstone is listed, counted in
// /metrics; lifting it brings the article back on the next poll.
func TestTakedown(t *testing.T) {
	for name, env := range storeEnvs(t) {
		t.Run(name, func(t *testing.T) { testTakedown(t, env) })
	}
}

func testTakedown(t *testing.T, env map[string]string) {
	now := time.Now().UTC().Truncate(time.Second)
	items := tdItems("a", "http://news.test", 4)
	victim := items[1]
	// Source m carries the same link under its own guid (a mirror).
	mirror := []tdItem{{GUID: "m-1", Link: victim.Link, Title: victim.Title}}
	feedA, feedM := &feedHandler{}, &feedHandler{}
	feedA.Set(recentRSS("A", now, items))
	feedM.Set(recentRSS("M", now, mirror))
	mux := http.NewServeMux()
	mux.Handle("/a.xml", feedA)
	mux.Handle("/m.xml", feedM)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}},
		Sources: []feedsvc.Source{
			{ID: "a", URL: srv.URL + "/a.xml", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour},
			{ID: "m", URL: srv.URL + "/m.xml", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour},
		},
	}
	app := startAppEnv(t, nil, file, env)
	waitURLs(t, app.Base, "news", tdLinks(items), 60*time.Second)
	waitFor(t, 30*time.Second, "mirror polled", func() (bool, string) { return len(feedM.Fetches()) > 0, "" })
	month := now.Add(-2 * time.Hour).Format("2006-01")
	docs := takedownDocs(month)
	if got := docsHolding(t, app.Base, victim.Link, docs); len(got) != len(docs) {
		t.Fatalf("before the takedown the link is in %q, want every one of %q", got, docs)
	}

	var found feedsvc.Article
	if code := adminJSON(t, "GET", app.Base+"/api/articles?url="+url.QueryEscape(victim.Link), &found); code != 200 || found.URL != victim.Link {
		t.Fatalf("GET /api/articles?url=: %d, url %q", code, found.URL)
	}
	var byID feedsvc.Article
	if code := adminJSON(t, "GET", app.Base+"/api/articles/"+found.ID, &byID); code != 200 || byID.ID != found.ID {
		t.Fatalf("GET /api/articles/%s: %d, id %q", found.ID, code, byID.ID)
	}
	if code := adminDo(t, "DELETE", app.Base+"/api/articles/"+found.ID, ""); code != 200 {
		t.Fatalf("DELETE /api/articles/%s: got %d, want 200", found.ID, code)
	}
	if got := docsHolding(t, app.Base, victim.Link, docs); len(got) > 0 {
		t.Fatalf("the request after the takedown still shows %s in %q", victim.Link, got)
	}
	if code := adminJSON(t, "GET", app.Base+"/api/articles/"+found.ID, nil); code != http.StatusGone {
		t.Errorf("GET a taken-down article: got %d, want 410", code)
	}
	var ts feedsvc.Tombstones
	if code := adminJSON(t, "GET", app.Base+"/api/tombstones", &ts); code != 200 || len(ts) != 1 || ts[0].ID != found.ID || ts[0].URL != victim.Link {
		t.Fatalf("GET /api/tombstones: %d %+v", code, ts)
	}
	if _, b := httpGet(t, app.Base+"/metrics", nil); !bytes.Contains(b, []byte(`feedsvc_takedowns_total{action="delete"} 1`)) {
		t.Errorf("/metrics does not count the takedown")
	}
	if !logged(t, app, "article taken down", found.ID) {
		t.Errorf("the takedown is not logged")
	}

	// Polls of both sources (with a new story, to know the poll is done)
	// never bring it back.
	extra := tdItem{GUID: "a-new", Link: "http://news.test/a/new.html", Title: "a new story"}
	feedA.Set(recentRSS("A", now, append([]tdItem{extra}, items...)))
	refresh(t, app.Base, "m")
	refresh(t, app.Base, "a")
	rest := append([]tdItem{extra, items[0]}, items[2:]...)
	waitURLs(t, app.Base, "news", tdLinks(rest), 60*time.Second)
	n := len(feedM.Fetches())
	refresh(t, app.Base, "m")
	waitFor(t, 30*time.Second, "mirror polled again", func() (bool, string) { return len(feedM.Fetches()) > n, "" })
	time.Sleep(500 * time.Millisecond) // the poll stores (or not) after the fetch
	if got := docsHolding(t, app.Base, victim.Link, docs); len(got) > 0 {
		t.Fatalf("polls brought the taken-down link back in %q", got)
	}

	if code := adminDo(t, "DELETE", app.Base+"/api/tombstones/"+found.ID, ""); code != 200 {
		t.Fatalf("DELETE /api/tombstones/%s: got %d, want 200", found.ID, code)
	}
	waitURLs(t, app.Base, "news", tdLinks(append(rest, victim)), 60*time.Second)
	if code := adminJSON(t, "GET", app.Base+"/api/tombstones", &ts); code != 200 || len(ts) != 0 {
		t.Errorf("tombstones after the lift: %d %+v", code, ts)
	}
	if code := adminDo(t, "DELETE", app.Base+"/api/tombstones/"+found.ID, ""); code != http.StatusNotFound {
		t.Errorf("lifting twice: got %d, want 404", code)
	}
	if !logged(t, app, "takedown lifted", found.ID) {
		t.Errorf("the lift is not logged")
	}
}

// logged reports whether the App logged msg for article id.
func logged(t *testing.T, app *runningApp, msg, id string) bool {
	t.Helper()
	for _, r := range app.Log.Records(t) {
		if r["msg"] == msg && r["article_id"] == id {
			return true
		}
	}
	return false
}

// TestTakedownReplicas: two replicas on one Redis, both having served the
// section; a takedown through one is gone from the other's documents
// within its one-second section-version check (measured), and its
// tombstone keeps the other replica's polls from storing it again.
func TestTakedownReplicas(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	items := tdItems("a", "http://news.test", 3)
	feed := &feedHandler{}
	feed.Set(recentRSS("A", now, items))
	srv := httptest.NewServer(feed)
	defer srv.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}},
		Sources:  []feedsvc.Source{{ID: "a", URL: srv.URL, Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour}},
	}
	env := replicaEnv(t, uniquePrefix("takedown"))
	one, two := startAppEnv(t, nil, file, env), startAppEnv(t, nil, file, env)
	waitURLs(t, one.Base, "news", tdLinks(items), 60*time.Second)
	waitURLs(t, two.Base, "news", tdLinks(items), 60*time.Second)
	month := now.Add(-2 * time.Hour).Format("2006-01")
	docs := takedownDocs(month)
	victim := items[0]
	if got := docsHolding(t, two.Base, victim.Link, docs); len(got) != len(docs) {
		t.Fatalf("replica two before the takedown: link in %q, want all of %q", got, docs)
	}
	var found feedsvc.Article
	if code := adminJSON(t, "GET", one.Base+"/api/articles?url="+url.QueryEscape(victim.Link), &found); code != 200 {
		t.Fatalf("find: %d", code)
	}
	if code := adminDo(t, "DELETE", one.Base+"/api/articles/"+found.ID, ""); code != 200 {
		t.Fatalf("DELETE: %d", code)
	}
	start := time.Now()
	waitFor(t, 10*time.Second, "replica two drops the taken-down article", func() (bool, string) {
		got := docsHolding(t, two.Base, victim.Link, docs)
		return len(got) == 0, fmt.Sprintf("still in %q", got)
	})
	t.Logf("replica two dropped it %v after the DELETE answered", time.Since(start).Round(time.Millisecond))
	refresh(t, two.Base, "a")
	n := len(feed.Fetches())
	waitFor(t, 30*time.Second, "replica two polls again", func() (bool, string) { return len(feed.Fetches()) > n, "" })
	time.Sleep(500 * time.Millisecond)
	for _, app := range []*runningApp{one, two} {
		if got := docsHolding(t, app.Base, victim.Link, docs); len(got) > 0 {
			t.Errorf("a poll on replica two brought it back: %s shows it in %q", app.Base, got)
		}
	}
}
