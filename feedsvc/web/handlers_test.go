package web

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestSectionPageHeadersAndETag(t *testing.T) {
	p := newTestPages(t, testBase)
	res, body := get(t, p, "/sections/zgyl")
	h := res.Header
	want := map[string]string{
		"Content-Type":           "text/html; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "public, max-age=60",
		// Set by the one response helper, as for channels (pages used
		// to go out chunked, without a length).
		"Content-Length": strconv.Itoa(len(body)),
	}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("%s: got %q, want %q", k, got, v)
		}
	}
	etag := h.Get("ETag")
	if !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
		t.Fatalf("ETag: got %q, want a quoted hash", etag)
	}
	res2, body2 := get(t, p, "/sections/zgyl", "If-None-Match", `"other", `+etag)
	if res2.StatusCode != http.StatusNotModified || body2 != "" {
		t.Errorf("If-None-Match: got %d with %d bytes, want 304 and no body", res2.StatusCode, len(body2))
	}
	res3, _ := get(t, p, "/sections/zgyl", "If-None-Match", `"stale"`)
	if res3.StatusCode != http.StatusOK {
		t.Errorf("stale If-None-Match: got %d, want 200", res3.StatusCode)
	}
	if other, _ := get(t, p, "/sections/world"); other.Header.Get("ETag") == etag {
		t.Error("two different pages share an ETag")
	}
	if _, again := get(t, p, "/sections/zgyl"); again != body {
		t.Error("the same page rendered twice differs: ETags would never match")
	}
}

// TestCSPAllowsOwnInlineCode checks the policy's hashes match the inline
// style and script the page really carries, and nothing broader.
func TestCSPAllowsOwnInlineCode(t *testing.T) {
	p := newTestPages(t, testBase)
	res, body := get(t, p, "/sections/world")
	policy := res.Header.Get("Content-Security-Policy")
	d := doc(t, body)
	for _, sel := range []string{"style", "script"} {
		sum := sha256.Sum256([]byte(d.Find(sel).Text()))
		h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(policy, sel+"-src "+h) {
			t.Errorf("CSP %q does not allow the page's inline %s (%s)", policy, sel, h)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval"} {
		if strings.Contains(policy, bad) {
			t.Errorf("CSP %q allows %s", policy, bad)
		}
	}
}

func TestUnknownSectionIs404(t *testing.T) {
	p := newTestPages(t, testBase)
	for _, path := range []string{"/sections/nope", "/sections/nope/rss", "/sections/nope/news-sitemap.xml"} {
		t.Run(path, func(t *testing.T) {
			res, body := get(t, p, path)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status: got %d, want 404", res.StatusCode)
			}
			if got, want := res.Header.Get("Content-Type"), "text/plain; charset=utf-8"; got != want {
				t.Errorf("Content-Type: got %q, want %q", got, want)
			}
			if !strings.Contains(body, "nope") {
				t.Errorf("body %q does not name the section", body)
			}
		})
	}
}

func TestStoreFailureIs503(t *testing.T) {
	p := newTestPages(t, testBase)
	_ = p.Store.Close()
	res, _ := get(t, p, "/sections/zgyl")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status: got %d, want 503", res.StatusCode)
	}
}

func TestChannelURLServesSamePage(t *testing.T) {
	p := newTestPages(t, testBase)
	_, page := get(t, p, "/sections/world")
	res, body := get(t, p, "/sections/world/rss", "Accept", "text/html")
	if body != page {
		t.Error("channel URL page differs from the section page")
	}
	if got := res.Header.Get("Vary"); got != "Accept" {
		t.Errorf("Vary: got %q, want %q", got, "Accept")
	}
}

func TestAllMergesSections(t *testing.T) {
	p := newTestPages(t, testBase)
	_, body := get(t, p, "/sections/all")
	got := doc(t, body).Find("main article h2 a").Map(func(_ int, s *goquery.Selection) string {
		return s.AttrOr("href", "")
	})
	want := []string{"https://example.org/world/undated", "https://example.org/world/attack",
		"https://www.workercn.cn/c/2023-11-15/8040001.shtml", "https://example.org/world/old"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("combined page: got %q, want %q (each once, newest first)", got, want)
	}
}

func TestEmptySection(t *testing.T) {
	p := newTestPages(t, testBase)
	res, body := get(t, p, "/sections/empty")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, english.Empty) {
		t.Errorf("empty section: got %d, want 200 with %q", res.StatusCode, english.Empty)
	}
}

func TestIndexListsSections(t *testing.T) {
	p := newTestPages(t, nil) // no BaseURL: links use the request's host
	res, body := get(t, p, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status: got %d", res.StatusCode)
	}
	d := doc(t, body)
	for _, sec := range append([]feedsvc.Section{{Slug: feedsvc.AllSlug}}, testSections...) {
		page := "http://example.com/sections/" + sec.Slug
		li := d.Find(`ul.sections > li:has(h2 a[href="` + page + `"])`)
		if li.Length() != 1 {
			t.Errorf("section %s: %d entries link %s, want 1", sec.Slug, li.Length(), page)
			continue
		}
		if sec.Title != "" && li.Find("h2").Text() != sec.Title {
			t.Errorf("section %s title: got %q, want %q", sec.Slug, li.Find("h2").Text(), sec.Title)
		}
		for _, f := range []string{"rss", "atom", "json"} {
			u, _ := url.JoinPath(page, f)
			if li.Find(`input[value="`+u+`"]`).Length() != 1 {
				t.Errorf("section %s lacks feed URL %s", sec.Slug, u)
			}
		}
	}
}
