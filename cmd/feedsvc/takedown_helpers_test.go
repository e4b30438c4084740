package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// tdItem is one RSS item with its own guid (so two sources can carry the
// same link under different guids: one story, AlsoIn provenance).
type tdItem struct{ GUID, Link, Title string }

// recentRSS renders items dated one hour apart before now (newest first),
// so they are inside the news sitemap's two days and every retention.
func recentRSS(title string, now time.Time, items []tdItem) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n<rss version=\"2.0\"><channel>")
	fmt.Fprintf(&b, "<title>%s</title><link>http://example.test/</link><description>test</description>", html.EscapeString(title))
	for i, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid><pubDate>%s</pubDate><description>%s body text.</description></item>`,
			html.EscapeString(it.Title), html.EscapeString(it.Link), html.EscapeString(it.GUID),
			now.Add(-time.Duration(i+1)*time.Hour).Format(time.RFC1123Z), html.EscapeString(it.Title))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// tdItems returns n items of a source, links under host.
func tdItems(src, host string, n int) []tdItem {
	out := make([]tdItem, n)
	for i := range out {
		out[i] = tdItem{GUID: fmt.Sprintf("%s-%d", src, i+1), Link: fmt.Sprintf("%s/%s/story-%d.html", host, src, i+1),
			Title: fmt.Sprintf("%s story %d", src, i+1)}
	}
	return out
}

func tdLinks(items ...[]tdItem) []testItem {
	var out []testItem
	for _, list := range items {
		for _, it := range list {
			out = append(out, testItem{Title: it.Title, Link: it.Link})
		}
	}
	return out
}

// adminJSON sends an admin request and decodes a JSON answer into v
// (when non-nil); it returns the status.
func adminJSON(t *testing.T, method, url string, v any) int {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s %s: %v\n%s", method, url, err, b)
		}
	}
	return resp.StatusCode
}

// storeEnvs are the stores the end-to-end takedown and backfill tests
// run on: the disk store and Redis (REDIS_URL, a private prefix).
func storeEnvs(t *testing.T) map[string]map[string]string {
	t.Helper()
	return map[string]map[string]string{
		"disk":  {"STORE": "disk"},
		"redis": {"REDIS_URL": testenv.RedisURL(t), "REDIS_PREFIX": uniquePrefix(t.Name())},
	}
}
