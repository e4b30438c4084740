package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
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

// TestMembershipBackfillAtStart: a store whose source was in section news
// when last reconciled starts with a catalog that has it in world: its
// stored articles move to world at start, except one older than world's
// retention, which leaves with news.
func TestMembershipBackfillAtStart(t *testing.T) {
	st := memstore.New()
	now := time.Now().UTC()
	var arts []feedsvc.Article
	for i, age := range []time.Duration{time.Hour, 2 * time.Hour, 72 * time.Hour} {
		id := fmt.Sprintf("a-%d", i)
		arts = append(arts, feedsvc.Article{ID: id, SourceID: "a", URL: "http://a.test/" + id, Title: id,
			Published: now.Add(-age), Sections: []string{"news"}})
	}
	if err := st.PutArticles(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	if err := st.PutBlob(t.Context(), "membership:sections", []byte(`{"version":0,"sources":{"a":["news"]}}`), 0); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(rssHandler(recentRSS("A", now, nil), "application/rss+xml"))
	defer srv.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News"}, {Slug: "world", Title: "World", Retain: feedsvc.Age(48 * time.Hour)}},
		Sources:  []feedsvc.Source{{ID: "a", URL: srv.URL, Sections: []string{"world"}, Location: time.UTC, Interval: time.Hour}},
	}
	app := startAppEnv(t, st, file, nil)
	want := []testItem{{Link: "http://a.test/a-0"}, {Link: "http://a.test/a-1"}}
	waitURLs(t, app.Base, "world", want, 30*time.Second)
	waitURLs(t, app.Base, "news", nil, 30*time.Second)
}
