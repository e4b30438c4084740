package normalize

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"lower scheme and host", "HTTPS://WWW.Example.COM/Path/A.html", "https://www.example.com/Path/A.html"},
		{"default http port", "http://example.com:80/a", "http://example.com/a"},
		{"default https port", "https://example.com:443/a", "https://example.com/a"},
		{"other port kept", "https://example.com:8443/a", "https://example.com:8443/a"},
		{"fragment dropped", "https://example.com/a#comments", "https://example.com/a"},
		{"utm dropped, order kept", "https://e.org/a?b=2&utm_source=x&a=1&utm_medium=y", "https://e.org/a?b=2&a=1"},
		{"all tracking dropped", "https://e.org/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&spm=5&_hsenc=6&igshid=7&mtm_campaign=8", "https://e.org/a"},
		{"tracking key case", "https://e.org/a?UTM_Source=x&id=3", "https://e.org/a?id=3"},
		{"wechat share from", "https://e.org/a?id=3&from=timeline&isappinstalled=0", "https://e.org/a?id=3"},
		{"meaningful from kept", "https://e.org/a?from=2023", "https://e.org/a?from=2023"},
		{"empty path", "https://e.org", "https://e.org/"},
		{"empty query", "https://e.org/a?", "https://e.org/a"},
		{"encoded path kept", "https://e.org/%E4%B8%AD/a", "https://e.org/%E4%B8%AD/a"},
		{"trailing dot host", "https://e.org./a", "https://e.org/a"},
		{"ipv6 port", "http://[::1]:80/a", "http://[::1]/a"},
		{"relative", "/a/b", ""},
		{"protocol relative", "//e.org/a", ""},
		{"mailto", "mailto:a@e.org", ""},
		{"javascript", "javascript:alert(1)", ""},
		{"unparseable", "http://e.org/%zz", ""},
		{"empty", "", ""},
		{"webtrekk and xiti campaigns", "https://www.heise.de/a.html?wt_mc=rss.ho.beitrag.rdf&xtor=RSS-1", "https://www.heise.de/a.html"},
		{"google redirect unwrapped", "https://www.google.com/url?rct=j&sa=t&url=https://e.org/a%3Fid%3D1&ct=ga&usg=X", "https://e.org/a?id=1"},
		{"google redirect q, target cleaned", "http://google.co.uk/url?q=https://E.org/a?utm_source=x", "https://e.org/a"},
		{"google redirect to non-http kept", "https://www.google.com/url?q=javascript:x", "https://www.google.com/url?q=javascript:x"},
		{"other google path kept", "https://www.google.com/search?q=https://e.org/", "https://www.google.com/search?q=https://e.org/"},
		{"lookalike host kept", "https://google.com.evil.io/url?url=https://e.org/", "https://google.com.evil.io/url?url=https://e.org/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://E.org:443/a?utm_source=x&b=1#f", "http://e.org", "/rel", "http://[::1]:80/",
		"https://e.org/%E4%B8%AD?a=%zz&utm_x=1", "https://e.org/a?&&x", "HTTP://e.org./", "ftp://e.org/a",
		"https://www.google.com/url?url=https://www.google.com/url?url%3Dhttps://e.org/%26utm_source%3Dx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CanonicalURL(s)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || !u.IsAbs() || u.Host == "" {
			t.Fatalf("CanonicalURL(%q) = %q: not absolute (%v)", s, got, err)
		}
		if again := CanonicalURL(got); again != got {
			t.Errorf("CanonicalURL not idempotent: %q → %q → %q", s, got, again)
		}
		for k := range u.Query() {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				t.Errorf("CanonicalURL(%q) = %q keeps %s", s, got, k)
			}
		}
	})
}

// urlCases are URLs at the edges of the plain shortcut.
var urlCases = []string{"https://E.org", "https://e.org.", "https://e.org..", "https://.", "http://e.org/?", "http://e.org?",
	"https://e.org/a?&", "https://e.org/a?a=1&&b", "https://e.org/a?utm_source=1", "https://e.org/a?x=<b>", "https://e.org/url?q=https://f.org/",
	"https://www.google.com/url?q=https://f.org/a?utm_x=1", "https://e.org/a?UTM_x=1&b", "https://e.org/a?from=Timeline", "https://e.org/a?%75tm_x=1",
	"https://e.org/a?b=%zz", "http://e.org/a;b?c", "https://e.org//a", "https://e.org/a/../b", "https://E.ORG./A?B=1"}

// TestCanonicalPlainFixtures: CanonicalURL with its shortcut gives what
// the full path gives for every link of the fixtures and the edge cases;
// cleanQuery's shortcut changes nothing either.
func TestCanonicalPlainFixtures(t *testing.T) {
	refs := append([]string(nil), urlCases...)
	attr := regexp.MustCompile(`(?i)\b(?:href|src|url)\s*=\s*["']([^"'<>]*)["']|<(?:link|guid|id|url)[^>]*>([^<]*)<`)
	for _, text := range fixtureTexts(t) {
		text = html.UnescapeString(text)
		for _, m := range attr.FindAllStringSubmatch(text, -1) {
			refs = append(refs, m[1]+m[2])
		}
	}
	plain := 0
	for _, ref := range refs {
		if got, want := CanonicalURL(ref), canonicalFull(ref); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", ref, got, want)
		}
		if _, ok := canonicalPlain(ref); ok {
			plain++
		}
		_, q, _ := strings.Cut(ref, "?")
		if got, want := cleanQuery(q), cleanQueryFull(q); got != want {
			t.Errorf("cleanQuery(%q) = %q, want %q", q, got, want)
		}
	}
	t.Logf("%d of %d fixture URLs take the shortcut", plain, len(refs))
	if len(refs) < 300 || plain < len(refs)/3 {
		t.Errorf("shortcut taken by %d of %d URLs, want a third of at least 300", plain, len(refs))
	}
}

// FuzzCanonicalPlain: the shortcut agrees with the full path.
func FuzzCanonicalPlain(f *testing.F) {
	for _, s := range urlCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CanonicalURL(s), canonicalFull(s); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", s, got, want)
		}
		_, q, _ := strings.Cut(s, "?")
		if got, want := cleanQuery(q), cleanQueryFull(q); got != want {
			t.Errorf("cleanQuery(%q) = %q, want %q", q, got, want)
		}
	})
}
