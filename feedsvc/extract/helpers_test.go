package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// cst is the zone of the fixtures' source (Beijing time).
var cst = time.FixedZone("CST", 8*3600)

// refNow is the reference "now" of the fixtures (dates.json context).
var refNow = time.Date(2023, 11, 15, 12, 0, 0, 0, cst)

// readPage reads a fixture page and decodes it to UTF-8 as the caller
// (ingest) does.
func readPage(t testing.TB, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := fetch.DecodeUTF8(raw, "text/html")
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return out
}

// pagesDir is the shared pages fixture directory.
func pagesDir(t testing.TB) string {
	return filepath.Join(testenv.Shared(t), "pages")
}

// localPage reads a hand-written page from this package's testdata.
func localPage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
