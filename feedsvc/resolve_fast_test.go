package feedsvc

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// plainCases are refs at the edges of PlainAbsolute.
var plainCases = []string{
	"https://e.org", "https://e.org/", "http://e.org/a/b.jpg?x=1&y=2", "https://E.ORG/A", "HTTPS://e.org/a",
	"https://e.org:8080/a", "https://user@e.org/a", "https://e.org/a%20b", "https://e.org/a b", "https://e.org/a#f",
	"https://e.org?q", "https://e.org/?", "https://e.org//x", "https://e.org/./../x", "https://e.org/a(b)",
	"https://e.org/a;b=c,d:e@f$g&h+i", "https://e.org/~u/_x", "https://e.org/a?q=%zz", "https://e.org/a?q=\\x",
	"https://-/", "https://./", "https://..", "http://e.org/é", "http://e.org/a?é", "https:///a", "https://",
	"http://[::1]/", "https://e.org/a?q=<b>'\"", "https://e.org/a?q=1#", "https://e_o.org/", "https://e.org/\x7f",
}

// TestPlainAbsoluteAgrees: for every link and image source of the
// fixtures and the edge cases, the shortcut gives what the full path
// gives, against several bases.
func TestPlainAbsoluteAgrees(t *testing.T) {
	refs := append(fixtureRefs(t), plainCases...)
	bases := []string{"https://www.e.org/news/a.html", "http://e.org/", "file:///tmp/x.html", ""}
	plain := 0
	for _, ref := range refs {
		c := cleanRef(ref)
		if !PlainAbsolute(c) {
			continue
		}
		plain++
		for _, bs := range bases {
			b, _ := url.Parse(bs)
			if bs == "" {
				b = nil
			}
			if got, want := ResolveURL(b, ref), resolveClean(b, c); got != want {
				t.Errorf("ResolveURL(%q, %q) = %q, full path %q", bs, ref, got, want)
			}
		}
	}
	t.Logf("%d refs, %d take the shortcut", len(refs), plain)
	if plain < len(refs)/3 {
		t.Errorf("only %d of %d refs take the shortcut", plain, len(refs))
	}
}

// fixtureRefs are the href and src values of the feed and page fixtures.
func fixtureRefs(t *testing.T) []string {
	t.Helper()
	attr := regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*["']([^"'<>]*)["']`)
	root := filepath.Join("..", "testdata", "shared")
	var out []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(string(raw))
		for _, m := range attr.FindAllStringSubmatch(text, -1) {
			out = append(out, m[1])
		}
		return nil
	})
	if err != nil || len(out) < 100 {
		t.Fatalf("fixture refs: %d, %v", len(out), err)
	}
	return out
}

// FuzzPlainAbsolute: whenever the shortcut applies, the full path gives
// the ref back unchanged, whatever the base.
func FuzzPlainAbsolute(f *testing.F) {
	for _, c := range plainCases {
		f.Add("https://e.org/a/b.html", c)
	}
	f.Fuzz(func(t *testing.T, base, ref string) {
		b, err := url.Parse(base)
		if err != nil {
			b = nil
		}
		c := cleanRef(ref)
		if !PlainAbsolute(c) {
			return
		}
		if want := resolveClean(b, c); want != c {
			t.Errorf("PlainAbsolute(%q) but the full path gives %q", c, want)
		}
	})
}

// FuzzRefClean: a ref refClean passes is one cleanRef gives back as it
// is.
func FuzzRefClean(f *testing.F) {
	for _, c := range append(plainCases, " a", "a\u00a0", "\u3000a", "a\\b", "a\tb", "\x85", "é") {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		if refClean(ref) && cleanRefFull(ref) != ref {
			t.Errorf("refClean(%q), but cleanRef gives %q", ref, cleanRefFull(ref))
		}
	})
}

// TestRefCleanFixtures: on every fixture ref, cleanRef with its shortcut
// gives what the full version gives, and the shortcut mostly applies.
func TestRefCleanFixtures(t *testing.T) {
	refs := append(fixtureRefs(t), plainCases...)
	clean := 0
	for _, ref := range refs {
		if got, want := cleanRef(ref), cleanRefFull(ref); got != want {
			t.Errorf("cleanRef(%q) = %q, want %q", ref, got, want)
		}
		if refClean(ref) {
			clean++
		}
	}
	if clean < len(refs)/2 {
		t.Errorf("refClean passes %d of %d fixture refs, want most", clean, len(refs))
	}
}

var plainPathCases = []string{"/", "/a/b.jpg", "/a?x=1", "/a?", "/a/./b", "/a/../b", "/.well-known/x", "/a/.", "/a/..", "//e.org/x",
	"/a b", "/a%20b", "/a#f", "/a?q=#", "/a//b", "/a\\b", "/é", "/a?é", "/a:b@c", "/~u/_x;y=z"}

var plainPathBases = []string{"https://www.e.org/news/a.html?q=1#f", "http://E.org", "https://e.org:8080/a", "https://u@e.org/a",
	"http:///p", "HTTP://e.org/", "file:///tmp/x.html", "mailto:a@e.org", "https://[::1]/a", "https://e_o.org/", "https://e.org./", "https://e.org/a/b/c/d"}

// TestResolvePlainPathAgrees: for every fixture ref and edge case
// against every edge base, ResolveURL with the site-absolute shortcut
// gives what the full path gives.
func TestResolvePlainPathAgrees(t *testing.T) {
	refs := append(fixtureRefs(t), plainPathCases...)
	took := 0
	for _, bs := range plainPathBases {
		b, err := url.Parse(bs)
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range refs {
			c := cleanRef(ref)
			if got, want := ResolveURL(b, ref), resolveClean(b, c); got != want && !PlainAbsolute(c) {
				t.Errorf("ResolveURL(%q, %q) = %q, full path %q", bs, ref, got, want)
			}
			if _, ok := resolvePlainPath(b, c); ok {
				took++
			}
		}
	}
	if took < 20 {
		t.Errorf("the shortcut was taken %d times, want many", took)
	}
}

// FuzzResolvePlainPath: whenever the site-absolute shortcut applies, the
// full path gives the same URL.
func FuzzResolvePlainPath(f *testing.F) {
	for _, bs := range plainPathBases {
		for _, ref := range plainPathCases {
			f.Add(bs, ref)
		}
	}
	f.Fuzz(func(t *testing.T, base, ref string) {
		b, err := url.Parse(base)
		if err != nil {
			return
		}
		c := cleanRef(ref)
		if got, ok := resolvePlainPath(b, c); ok {
			if want := resolveClean(b, c); got != want {
				t.Errorf("resolvePlainPath(%q, %q) = %q, full path %q", base, c, got, want)
			}
		}
	})
}
