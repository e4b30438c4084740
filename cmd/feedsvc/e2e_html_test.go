package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// siteServer serves the shared list page and the four article pages
// under their paths, with the list's absolute links pointed at itself.
func siteServer(t *testing.T) *httptest.Server {
	t.Helper()
	pages := filepath.Join(testenv.Shared(t), "pages")
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("GET /c/zgyl/", func(w http.ResponseWriter, r *http.Request) {
		b, _ := os.ReadFile(filepath.Join(pages, "list.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(bytes.ReplaceAll(b, []byte("https://www.workercn.cn"), []byte(srv.URL)))
	})
	for _, name := range []string{"seed-article", "zh-article", "gbk-article", "jsonld-article"} {
		var exp struct{ URL string }
		b, _ := os.ReadFile(filepath.Join(pages, name+".expected.json"))
		if err := json.Unmarshal(b, &exp); err != nil {
			t.Fatal(err)
		}
		body, _ := os.ReadFile(filepath.Join(pages, name+".html"))
		mux.HandleFunc("GET "+strings.TrimPrefix(exp.URL, "https://www.workercn.cn"), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html") // no charset: the page declares it
			_, _ = w.Write(body)
		})
	}
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestServiceEndToEndHTMLSource ingests an HTML section list page and its
// article pages and checks the section's channels carry the articles with
// their dates and images.
func TestServiceEndToEndHTMLSource(t *testing.T) {
	site := siteServer(t)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "ent", Title: "中工娱乐", Language: "zh-CN"}},
		Sources: []feedsvc.Source{{ID: "site", URL: site.URL + "/c/zgyl/", Kind: feedsvc.KindHTML,
			Sections: []string{"ent"}, Location: loc, Timezone: "Asia/Shanghai", Interval: time.Hour}},
	}
	base := startApp(t, memstore.New(), file)
	deadline := time.Now().Add(30 * time.Second)
	var feed struct {
		Items []struct {
			Title, URL, Image string
			DatePublished     string `json:"date_published"`
			Ext               struct {
				Source string `json:"source"`
			} `json:"_feedsvc"`
		} `json:"items"`
	}
	for len(feed.Items) < 4 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		_, b := httpGet(t, base+"/sections/ent/json", nil)
		if err := json.Unmarshal(b, &feed); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]string{ // title prefix → published (UTC)
		"The seminar on": "2023-11-14T23:24:00Z",
		"丰台区总工会举办基层工会主席": "2023-11-14T23:24:00Z",
		"首都职工冬季读书季启动":    "2023-11-14T22:58:00Z",
		"北京：户外劳动者服务站点":   "2023-11-14T22:30:00Z",
	}
	if len(feed.Items) != len(want) {
		t.Fatalf("got %d items, want %d (the 4 article pages the site serves)", len(feed.Items), len(want))
	}
	for _, it := range feed.Items {
		found := false
		for prefix, date := range want {
			if strings.HasPrefix(it.Title, prefix) {
				found = true
				if it.DatePublished != date {
					t.Errorf("%s: date %q, want %q", prefix, it.DatePublished, date)
				}
			}
		}
		if !found {
			t.Errorf("unexpected item %q", it.Title)
		}
		if !strings.HasPrefix(it.Image, "http") {
			t.Errorf("%s: image %q is not an absolute URL", it.Title, it.Image)
		}
	}
	_, atom := httpGet(t, base+"/sections/ent/atom", nil)
	_, rss := httpGet(t, base+"/sections/ent/rss", nil)
	for prefix := range want {
		if !bytes.Contains(atom, []byte(prefix)) || !bytes.Contains(rss, []byte(prefix)) {
			t.Errorf("Atom or RSS lacks %q", prefix)
		}
	}
	if !bytes.Contains(rss, []byte("<enclosure")) || !bytes.Contains(atom, []byte(`rel="enclosure"`)) {
		t.Errorf("RSS/Atom carry no image enclosures")
	}
}
