package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// uaSource serves a one-item RSS feed and records each request's
// User-Agent.
func uaSource(t *testing.T) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.UserAgent())
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(`<rss version="2.0"><channel><title>t</title><item><title>One</title>` +
			`<link>http://127.0.0.1/one</link><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate></item></channel></rss>`))
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), seen...) }
}

// check and serve send USER_AGENT, and by default a User-Agent naming the
// service and its version (issue 10 item 6).
func TestUserAgentSetting(t *testing.T) {
	for _, tc := range []struct{ env, want string }{
		{"", "feedsvc/" + version + " (+https://github.com/feedsvc/feedsvc)"},
		{"MyNews/2.0 (+https://news.example/bot)", "MyNews/2.0 (+https://news.example/bot)"},
	} {
		srv, seen := uaSource(t)
		var out, errb bytes.Buffer
		env := map[string]string{"USER_AGENT": tc.env}
		if code := run(context.Background(), []string{"check", srv.URL + "/feed.xml"}, func(k string) string { return env[k] }, &out, &errb); code != 0 {
			t.Fatalf("check: exit %d: %s", code, errb.String())
		}
		if got := seen(); len(got) != 1 || got[0] != tc.want {
			t.Errorf("check with USER_AGENT=%q: source saw %q, want [%q]", tc.env, got, tc.want)
		}
		srv, seen = uaSource(t)
		app := startAppEnv(t, nil, testFile(srv.URL), map[string]string{"USER_AGENT": tc.env})
		deadline := time.Now().Add(20 * time.Second)
		for len(seen()) < 2 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		app.Stop()
		got := seen()
		if len(got) < 2 {
			t.Fatalf("serve: the sources saw %d requests, want 2", len(got))
		}
		for _, ua := range got {
			if ua != tc.want {
				t.Errorf("serve with USER_AGENT=%q: source saw %q, want %q", tc.env, ua, tc.want)
			}
		}
	}
}
