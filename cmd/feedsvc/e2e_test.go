package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redistest"
)

// fixtureServer serves the shared GBK feed, the example Atom feed, and
// the shared HTML list and article pages under one origin.
func fixtureServer(t *testing.T) *httptest.Server {
	t.Helper()
	shared := testenv.Shared(t)
	root := testenv.RepoRoot(t)
	files := map[string]struct{ path, ctype string }{
		"/feed.xml":  {filepath.Join(shared, "feeds/authored/workercn-zgyl-gbk-rss20.xml"), "application/rss+xml; charset=gb2312"},
		"/world.xml": {filepath.Join(root, "examples/feeds/world-atom.xml"), "application/atom+xml"},
	}
	mux := http.NewServeMux()
	for p, f := range files {
		b, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", f.ctype)
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			_, _ = w.Write(b)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func testFile(srcURL string) config.File {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	return config.File{
		Sections: []feedsvc.Section{{Slug: "ent", Title: "中工娱乐", Language: "zh-CN"}, {Slug: "world", Title: "World", Language: "en"}},
		Sources: []feedsvc.Source{
			{ID: "gbk", URL: srcURL + "/feed.xml", Kind: "feed", Sections: []string{"ent"}, Location: loc, Timezone: "Asia/Shanghai", Interval: time.Hour},
			{ID: "world", URL: srcURL + "/world.xml", Sections: []string{"world"}, Location: time.UTC, Interval: time.Hour},
		},
	}
}

// startApp runs the whole service on 127.0.0.1:0 and returns its base URL.
func startApp(t *testing.T, store feedsvc.Store, file config.File) string {
	t.Helper()
	env := map[string]string{"LISTEN_ADDR": "127.0.0.1:0", "FEEDSVC_ALLOW_PRIVATE_NETWORKS": "true", "LOG_LEVEL": "warn"}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	app := &App{Config: cfg, File: file, Log: newLogger(io.Discard, "text", "warn"), Store: store}
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- app.Run(ctx, ready) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("service did not start")
	}
	return ""
}

func httpGet(t *testing.T, url string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr, Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

type jsonFeed struct {
	Version string `json:"version"`
	FeedURL string `json:"feed_url"`
	Items   []struct {
		ID          string `json:"id"`
		URL         string `json:"url"`
		ContentHTML string `json:"content_html"`
		ContentText string `json:"content_text"`
	} `json:"items"`
}

// waitItems polls the JSON channel until it holds n items.
func waitItems(t *testing.T, base, slug string, n int) jsonFeed {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, b := httpGet(t, base+"/sections/"+slug+"/json", nil)
		var f jsonFeed
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatalf("json channel: %v\n%s", err, b)
		}
		if len(f.Items) >= n || time.Now().After(deadline) {
			if len(f.Items) != n {
				t.Fatalf("%s: %d items, want %d", slug, len(f.Items), n)
			}
			return f
		}
		time.Sleep(100 * time.Millisecond)
	}
}

type rssDoc struct {
	Channel struct {
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Items []struct {
			Link    string `xml:"link"`
			GUID    string `xml:"guid"`
			PubDate string `xml:"pubDate"`
		} `xml:"item"`
	} `xml:"channel"`
}

type atomDoc struct {
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func checkService(t *testing.T, store feedsvc.Store) {
	src := fixtureServer(t)
	base := startApp(t, store, testFile(src.URL))
	jf := waitItems(t, base, "ent", 5) // 6 items in the GBK feed, one repeated
	waitItems(t, base, "world", 2)
	if jf.Version != "https://jsonfeed.org/version/1.1" || jf.FeedURL != base+"/sections/ent/json" {
		t.Errorf("json feed: version %q feed_url %q", jf.Version, jf.FeedURL)
	}
	var jsonURLs []string
	for _, it := range jf.Items {
		if it.ID == "" || (it.ContentHTML == "" && it.ContentText == "") {
			t.Errorf("json item without id or content: %+v", it)
		}
		jsonURLs = append(jsonURLs, it.URL)
	}

	_, rb := httpGet(t, base+"/sections/ent/rss", nil)
	var rss rssDoc
	if err := xml.Unmarshal(rb, &rss); err != nil {
		t.Fatalf("rss: %v", err)
	}
	selfOK := false
	for _, l := range rss.Channel.Links {
		selfOK = selfOK || (l.Rel == "self" && l.Href == base+"/sections/ent/rss")
	}
	if !selfOK {
		t.Errorf("rss: no atom:link rel=self to %s", base+"/sections/ent/rss")
	}
	var rssURLs []string
	for _, it := range rss.Channel.Items {
		if it.GUID == "" {
			t.Errorf("rss item %s without guid", it.Link)
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("rss pubDate %q: %v", it.PubDate, err)
		}
		rssURLs = append(rssURLs, it.Link)
	}

	_, ab := httpGet(t, base+"/sections/ent/atom", nil)
	var atom atomDoc
	if err := xml.Unmarshal(ab, &atom); err != nil {
		t.Fatalf("atom: %v", err)
	}
	if atom.ID == "" || atom.Title == "" || atom.Updated == "" {
		t.Errorf("atom feed id/title/updated empty: %q %q %q", atom.ID, atom.Title, atom.Updated)
	}
	var atomURLs []string
	for _, e := range atom.Entries {
		if e.ID == "" || e.Title == "" || e.Updated == "" {
			t.Errorf("atom entry missing id/title/updated: %+v", e)
		}
		for _, l := range e.Links {
			if l.Rel == "alternate" || l.Rel == "" {
				atomURLs = append(atomURLs, l.Href)
			}
		}
	}
	if strings.Join(rssURLs, " ") != strings.Join(jsonURLs, " ") || strings.Join(atomURLs, " ") != strings.Join(jsonURLs, " ") {
		t.Errorf("formats differ in items or order:\nrss  %v\natom %v\njson %v", rssURLs, atomURLs, jsonURLs)
	}
	checkValidators(t, base+"/sections/ent/atom", ab)
}

// checkValidators asserts 200 → 304 on both validators and a gzip body.
func checkValidators(t *testing.T, url string, body []byte) {
	t.Helper()
	r, b := httpGet(t, url, nil)
	if !bytes.Equal(b, body) {
		t.Errorf("identical data rendered different bytes")
	}
	etag, lm := r.Header.Get("ETag"), r.Header.Get("Last-Modified")
	if r, _ := httpGet(t, url, map[string]string{"If-None-Match": etag}); r.StatusCode != 304 {
		t.Errorf("If-None-Match %s: got %d, want 304", etag, r.StatusCode)
	}
	if r, _ := httpGet(t, url, map[string]string{"If-Modified-Since": lm}); lm == "" || r.StatusCode != 304 {
		t.Errorf("If-Modified-Since %q: got %d, want 304", lm, r.StatusCode)
	}
	r, gz := httpGet(t, url, map[string]string{"Accept-Encoding": "gzip"})
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	unz, _ := io.ReadAll(zr)
	if !bytes.Equal(unz, body) || r.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("gzip response does not decode to the identity body")
	}
}

func TestServiceEndToEndMemstore(t *testing.T) {
	checkService(t, memstore.New())
}

func TestServiceEndToEndRedis(t *testing.T) {
	checkService(t, redistest.Store(t, "e2e"))
}
