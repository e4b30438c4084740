package normalize

import (
	"strings"
	"testing"
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
