package web

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestArticleDateZones(t *testing.T) {
	pub := time.Date(2023, 11, 14, 23, 24, 0, 0, time.UTC)
	tests := []struct{ name, zone, want string }{
		{"shanghai", "Asia/Shanghai", "2023-11-15 07:24 CST"},
		{"new york", "America/New_York", "2023-11-14 18:24 EST"},
		{"no abbreviation", "Asia/Kathmandu", "2023-11-15 05:09 +0545"},
		{"default", "", "2023-11-14 23:24 UTC"},
		{"unknown zone falls back to UTC", "Mars/Olympus", "2023-11-14 23:24 UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := feedsvc.Article{Published: pub}
			if got := newArticleView(&a, location(tt.zone), "", english).Date; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short kept", "short text", 20, "short text"},
		{"cut at space", "one two three four five", 17, "one two three…"},
		{"cjk by runes", "近年来各地非遗保护工作取得新进展", 5, "近年来各地…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzTruncate checks truncate keeps a prefix of valid text within the
// bound, marking every cut with an ellipsis.
func FuzzTruncate(f *testing.F) {
	f.Add("one two three four five", 10)
	f.Add("近年来各地非遗保护工作取得新进展", 3)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if !utf8.ValidString(s) || n < 0 || n > 1000 {
			return
		}
		got := truncate(s, n)
		if got == s {
			return
		}
		head, ok := strings.CutSuffix(got, "…")
		if !ok {
			t.Fatalf("truncate(%q, %d) = %q: changed without an ellipsis", s, n, got)
		}
		if !strings.HasPrefix(s, head) && !strings.HasPrefix(strings.TrimSpace(s), head) {
			t.Errorf("truncate(%q, %d) = %q: not a prefix", s, n, got)
		}
		if utf8.RuneCountInString(head) > n {
			t.Errorf("truncate(%q, %d) = %q: longer than %d runes", s, n, got, n)
		}
	})
}
