package normalize

import (
	"net/url"
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

func TestResolve(t *testing.T) {
	https, _ := url.Parse("https://www.e.org/news/2023/a.html?x=1")
	http, _ := url.Parse("http://www.e.org/news/")
	tests := []struct {
		name string
		base *url.URL
		in   string
		want string
	}{
		{"relative file", https, "img/p.jpg", "https://www.e.org/news/2023/img/p.jpg"},
		{"dot segments", https, "../../img/p.jpg", "https://www.e.org/img/p.jpg"},
		{"root relative", https, "/img/p.jpg", "https://www.e.org/img/p.jpg"},
		{"protocol relative on https", https, "//cdn.e.org/p.jpg", "https://cdn.e.org/p.jpg"},
		{"protocol relative on http", http, "//cdn.e.org/p.jpg", "http://cdn.e.org/p.jpg"},
		{"protocol relative without base", nil, "//cdn.e.org/p.jpg", "http://cdn.e.org/p.jpg"},
		{"absolute kept", https, "http://other.org/x", "http://other.org/x"},
		{"query only", https, "?page=2", "https://www.e.org/news/2023/a.html?page=2"},
		{"spaces and newlines", https, "  /img/a\nb.jpg ", "https://www.e.org/img/ab.jpg"},
		{"space inside", https, "/img/a b.jpg", "https://www.e.org/img/a%20b.jpg"},
		{"backslashes", https, `\img\p.jpg`, "https://www.e.org/img/p.jpg"},
		{"mailto kept", https, "mailto:ed@e.org", "mailto:ed@e.org"},
		{"javascript dropped", https, "javascript:void(0)", ""},
		{"javascript upper dropped", https, " JavaScript:alert(1)", ""},
		{"data dropped", https, "data:image/gif;base64,R0lGOD", ""},
		{"vbscript dropped", https, "vbscript:x", ""},
		{"app scheme dropped", https, "weixin://dl/x", ""},
		{"empty", https, "", ""},
		{"relative without base", nil, "img/p.jpg", ""},
		{"unparseable", https, "http://[bad", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Resolve(tt.base, tt.in); got != tt.want {
				t.Errorf("Resolve(%q): got %q, want %q", tt.in, got, tt.want)
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

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"img/a.jpg", "//cdn.e.org/a", "javascript:x", "data:,x", "../../../x", "?q", "#f", "http://[::1]/", "mailto:x@y"} {
		f.Add("https://e.org/a/b.html", s)
	}
	f.Fuzz(func(t *testing.T, base, ref string) {
		b, err := url.Parse(base)
		if err != nil {
			b = nil
		}
		got := Resolve(b, ref)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || !u.IsAbs() {
			t.Fatalf("Resolve(%q, %q) = %q: not absolute (%v)", base, ref, got, err)
		}
		if s := strings.ToLower(u.Scheme); s == "javascript" || s == "data" || s == "vbscript" {
			t.Errorf("Resolve(%q, %q) = %q: unsafe scheme", base, ref, got)
		}
	})
}
