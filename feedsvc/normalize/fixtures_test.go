package normalize

import (
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// fixtureTexts reads every shared fixture (feeds and pages), keyed by
// its path: real text, markup, dates and links for the fast-path tests
// to check against the plain definitions.
func fixtureTexts(t testing.TB) map[string]string {
	t.Helper()
	root := testenv.Shared(t)
	out := map[string]string{}
	for _, dir := range []string{"feeds", "pages"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[strings.TrimPrefix(p, root+"/")] = string(raw)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 20 {
		t.Fatalf("got %d fixture files, want the shared feeds and pages", len(out))
	}
	return out
}

// fixtureChunks cuts text at every tag boundary: the pieces are the
// element texts, attribute runs and markup of the document.
func fixtureChunks(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, part := range strings.Split(text, "<") {
			for _, chunk := range strings.Split(part, ">") {
				if chunk != "" && !yield(chunk) {
					return
				}
			}
		}
	}
}
