package parse

import (
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
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

// cleanListFull is cleanList without its shortcut for short lists.
func cleanListFull(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range in {
		v = plainText(v)
		k := strings.ToLower(v)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

// dedupeImagesFull is dedupeImages without its shortcut for short lists
// and without reusing in.
func dedupeImagesFull(in []feedsvc.Image) []feedsvc.Image {
	var out []feedsvc.Image
	idx := map[string]int{}
	for _, im := range in {
		if i, ok := idx[im.URL]; ok {
			mergeImage(&out[i], im)
			continue
		}
		idx[im.URL] = len(out)
		out = append(out, im)
	}
	return out
}

// sameListShortcuts fails t where cleanList or dedupeImages disagree with
// their full versions on lists cut from s: its words, its characters
// and (past the short-list length) its words repeated.
func sameListShortcuts(t *testing.T, s string) {
	t.Helper()
	words := strings.Fields(s)
	for _, list := range [][]string{words, strings.Split(s, ""), slices.Concat(words, words, words, strings.Split(s, ""))} {
		if got, want := cleanList(list), cleanListFull(list); !slices.Equal(got, want) {
			t.Fatalf("cleanList(%q) = %q, want %q", list, got, want)
		}
		var imgs []feedsvc.Image
		for i, w := range list {
			imgs = append(imgs, feedsvc.Image{URL: strings.ToLower(w), Alt: w, Caption: list[(i+1)%len(list)], Length: int64(i % 3)})
		}
		want := dedupeImagesFull(slices.Clone(imgs))
		if got := dedupeImages(imgs); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("dedupeImages(%v) = %v, want %v", imgs, got, want)
		}
	}
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
	sameListShortcuts(t, s)
	full := strings.Contains(s, "xml:base") || strings.Contains(s, "xml:lang") || strings.Contains(s, ":about")
	if got := mayHaveXMLBase([]byte(s)); got != full {
		t.Fatalf("mayHaveXMLBase(%q) = %v, want %v", s, got, full)
	}
	for _, base := range shortcutBases {
		if got, want := absHTTP(s, base), absHTTPFull(s, base); got != want {
			t.Fatalf("absHTTP(%q, %q) = %q, want %q", s, base, got, want)
		}
	}
}

var shortcutCases = []string{"", "xml:", "xml:xml:base", "<a xml:lang='x'>", "rdf:about", "xml:bas", "xml:langxml:", "\t \u00a0\n", " a ", "a  b", "a\tb", "a\u00a0 b", "<b>x</b>", "a < b", "&amp; x", "jo@e.org (Jo Smith)",
	"Jo Smith <jo@e.org>", "<jo@e.org>", "本报记者 张伟 通讯员 李娜", "记者：张伟、李娜", "By Jo", "文/张伟", "a|b;c",
	" https://e.org/a ", "https://E.org/a?b=1", "http://e.org/a b", "//e.org/x", "/rel/x.html", "https://e.org/a#f", "\thttps://e.org/\n"}

// TestShortcutsFixtures: plainText, authorNames, absHTTP, cleanList,
// dedupeImages and mayHaveXMLBase agree with their full versions on every text, name and link of the fixture
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

// FuzzShortcuts: the shortcuts agree with their full versions (cleanList
// and dedupeImages on lists cut from the input).
func FuzzShortcuts(f *testing.F) {
	for _, s := range shortcutCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameShortcuts(t, s)
	})
}
