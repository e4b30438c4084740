package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/internal/testenv"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the normalized golden files under testdata/golden")

// fixtureFetcher answers one URL with a fixture's bytes, as a server
// sending the fixture's declared Content-Type would.
type fixtureFetcher struct {
	url, ctype string
	body       []byte
}

func (f fixtureFetcher) Get(_ context.Context, r fetch.Request) (*fetch.Response, error) {
	if r.URL != f.url {
		return nil, &fetch.HTTPError{StatusCode: 404, URL: r.URL}
	}
	return &fetch.Response{URL: r.URL, StatusCode: 200, Body: f.body, ContentType: f.ctype}, nil
}

// headerCTypeRE reads feedparser's "Header: Content-type: …" lines.
var headerCTypeRE = regexp.MustCompile(`(?im)^\s*Header:\s*Content-type:\s*(\S[^\r\n]*?)\s*$`)

// fixtureContentType is the Content-Type the fixture's test suite serves
// it with: a feedparser Header: line, else by extension.
func fixtureContentType(raw []byte, rel string) string {
	if m := headerCTypeRE.FindSubmatch(raw); m != nil {
		return string(m[1])
	}
	if strings.HasSuffix(rel, ".json") {
		return "application/json"
	}
	return "application/xml"
}

// goldenNow is the fixed clock of every golden run.
var goldenNow = time.Date(2023, 11, 15, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))

// fixtureLocation is the zone a source of this fixture would be configured
// with: China for the authored feed and the Chinese-encoded feeds.
func fixtureLocation(t testing.TB, rel string) *time.Location {
	chinese := strings.HasPrefix(rel, "authored/")
	for _, cs := range []string{"gb2312", "gbk", "big5"} {
		chinese = chinese || strings.Contains(rel, cs)
	}
	if !chinese {
		return time.UTC
	}
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// collectFixture runs one feed fixture through the whole pipeline exactly
// as `feedsvc check` does, with a fixed clock.
func collectFixture(t testing.TB, dir, rel string) ingest.Result {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	url := "https://fixtures.example/" + rel
	p := &ingest.Pipeline{
		Fetch: fixtureFetcher{url: url, ctype: fixtureContentType(raw, rel), body: raw},
		Now:   func() time.Time { return goldenNow },
	}
	loc := fixtureLocation(t, rel)
	src := &feedsvc.Source{ID: "golden", URL: url, Location: loc, Timezone: loc.String()}
	res, err := p.Collect(context.Background(), src, feedsvc.SourceState{}, nil)
	if err != nil {
		t.Fatalf("collect %s: %v", rel, err)
	}
	return res
}

// feedFixtures lists the shared feed documents relative to feeds/:
// everything but licences, the manifest, SOURCES.md and expectations.
func feedFixtures(t testing.TB) (dir string, files []string) {
	t.Helper()
	dir = filepath.Join(testenv.Shared(t), "feeds")
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir() && rel == "licenses":
			return filepath.SkipDir
		case d.IsDir(), rel == "manifest.json", rel == "SOURCES.md", strings.HasSuffix(rel, ".expected.json"):
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found %d feed fixtures, want 50", len(files))
	}
	return dir, files
}

// goldenPath names the golden of a fixture: <dir>__<file>.json.
func goldenPath(rel string) string {
	return filepath.Join("testdata", "golden", strings.ReplaceAll(rel, "/", "__")+".json")
}

func marshalGolden(t testing.TB, arts []feedsvc.Article) []byte {
	t.Helper()
	if arts == nil {
		arts = []feedsvc.Article{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(arts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoldenNormalized compares the normalized articles of every shared
// feed with testdata/golden; -update rewrites the goldens.
func TestGoldenNormalized(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			got := marshalGolden(t, collectFixture(t, dir, rel).Articles)
			path := goldenPath(rel)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(decodeAny(t, want), decodeAny(t, got)); diff != "" {
				t.Errorf("normalized articles differ from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// decodeAny decodes JSON generically so cmp.Diff names the changed field.
func decodeAny(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("golden is not JSON: %v", err)
	}
	return v
}
