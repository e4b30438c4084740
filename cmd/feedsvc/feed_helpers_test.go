package main

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// testItem is one RSS item a test source serves.
type testItem struct{ Title, Link string }

// itemsFor returns n items with links unique to host and name, numbered
// from first.
func itemsFor(host, name string, first, n int) []testItem {
	out := make([]testItem, 0, n)
	for i := first; i < first+n; i++ {
		out = append(out, testItem{
			Title: fmt.Sprintf("%s story %d", name, i),
			Link:  fmt.Sprintf("%s/%s/story-%d.html", host, name, i),
		})
	}
	return out
}

// rssBytes renders an RSS 2.0 feed of items, dated one hour apart
// (newest first) before a fixed instant so reruns produce the same bytes.
func rssBytes(title string, items []testItem) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n<rss version=\"2.0\"><channel>")
	fmt.Fprintf(&b, "<title>%s</title><link>http://example.test/</link><description>test</description>", html.EscapeString(title))
	base := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for i, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s body text.</description></item>",
			html.EscapeString(it.Title), html.EscapeString(it.Link), html.EscapeString(it.Link),
			base.Add(time.Duration(len(items)-i)*time.Hour).Format(time.RFC1123Z), html.EscapeString(it.Title))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// channelItem is an item of a JSON Feed channel.
type channelItem struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Title string `json:"title"`
}

// channelItems reads a section's JSON Feed channel.
func channelItems(t *testing.T, base, slug string) ([]channelItem, error) {
	t.Helper()
	resp, b := httpGet(t, base+"/sections/"+slug+"/json", nil)
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s json channel: status %d: %s", slug, resp.StatusCode, b)
	}
	var f struct {
		Items []channelItem `json:"items"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s json channel: %w", slug, err)
	}
	return f.Items, nil
}

// channelURLs returns the sorted item URLs of a section's JSON channel.
func channelURLs(t *testing.T, base, slug string) []string {
	t.Helper()
	items, err := channelItems(t, base, slug)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.URL)
	}
	sort.Strings(out)
	return out
}

// waitURLs waits until a section lists exactly the links of want.
func waitURLs(t *testing.T, base, slug string, want []testItem, timeout time.Duration) {
	t.Helper()
	wantURLs := make([]string, 0, len(want))
	for _, it := range want {
		wantURLs = append(wantURLs, it.Link)
	}
	sort.Strings(wantURLs)
	waitFor(t, timeout, "section "+slug+" lists its source's items", func() (bool, string) {
		got := channelURLs(t, base, slug)
		return strings.Join(got, " ") == strings.Join(wantURLs, " "), fmt.Sprintf("got %q, want %q", got, wantURLs)
	})
}

// feedHandler serves a replaceable RSS document and counts GETs.
type feedHandler struct {
	mu    sync.Mutex
	body  []byte
	times []time.Time
}

func (h *feedHandler) Set(body []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.body = body
}

// Fetches returns when each GET arrived.
func (h *feedHandler) Fetches() []time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Time(nil), h.times...)
}

func (h *feedHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	body := h.body
	h.times = append(h.times, time.Now())
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	_, _ = w.Write(body)
}
