package normalize

import (
	"net/url"
	"reflect"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// keptAgrees sanitizes content as Articles does and, when bluemonday kept
// the prepared markup, checks that the prepared tree gives the text,
// images and captions its output parses to. It reports whether it was
// kept.
func keptAgrees(t *testing.T, name, content string, base *url.URL) bool {
	t.Helper()
	a := feedsvc.Article{ContentHTML: content}
	b := readBody(&a)
	if b.tree == nil {
		return false
	}
	out, kept := sanitizeTree(b.tree, b.raw, base)
	if !kept {
		return false
	}
	ref := parseFragment(out)
	if ref == nil {
		t.Fatalf("%s: sanitized output does not parse", name)
	}
	if got, want := textOf(b.tree), textOf(ref); got != want {
		t.Errorf("%s: text of the prepared tree\n%q\nof the output\n%q", name, got, want)
	}
	if got, want := contentImages(b.tree), contentImages(ref); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: images of the prepared tree %+v, of the output %+v", name, got, want)
	}
	return true
}

// TestPreparedTreeAgrees: on every content of the fixtures
// (fixtureContents), whenever bluemonday keeps the prepared markup unchanged, the
// prepared tree stands for its output exactly (text, images, captions),
// so cleanBody may skip parsing the output.
func TestPreparedTreeAgrees(t *testing.T) {
	base, _ := url.Parse("https://e.org/a/")
	kept, all := 0, 0
	for _, c := range fixtureContents(t) {
		all++
		if keptAgrees(t, c.name, c.html, base) {
			kept++
		}
	}
	// Most real content keeps (the check would be vacuous otherwise).
	if all < 300 || kept*10 < all*7 {
		t.Errorf("bluemonday kept the prepared markup of %d of %d contents", kept, all)
	}
	t.Logf("kept %d of %d", kept, all)
}
