package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
)

// offline keeps every test of this package on loopback: fixtures name
// public hosts (images the media prober HEADs, pages HTML sources link
// to), and a request to one would leave the machine. HTTP_PROXY and
// HTTPS_PROXY point at this refusing proxy on 127.0.0.1 before any test
// runs; loopback destinations (the tests' own servers) are never proxied.
var offline = startOfflineProxy()

// offlineProxy answers 403 to every request and records its target.
type offlineProxy struct {
	mu      sync.Mutex
	targets []string
}

func startOfflineProxy() *offlineProxy {
	p := &offlineProxy{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("offline proxy: " + err.Error())
	}
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.targets = append(p.targets, r.Host)
		p.mu.Unlock()
		http.Error(w, "offline test run: "+r.Host+" is not on loopback", http.StatusForbidden)
	})}
	go func() { _ = srv.Serve(ln) }()
	u := "http://" + ln.Addr().String()
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"} {
		_ = os.Setenv(k, u)
	}
	for _, k := range []string{"NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
		_ = os.Unsetenv(k)
	}
	return p
}

func (p *offlineProxy) saw(host string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, t := range p.targets {
		if t == host {
			return true
		}
	}
	return false
}

// A running service (feed fetch, media prober) and `feedsvc check` send a
// public URL to the offline proxy instead of the network, while loopback
// sources are fetched directly (issue 15 item 14).
func TestTestsStayOnLoopback(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"check", "https://feeds.example.net/rss.xml"}, os.Getenv, &out, &errb); code == 0 ||
		!strings.Contains(errb.String(), "Forbidden") {
		t.Errorf("check of a public URL: exit %d, stderr %q; want the offline proxy's refusal", code, errb.String())
	}
	if !offline.saw("feeds.example.net:443") {
		t.Error("the offline proxy did not see the public feed")
	}
	srv, _ := uaSource(t) // a loopback source whose item has no image
	img := "pics.example.net"
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(`<rss version="2.0"><channel><title>t</title><item><title>One</title>` +
			`<link>http://127.0.0.1/one</link><enclosure url="https://` + img + `/a.jpg"/>` +
			`<pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate></item></channel></rss>`))
	})
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}},
		Sources:  []feedsvc.Source{{ID: "one", URL: srv.URL + "/feed.xml", Kind: "feed", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour}},
	}
	app := startAppEnv(t, nil, file, nil)
	for deadline := time.Now().Add(20 * time.Second); !offline.saw(img+":443") && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	app.Stop()
	if !offline.saw(img + ":443") {
		t.Error("the media prober's HEAD of a public image did not go to the offline proxy")
	}
}
