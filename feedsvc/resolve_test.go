package feedsvc

import (
	"net/url"
	"strings"
	"testing"
)

func TestResolveURL(t *testing.T) {
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
			if got := ResolveURL(tt.base, tt.in); got != tt.want {
				t.Errorf("ResolveURL(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzResolveURL(f *testing.F) {
	for _, s := range []string{"img/a.jpg", "//cdn.e.org/a", "javascript:x", "data:,x", "../../../x", "?q", "#f", "http://[::1]/", "mailto:x@y"} {
		f.Add("https://e.org/a/b.html", s)
	}
	f.Fuzz(func(t *testing.T, base, ref string) {
		b, err := url.Parse(base)
		if err != nil {
			b = nil
		}
		got := ResolveURL(b, ref)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || !u.IsAbs() {
			t.Fatalf("ResolveURL(%q, %q) = %q: not absolute (%v)", base, ref, got, err)
		}
		if s := strings.ToLower(u.Scheme); s == "javascript" || s == "data" || s == "vbscript" {
			t.Errorf("ResolveURL(%q, %q) = %q: unsafe scheme", base, ref, got)
		}
	})
}
