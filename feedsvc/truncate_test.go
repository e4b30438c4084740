package feedsvc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short kept", "short text", 20, "short text"},
		{"exactly n kept", "12345", 5, "12345"},
		{"short kept untrimmed", " padded ", 20, " padded "},
		{"cut at space", "one two three four five", 17, "one two three…"},
		{"space too early: cut in the word", "a verylongwordthatgoeson", 10, "a verylong…"},
		{"spaces trimmed", "  one two three four", 6, "one…"},
		{"cjk by characters", "近年来各地非遗保护工作取得新进展", 5, "近年来各地…"},
		{"japanese by characters", "ひらがなとカタカナの文章です", 6, "ひらがなとカ…"},
		{"combining mark kept with its letter", "Cafe\u0301 au lait", 4, "Caf…"},
		{"combining mark fits", "Cafe\u0301 au lait", 5, "Cafe\u0301…"},
		{"emoji sequence whole", "ok 👨\u200d👩\u200d👧 family", 5, "ok…"},
		{"flag whole", "🇨🇳🇫🇷🇯🇵", 3, "🇨🇳…"},
		{"hangul jamo kept together", "\u1100\u1161\u11a8\u1100\u1161", 2, "…"},
		{"zero", "abc", 0, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzTruncate checks the rule's properties: text within the bound is
// kept; a cut keeps a trimmed prefix of at most n runes that ends between
// grapheme clusters, followed by the ellipsis.
func FuzzTruncate(f *testing.F) {
	f.Add("one two three four five", 10)
	f.Add("近年来各地非遗保护工作取得新进展", 3)
	f.Add("Cafe\u0301 👨\u200d👩\u200d👧 🇨🇳", 6)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if !utf8.ValidString(s) || n < 0 || n > 1000 {
			return
		}
		got := Truncate(s, n)
		if utf8.RuneCountInString(s) <= n {
			if got != s {
				t.Fatalf("Truncate(%q, %d) = %q: changed text within the bound", s, n, got)
			}
			return
		}
		head, ok := strings.CutSuffix(got, ellipsis)
		if !ok {
			t.Fatalf("Truncate(%q, %d) = %q: cut without an ellipsis", s, n, got)
		}
		if head != strings.TrimSpace(head) {
			t.Errorf("Truncate(%q, %d) = %q: untrimmed", s, n, got)
		}
		if utf8.RuneCountInString(head) > n {
			t.Errorf("Truncate(%q, %d) = %q: longer than %d runes", s, n, got, n)
		}
		start := strings.Index(s, head)
		if head != "" && (start < 0 || strings.TrimSpace(s[:start]) != "") {
			t.Fatalf("Truncate(%q, %d) = %q: not a prefix", s, n, got)
		}
		if head != "" && !clusterBoundary(s, start+len(head)) {
			t.Errorf("Truncate(%q, %d) = %q: cut inside a grapheme cluster", s, n, got)
		}
	})
}

// clusterBoundary reports whether byte offset i of s falls between two
// grapheme clusters.
func clusterBoundary(s string, i int) bool {
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if from, to := g.Positions(); from == i || to == i {
			return true
		}
	}
	return i == 0
}
