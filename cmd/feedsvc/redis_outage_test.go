package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestRedisOutageServesLastGoodAndCatchesUp runs the App on its own
// redis-server (append-only, fsync always), stops Redis, and checks the
// App keeps serving the last good channel bytes, reports not ready, and
// after Redis restarts on the same port and data directory is ready again,
// lost nothing, and ingests the item the source gained during the outage.
func TestRedisOutageServesLastGoodAndCatchesUp(t *testing.T) {
	dir, port := t.TempDir(), freePort(t)
	rds := startRedis(t, port, dir)
	feed := &feedHandler{}
	v1 := itemsFor("http://example.test", "outage", 0, 3)
	feed.Set(rssBytes("outage", v1))
	src := httptest.NewServer(feed)
	t.Cleanup(src.Close)
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}},
		Sources: []feedsvc.Source{{ID: "outage", URL: src.URL + "/feed.xml", Sections: []string{"news"},
			Location: time.UTC, Interval: 10 * time.Second}},
	}
	// The test feeds are dated 2025: ingest skips what Redis's default
	// retention (90 days) would prune at once.
	app := startAppEnv(t, nil, file, map[string]string{"REDIS_URL": rds.URL(), "REDIS_PREFIX": "outage:", "RETAIN": "forever"})
	waitURLs(t, app.Base, "news", v1, 20*time.Second)
	channel := app.Base + "/sections/news/json"
	good, goodBody := httpGet(t, channel, nil)
	etag := good.Header.Get("ETag")
	if good.StatusCode != http.StatusOK || etag == "" {
		t.Fatalf("channel before the outage: status %d ETag %q", good.StatusCode, etag)
	}
	expectStatus(t, app.Base+"/readyz", http.StatusOK)

	_, pageBody := httpGet(t, app.Base+"/sections/news", nil)
	outage := time.Now()
	rds.Stop(t)
	checkDuringOutage(t, app, channel, goodBody, etag)
	checkPagesDuringOutage(t, app, pageBody)
	// The source gains an item while Redis is down; the refresh is queued
	// and polls fail (no lease) until Redis is back.
	v2 := append(itemsFor("http://example.test", "outage", 3, 1), v1...)
	feed.Set(rssBytes("outage", v2))
	refresh(t, app.Base, "outage")
	time.Sleep(6 * time.Second) // at least one scheduler round while Redis is down
	checkDuringOutage(t, app, channel, goodBody, etag)
	down := time.Since(outage)
	t.Logf("Redis down for %s; log while down: %d error, %d warn lines", down.Round(time.Millisecond),
		countLevel(t, app.Log, "ERROR"), countLevel(t, app.Log, "WARN"))

	restarted := time.Now()
	startRedis(t, port, dir)
	waitFor(t, 15*time.Second, "/readyz 200 after Redis restarted", func() (bool, string) {
		resp, b := httpGet(t, app.Base+"/readyz", nil)
		return resp.StatusCode == http.StatusOK, fmt.Sprintf("status %d %s", resp.StatusCode, b)
	})
	t.Logf("ready %s after the restart", time.Since(restarted).Round(time.Millisecond))
	stored := channelURLs(t, app.Base, "news")
	for _, it := range v1 {
		if !slices.Contains(stored, it.Link) {
			t.Errorf("article %s stored before the outage is gone after the restart (have %q)", it.Link, stored)
		}
	}
	waitURLs(t, app.Base, "news", v2, 30*time.Second)
	t.Logf("caught up %s after the restart", time.Since(restarted).Round(time.Millisecond))
	if st := sourceStates(t, app.Base)["outage"]; st.Health != feedsvc.HealthOK {
		t.Errorf("source health after catching up: got %q (%s), want ok", st.Health, st.LastError)
	}
	if resp, b := httpGet(t, channel, nil); resp.Header.Get("ETag") == etag || bytes.Equal(b, goodBody) {
		t.Errorf("channel after catching up still has the pre-outage ETag %s", etag)
	}
}

// checkDuringOutage asserts the App serves the last good channel bytes,
// answers conditional GETs, says it is not ready, and is alive.
func checkDuringOutage(t *testing.T, app *runningApp, channel string, body []byte, etag string) {
	t.Helper()
	resp, b := httpGet(t, channel, nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") != etag || !bytes.Equal(b, body) {
		t.Errorf("channel while Redis is down: status %d ETag %q (want 200 %q), same bytes %t",
			resp.StatusCode, resp.Header.Get("ETag"), etag, bytes.Equal(b, body))
	}
	if resp, _ := httpGet(t, channel, map[string]string{"If-None-Match": etag}); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match while Redis is down: got %d, want 304", resp.StatusCode)
	}
	expectStatus(t, app.Base+"/readyz", http.StatusServiceUnavailable)
	expectStatus(t, app.Base+"/healthz", http.StatusOK)
}

func expectStatus(t *testing.T, url string, want int) {
	t.Helper()
	if resp, b := httpGet(t, url, nil); resp.StatusCode != want {
		t.Errorf("GET %s: got %d, want %d: %s", url, resp.StatusCode, want, b)
	}
}

func countLevel(t *testing.T, logs *syncBuffer, level string) int {
	n := 0
	for _, r := range logs.Records(t) {
		if r["level"] == level {
			n++
		}
	}
	return n
}

// checkPagesDuringOutage asserts the section page serves its last good
// bytes and /api/status answers with what it can (issue 15, item 15).
func checkPagesDuringOutage(t *testing.T, app *runningApp, pageBody []byte) {
	t.Helper()
	if resp, b := httpGet(t, app.Base+"/sections/news", nil); resp.StatusCode != http.StatusOK || !bytes.Equal(b, pageBody) {
		t.Errorf("section page while Redis is down: status %d, same bytes %t", resp.StatusCode, bytes.Equal(b, pageBody))
	}
	resp, b := httpGet(t, app.Base+"/api/status", nil)
	if resp.StatusCode != http.StatusOK || !bytes.Contains(b, []byte(`"store_error"`)) || !bytes.Contains(b, []byte(`"outage"`)) {
		t.Errorf("/api/status while Redis is down: status %d: %s", resp.StatusCode, b)
	}
}
