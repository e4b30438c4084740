package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
)

// A UTF-8 feed with one stray 0xFF byte keeps its other titles intact
// through `feedsvc check` (issue 15 item 8).
func TestCheckUTF8FeedWithOneBadByte(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>` +
		`<item><title>Café crème</title><link>http://127.0.0.1/a</link></item>` +
		`<item><title>职工书屋建设</title><link>http://127.0.0.1/b</link></item>` +
		"<item><title>bad \xff byte</title><link>http://127.0.0.1/c</link></item></channel></rss>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		_, _ = w.Write([]byte(doc))
	}))
	defer srv.Close()
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"check", srv.URL}, func(string) string { return "" }, &out, &errb); code != 0 {
		t.Fatalf("check: exit %d: %s", code, errb.String())
	}
	var arts []struct{ Title string }
	if err := json.Unmarshal(out.Bytes(), &arts); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	got := strings.Join(titles, "|")
	for _, want := range []string{"Café crème", "职工书屋建设", "bad \uFFFD byte"} {
		if !strings.Contains(got, want) {
			t.Errorf("titles %q lack %q", got, want)
		}
	}
}

// With private networks refused, sources at IPv6 spellings of loopback
// fail with the private-address error in /api/status (issue 15 item 12).
func TestServiceRefusesEmbeddedLoopbackSources(t *testing.T) {
	file := config.File{Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}}}
	for i, host := range []string{"[::127.0.0.1]", "[2002:7f00:1::1]", "[fec0::1]", "[::ffff:127.0.0.1]"} {
		file.Sources = append(file.Sources, feedsvc.Source{ID: "s" + string(rune('a'+i)), URL: "http://" + host + ":9/feed.xml",
			Kind: "feed", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour})
	}
	app := startAppEnv(t, nil, file, map[string]string{"FEEDSVC_ALLOW_PRIVATE_NETWORKS": "false"})
	errs := waitSourceErrors(t, app.Base, len(file.Sources))
	for _, s := range file.Sources {
		if !strings.Contains(errs[s.ID], "private address") {
			t.Errorf("%s (%s): last_error %q, want the private-address refusal", s.ID, s.URL, errs[s.ID])
		}
	}
}
