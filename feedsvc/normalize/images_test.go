package normalize

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// usableImageRef is usableImage as its regexps define it.
func usableImageRef(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) &&
		!placeholderRe.MatchString(u) && !trackerRe.MatchString(u)
}

// TestUsableImageAgrees: on every image source, lazy source, srcset
// candidate and link of the fixtures, resolved as prepare resolves them,
// the hand-written test of usableImage agrees with the regexps, and with
// them on the same URL in upper case.
func TestUsableImageAgrees(t *testing.T) {
	base, _ := url.Parse("https://e.org/a/")
	keys := append(append([]string{"href"}, srcAttrs...), lazySrcsetAttrs...)
	seen := map[string]bool{}
	trackers := 0
	for _, c := range fixtureContents(t) {
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			for _, k := range keys {
				for _, cand := range splitSrcset(attr(n, k)) {
					if f := strings.Fields(cand); len(f) > 0 {
						seen[feedsvc.ResolveURL(base, f[0])] = true
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		if tree := parseFragment(c.html); tree != nil {
			walk(tree)
		}
	}
	for u := range seen {
		for _, v := range []string{u, strings.ToUpper(u)} {
			if got, want := usableImage(v), usableImageRef(v); got != want {
				t.Errorf("usableImage(%q) = %v, the regexps say %v", v, got, want)
			}
		}
		if trackerRe.MatchString(u) {
			trackers++
		}
	}
	if len(seen) < 1000 || trackers < 10 {
		t.Errorf("%d fixture URLs, %d trackers: too few to tell", len(seen), trackers)
	}
	t.Logf("%d fixture URLs, %d trackers", len(seen), trackers)
}
