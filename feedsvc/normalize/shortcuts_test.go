package normalize

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// FuzzUsableImage: the hand-written placeholder and beacon test agrees
// with the regexps it stands in for.
func FuzzUsableImage(f *testing.F) {
	for _, s := range []string{"https://e.org/a/blank.gif", "https://e.org/S.PNG?x=1", "https://e.org/x/s.svgz",
		"http://e.org/pixel.gif/b", "https://stats.wordpress.com/b.gif", "https://e.org/a.jpg", "https://e.org/track.png?",
		"https://e.org/1x1.gif", "https://e.org//dot.svg", "https://e.org/ſ.gif", "ftp://e.org/a.jpg"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		want := (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) &&
			!placeholderRe.MatchString(u) && !trackerRe.MatchString(u)
		if got := usableImage(u); got != want {
			t.Errorf("usableImage(%q) = %v, the regexps say %v", u, got, want)
		}
	})
}

// FuzzFingerprintRunes: folding rune by rune keeps what width.Fold and
// strings.ToLower over the whole text kept.
func FuzzFingerprintRunes(f *testing.F) {
	for _, s := range []string{"Ｈｅｌｌｏ　ｗｏｒｌｄ", "ｶﾀｶﾅ ﾊﾝｶｸ", "市总工会今天启动", "İstanbul ǅ ẞ", "₩￦ ⦅⦆", "\xff\xfeA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []rune
		for _, r := range strings.ToLower(width.Fold.String(s)) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				want = append(want, r)
			}
		}
		if got := fingerprintRunes(s); string(got) != string(want) {
			t.Errorf("fingerprintRunes(%q) = %q, want %q", s, string(got), string(want))
		}
	})
}

func TestNoWidthFoldBelow2000(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if f := width.LookupRune(r).Folded(); f != 0 {
			t.Errorf("U+%04X folds to U+%04X", r, f)
		}
	}
}

// FuzzCollapsed: the no-copy shortcut of collapse only fires when
// collapsing would change nothing, and fires for plain one-line text.
func FuzzCollapsed(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "市总\u3000工会", "x\u200by", "\x7f", "é ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if collapsed(s) && collapseBuild(s) != s {
			t.Errorf("collapsed(%q) but collapse gives %q", s, collapseBuild(s))
		}
		if got := collapse(s); got != collapseBuild(s) {
			t.Errorf("collapse(%q) = %q, want %q", s, got, collapseBuild(s))
		}
	})
}
