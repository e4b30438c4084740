package parse

import (
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// plainTextFull is plainText without its shortcuts.
func plainTextFull(s string) string {
	if tagRE.MatchString(s) {
		s = htmlText(s)
	} else if strings.Contains(s, "&") {
		s = entityRE.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// authorNamesFull is authorNames without its shortcuts.
func authorNamesFull(raw string) []string {
	raw = plainTextFull(raw)
	if m := mailParenRE.FindStringSubmatch(raw); m != nil {
		raw = m[1]
	} else if m := nameAngleRE.FindStringSubmatch(raw); m != nil {
		raw = m[1]
	} else if bareMailRE.MatchString(raw) {
		return nil
	}
	var names []string
	for _, part := range listSepRE.Split(raw, -1) {
		for _, n := range splitHanNames(part) {
			n = strings.TrimSpace(rolePrefixRE.ReplaceAllString(n, ""))
			if n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

var shortcutBases = []string{"", "https://e.org/a/b.html", "http://E.org", "file:///tmp/x", "not a url"}

// sameShortcuts fails t where a shortcut and its full version disagree
// on s.
func sameShortcuts(t *testing.T, s string) {
	t.Helper()
	if got, want := plainText(s), plainTextFull(s); got != want {
		t.Fatalf("plainText(%q) = %q, want %q", s, got, want)
	}
	if got, want := authorNames(s), authorNamesFull(s); !slices.Equal(got, want) {
		t.Fatalf("authorNames(%q) = %q, want %q", s, got, want)
	}
	for _, base := range shortcutBases {
		if got, want := absHTTP(s, base), absHTTPFull(s, base); got != want {
			t.Fatalf("absHTTP(%q, %q) = %q, want %q", s, base, got, want)
		}
	}
}

var shortcutCases = []string{"", "\t \u00a0\n", " a ", "a  b", "a\tb", "a\u00a0 b", "<b>x</b>", "a < b", "&amp; x", "jo@e.org (Jo Smith)",
	"Jo Smith <jo@e.org>", "<jo@e.org>", "本报记者 张伟 通讯员 李娜", "记者：张伟、李娜", "By Jo", "文/张伟", "a|b;c",
	" https://e.org/a ", "https://E.org/a?b=1", "http://e.org/a b", "//e.org/x", "/rel/x.html", "https://e.org/a#f", "\thttps://e.org/\n"}

// TestShortcutsFixtures: plainText, authorNames and absHTTP agree with
// their full versions on every text, name and link of the fixture
// feeds and pages (the documents cut at their tags, and decoded once).
func TestShortcutsFixtures(t *testing.T) {
	root := testenv.Shared(t)
	n := 0
	for _, s := range shortcutCases {
		sameShortcuts(t, s)
	}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, text := range []string{string(raw), html.UnescapeString(string(raw))} {
			for _, part := range strings.Split(text, "<") {
				for _, chunk := range strings.Split(part, ">") {
					if len(chunk) < 300 {
						sameShortcuts(t, chunk)
						n++
					}
				}
			}
		}
		return nil
	})
	if err != nil || n < 1000 {
		t.Fatalf("checked %d fixture pieces, %v", n, err)
	}
}

// FuzzShortcuts: the shortcuts agree with their full versions.
func FuzzShortcuts(f *testing.F) {
	for _, s := range shortcutCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameShortcuts(t, s)
	})
}
