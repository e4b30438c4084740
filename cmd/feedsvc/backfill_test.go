package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestMembershipBackfill: moving a source into another section through
// the admin API brings its stored articles there and takes them out of
// the old one; a story another source of the old section also carries
// stays there.
func TestMembershipBackfill(t *testing.T) {
	for name, env := range storeEnvs(t) {
		t.Run(name, func(t *testing.T) { testBackfill(t, env) })
	}
}

func testBackfill(t *testing.T, env map[string]string) {
	now := time.Now().UTC().Truncate(time.Second)
	a, b, c := tdItems("a", "http://a.test", 3), tdItems("b", "http://b.test", 2), tdItems("c", "http://c.test", 1)
	shared := tdItem{GUID: "b-shared", Link: "http://shared.test/story.html", Title: "shared story"}
	mux := http.NewServeMux()
	feedA, feedC := &feedHandler{}, &feedHandler{}
	feedA.Set(recentRSS("A", now, a))
	feedC.Set(recentRSS("C", now, append(c, tdItem{GUID: "c-shared", Link: shared.Link, Title: shared.Title})))
	mux.Handle("/a.xml", feedA)
	mux.Handle("/c.xml", feedC)
	mux.Handle("/b.xml", rssHandler(recentRSS("B", now, append(b, shared)), "application/rss+xml"))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}, {Slug: "world", Title: "World", Language: "en"}},
		Sources: []feedsvc.Source{
			{ID: "a", URL: srv.URL + "/a.xml", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour},
			{ID: "b", URL: srv.URL + "/b.xml", Sections: []string{"world"}, Location: time.UTC, Interval: time.Hour},
			{ID: "c", URL: srv.URL + "/c.xml", Sections: []string{"world", "news"}, Location: time.UTC, Interval: time.Hour},
		},
	}
	app := startAppEnv(t, nil, file, env)
	sh := []tdItem{shared}
	waitURLs(t, app.Base, "news", tdLinks(a, c, sh), 60*time.Second)
	waitURLs(t, app.Base, "world", tdLinks(b, c, sh), 60*time.Second)
	// From now on a and c list nothing: only their stored articles move.
	feedA.Set(recentRSS("A", now, nil))
	feedC.Set(recentRSS("C", now, nil))

	put := func(id, sections string) {
		t.Helper()
		body := `{"url":"` + srv.URL + "/" + id + `.xml","sections":` + sections + `,"interval":"1h"}`
		if code := adminDo(t, "PUT", app.Base+"/api/sources/"+id, body); code != http.StatusOK {
			t.Fatalf("PUT /api/sources/%s: got %d, want 200", id, code)
		}
	}
	put("a", `["world"]`)
	waitURLs(t, app.Base, "world", tdLinks(a, b, c, sh), 30*time.Second)
	waitURLs(t, app.Base, "news", tdLinks(c, sh), 30*time.Second)

	// c leaves world: its own story goes, the shared one stays (b holds it).
	put("c", `["news"]`)
	waitURLs(t, app.Base, "world", tdLinks(a, b, sh), 30*time.Second)
	waitURLs(t, app.Base, "news", tdLinks(c, sh), 30*time.Second)
}
