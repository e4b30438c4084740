package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// document is one channel document as served: body and ETag.
type document struct {
	body []byte
	etag string
}

// crashChannels are the channel documents the crash test compares.
var crashChannels = []string{"/sections/news/rss", "/sections/news/atom", "/sections/news/json",
	"/sections/world/rss", "/sections/world/atom", "/sections/world/json", "/sections/extra/json"}

// TestCrashKeepsPublishedData runs the built binary on a disk store,
// ingests two sources, edits the catalog through the admin API, kills the
// process with SIGKILL while a poll is in flight, and restarts it with
// every source unreachable: every document served before is served after
// with the same bytes and ETag, the API edits are there, and every article
// of a section being written when the kill landed is still served.
func TestCrashKeepsPublishedData(t *testing.T) {
	bin := buildBinary(t)
	dir, dataDir := t.TempDir(), filepath.Join(t.TempDir(), "data")
	news, world := itemsFor("http://news.test", "news", 1, 6), itemsFor("http://world.test", "world", 1, 4)
	inFlight := make(chan struct{}, 1)
	mux := http.NewServeMux()
	mux.Handle("/news.xml", rssHandler(rssBytes("News", news), "application/rss+xml"))
	mux.Handle("/world.xml", rssHandler(rssBytes("World", world), "application/rss+xml"))
	var polls atomic.Int64
	mux.HandleFunc("/live.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(liveFeed(int(polls.Add(1))))
	})
	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case inFlight <- struct{}{}:
		default:
		}
		<-r.Context().Done() // the poll is in flight until the process dies
	})
	src := httptest.NewServer(mux)
	cfg := filepath.Join(dir, "feedsvc.yaml")
	writeCrashConfig(t, cfg, src.URL)

	addr := freeAddr(t)
	p := startProc(t, bin, cfg, procEnv(addr, dataDir))
	p.waitHealthy(t, addr)
	waitURLs(t, p.Base, "news", news, 60*time.Second)
	waitURLs(t, p.Base, "world", world, 60*time.Second)
	if code := adminDo(t, "POST", p.Base+"/api/sections", `{"slug":"extra","title":"Extra"}`); code != http.StatusCreated {
		t.Fatalf("create section: got %d, want 201", code)
	}
	body := fmt.Sprintf(`{"id":"slow","url":%q,"sections":["extra"],"interval":"1h"}`, src.URL+"/slow.xml")
	if code := adminDo(t, "POST", p.Base+"/api/sources", body); code != http.StatusCreated {
		t.Fatalf("create source: got %d, want 201", code)
	}
	select {
	case <-inFlight:
	case <-time.After(60 * time.Second):
		t.Fatal("the new source was not polled within 60s")
	}
	stopLive := keepRefreshing(t, p.Base, "live")
	waitFor(t, 60*time.Second, "live section fills its first page", func() (bool, string) {
		n := len(channelURLs(t, p.Base, "live"))
		return n >= 50 && polls.Load() >= 5, fmt.Sprintf("%d items after %d polls", n, polls.Load())
	})
	before := fetchDocuments(t, p.Base)
	live := channelURLs(t, p.Base, "live")
	k := polls.Load()
	waitFor(t, 30*time.Second, "another poll of the live source", func() (bool, string) { return polls.Load() > k, "" })
	time.Sleep(15 * time.Millisecond) // its 100 articles are being parsed and stored
	p.Kill(t)
	stopLive()
	t.Logf("killed after %d polls of the live source", polls.Load())
	src.Close() // every source unreachable from now on

	p = startProc(t, bin, cfg, procEnv(addr, dataDir))
	p.waitHealthy(t, addr)
	after := fetchDocuments(t, p.Base)
	for _, path := range crashChannels {
		b, a := before[path], after[path]
		if a.etag != b.etag || string(a.body) != string(b.body) {
			t.Errorf("%s changed across the crash: ETag %s -> %s\nbefore: %.300s\nafter:  %.300s", path, b.etag, a.etag, b.body, a.body)
		}
	}
	if got := channelURLs(t, p.Base, "live"); !slices.Equal(got, live) {
		t.Errorf("live section: served %d items before the kill, %d after; lost: %q", len(live), len(got), missing(live, got))
	}
	for _, path := range []string{"/api/sections/extra", "/api/sources/slow"} {
		if code := adminDo(t, "GET", p.Base+path, ""); code != http.StatusOK {
			t.Errorf("GET %s after the crash: got %d, want 200 (API edit lost)", path, code)
		}
	}
}

