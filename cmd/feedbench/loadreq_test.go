package main

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func testTarget(t *testing.T) *loadTarget {
	t.Helper()
	base, err := url.Parse("http://127.0.0.1:8080")
	if err != nil {
		t.Fatal(err)
	}
	return &loadTarget{base: base, token: "tok", slugs: []string{"news"}, sources: []string{"feed-1"},
		months: []string{"2025-11"}, sections: []map[string]any{{"slug": "news", "title": "News", "limit": 50.0}}}
}

func TestPlanByKind(t *testing.T) {
	tg := testTarget(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		for k := range numKinds {
			etags := map[string]string{}
			for _, f := range channelFormats {
				u := "http://127.0.0.1:8080/sections/news/" + f
				etags[etagKey(u, false)], etags[etagKey(u, true)] = `"`+f+`"`, `"`+f+`-gz"`
			}
			c := tg.plan(k, rng, etags)
			if c.kind != k {
				t.Fatalf("plan(%s) gave kind %s", k, c.kind)
			}
			checkPlanned(t, c, etags)
		}
	}
}

// checkPlanned asserts the shape each kind promises.
func checkPlanned(t *testing.T, c call, etags map[string]string) {
	t.Helper()
	u, err := url.Parse(c.url)
	if err != nil || u.Host != "127.0.0.1:8080" {
		t.Fatalf("%s: url %q", c.kind, c.url)
	}
	switch c.kind {
	case kindRead, kindGzip:
		if c.method != http.MethodGet || u.RawQuery != "" || c.gzip != (c.kind == kindGzip) || c.etagKey == "" || c.inm != "" {
			t.Errorf("%s: %+v", c.kind, c)
		}
	case kindCond:
		if c.inm == "" || c.inm != etags[c.etagKey] || len(c.want) != 2 {
			t.Errorf("conditional sends If-None-Match %q for %q (etags %v), wants %v", c.inm, c.etagKey, etags, c.want)
		}
	case kindFilter:
		if u.RawQuery == "" || !strings.HasPrefix(u.Path, "/sections/news/") {
			t.Errorf("filtered: %q", c.url)
		}
	case kindArchive:
		if u.Path != "/sections/all/json" && !strings.HasPrefix(u.Path, "/sections/news/archive/2025-11/") {
			t.Errorf("archive: %q", c.url)
		}
	case kindAdmin:
		checkAdmin(t, c, u)
	}
}

func checkAdmin(t *testing.T, c call, u *url.URL) {
	t.Helper()
	if !c.auth {
		t.Errorf("admin call without token: %+v", c)
	}
	switch {
	case c.method == http.MethodPut && u.Path == "/api/sections/news":
		var sec map[string]any
		if err := json.Unmarshal(c.body, &sec); err != nil {
			t.Fatalf("PUT body %q: %v", c.body, err)
		}
		desc, _ := sec["description"].(string)
		if n, err := strconv.Atoi(strings.TrimPrefix(desc, "load ")); err != nil || n < 1 || sec["title"] != "News" || sec["limit"] != 50.0 {
			t.Errorf("PUT body %q: want the section with description \"load N\"", c.body)
		}
	case c.method == http.MethodPost && u.Path == "/api/sources/feed-1/refresh":
	default:
		t.Errorf("admin: %s %s", c.method, c.url)
	}
}

func TestFilterQuery(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	seen := map[string]bool{}
	for range 1000 {
		v := filterQuery(rng)
		if len(v) == 0 {
			t.Fatal("empty filter")
		}
		for k := range v {
			seen[k] = true
		}
		if l := v.Get("limit"); l != "" {
			if n, err := strconv.Atoi(l); err != nil || n < 1 || n > 100 {
				t.Errorf("limit %q", l)
			}
		}
		if s := v.Get("since"); s != "" {
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				t.Errorf("since %q: %v", s, err)
			}
		}
	}
	for _, k := range []string{"q", "category", "limit", "since"} {
		if !seen[k] {
			t.Errorf("parameter %s never drawn", k)
		}
	}
}

func TestCallCheck(t *testing.T) {
	feed := call{feed: true, want: []int{200}}
	gz := call{feed: true, gzip: true, want: []int{200}}
	cond := call{feed: true, want: []int{304, 200}}
	admin := call{want: []int{202, 200}}
	etag := http.Header{"Etag": {`"x"`}}
	gzh := http.Header{"Etag": {`"x-gz"`}, "Content-Encoding": {"gzip"}}
	for _, tc := range []struct {
		name   string
		c      call
		status int
		h      http.Header
		body   string
		err    string
	}{
		{"feed ok", feed, 200, etag, "<rss/>", ""},
		{"feed 500", feed, 500, etag, "boom", "status 500"},
		{"feed without etag", feed, 200, http.Header{}, "<rss/>", "ETag"},
		{"feed empty body", feed, 200, etag, "", "body bytes"},
		{"gzip ok", gz, 200, gzh, "\x1f\x8b\x08rest", ""},
		{"gzip not encoded", gz, 200, etag, "<rss/>", "gzip requested"},
		{"gzip header, plain body", gz, 200, gzh, "<rss/>", "gzip requested"},
		{"304 has no body", cond, 304, http.Header{}, "", ""},
		{"cond 200", cond, 200, etag, "{}", ""},
		{"admin 202", admin, 202, http.Header{}, "{}", ""},
		{"admin 401", admin, 401, http.Header{}, "{}", "status 401"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.c.check(tc.status, tc.h, []byte(tc.body))
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("got %v, want %q", err, tc.err)
			}
		})
	}
}