// writeCrashConfig writes a config of sections news and world, each fed
// by one source of srcURL.
func writeCrashConfig(t *testing.T, path, srcURL string) {
	t.Helper()
	y := strings.Join([]string{
		"sections:",
		"  - {slug: news, title: News, language: en}",
		"  - {slug: world, title: World, language: en}",
		"  - {slug: live, title: Live, language: en}",
		"sources:",
		"  - {id: news, url: '" + srcURL + "/news.xml', sections: [news], interval: 1h}",
		"  - {id: world, url: '" + srcURL + "/world.xml', sections: [world], interval: 1h}",
		"  - {id: live, url: '" + srcURL + "/live.xml', sections: [live], interval: 1h}",
		"",
	}, "\n")
	if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
}

// fetchDocuments GETs every crash channel and fails the test unless each
// answers 200 with an ETag.
func fetchDocuments(t *testing.T, base string) map[string]document {
	t.Helper()
	out := map[string]document{}
	for _, path := range crashChannels {
		resp, b := httpGet(t, base+path, nil)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == "" {
			t.Fatalf("GET %s: status %d, ETag %q: %.300s", path, resp.StatusCode, resp.Header.Get("ETag"), b)
		}
		out[path] = document{body: b, etag: resp.Header.Get("ETag")}
	}
	return out
}

// TestSecondProcessLocked starts two processes on one DATA_DIR: the
// second exits non-zero at once with the lock error naming the data file,
// and the first keeps serving.
func TestSecondProcessLocked(t *testing.T) {
	bin := buildBinary(t)
	dir, dataDir := t.TempDir(), filepath.Join(t.TempDir(), "data")
	src := httptest.NewServer(http.NotFoundHandler())
	defer src.Close()
	cfg := filepath.Join(dir, "feedsvc.yaml")
	writeCrashConfig(t, cfg, src.URL)
	addr := freeAddr(t)
	first := startProc(t, bin, cfg, procEnv(addr, dataDir))
	first.waitHealthy(t, addr)
	second := startProc(t, bin, cfg, procEnv(freeAddr(t), dataDir))
	select {
	case <-second.done:
		if second.err == nil {
			t.Fatalf("second process exited 0:\n%s", second.out.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("second process still running after 30s:\n%s", second.out.String())
	}
	out := second.out.String()
	if !strings.Contains(out, "locked by another process") || !strings.Contains(out, filepath.Join(dataDir, "feedsvc.db")) {
		t.Errorf("second process output lacks the lock error naming the data file:\n%s", out)
	}
	if resp, _ := httpGet(t, first.Base+"/healthz", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("first process: /healthz %d after the second start", resp.StatusCode)
	}
}

// liveFeed is the n-th answer of the live source: 100 new items, each
// older than every item of earlier answers, so that articles written
// after a reader's snapshot never displace what its first page showed.
func liveFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n<rss version=\"2.0\"><channel><title>Live</title><link>http://live.test/</link><description>live</description>")
	base := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	for i := (n - 1) * 100; i < n*100; i++ {
		link := html.EscapeString(fmt.Sprintf("http://live.test/story-%d.html", i))
		fmt.Fprintf(&b, "<item><title>Live %d</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description>Live %d body.</description></item>",
			i, link, link, base.Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z), i)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// keepRefreshing asks the service at base to poll source id again and
// again (a refresh during a poll is queued) until the returned stop is
// called.
func keepRefreshing(t *testing.T, base, id string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		c := &http.Client{Timeout: 2 * time.Second}
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			req, _ := http.NewRequest("POST", base+"/api/sources/"+id+"/refresh", nil)
			req.Header.Set("Authorization", "Bearer "+adminToken)
			if resp, err := c.Do(req); err == nil {
				resp.Body.Close()
			}
		}
	}()
	return func() { close(done); <-finished }
}

// missing returns the elements of want not in got.
func missing(want, got []string) []string {
	var out []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			out = append(out, w)
		}
	}
	return out
}
