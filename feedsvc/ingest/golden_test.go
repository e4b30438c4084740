package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
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

// TestNormalizedInvariants checks, on every shared feed's normalized
// articles, what must hold whatever the feed: decodable text, canonical
// absolute URLs, unique ids and media, UTC dates in the plausible range,
// bounded plain-text summaries and people without e-mail noise.
func TestNormalizedInvariants(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			ids := map[string]bool{}
			for _, a := range collectFixture(t, dir, rel).Articles {
				if ids[a.ID] || !hexID.MatchString(a.ID) {
					t.Errorf("id %q: duplicate or not 32 hex digits", a.ID)
				}
				ids[a.ID] = true
				for _, msg := range articleProblems(&a) {
					t.Errorf("article %s (%q): %s", a.ID, a.Title, msg)
				}
			}
		})
	}
}

var hexID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// articleProblems lists the invariants a normalized article breaks.
func articleProblems(a *feedsvc.Article) []string {
	var out []string
	for _, s := range []string{a.Title, a.Summary, a.BodyText, a.ContentHTML, strings.Join(a.Authors, " ")} {
		if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
			out = append(out, "invalid UTF-8 or U+FFFD in "+strconv.Quote(s))
		}
	}
	if a.URL != "" && a.URL != normalize.CanonicalURL(a.URL) {
		out = append(out, "url not canonical: "+a.URL)
	}
	seen := map[string]bool{}
	for _, u := range mediaURLs(a) {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") || seen[u] {
			out = append(out, "media url relative or repeated: "+u)
		}
		seen[u] = true
	}
	for _, d := range []time.Time{a.Published, a.Updated} {
		if !d.IsZero() && (d.Location() != time.UTC || d.Year() < 1995 || d.After(goldenNow.Add(normalize.DefaultMaxSkew))) {
			out = append(out, "date not UTC or implausible: "+d.String())
		}
	}
	if n := utf8.RuneCountInString(a.Summary); n > normalize.SummaryMax || strings.ContainsAny(a.Summary, "\n\t") {
		out = append(out, fmt.Sprintf("summary of %d runes or not one line", n))
	}
	for _, p := range append(append([]string{}, a.Authors...), a.Photographers...) {
		// A bare address is kept when it is all a feed gives; an address
		// beside a name is noise.
		if strings.Contains(p, "@") && strings.ContainsAny(p, " <>()") || p != strings.TrimSpace(p) || p == "" {
			out = append(out, "person with e-mail or spaces: "+strconv.Quote(p))
		}
	}
	return out
}

func mediaURLs(a *feedsvc.Article) []string {
	var us []string
	for _, im := range a.Images {
		us = append(us, im.URL)
	}
	for _, at := range a.Attachments {
		us = append(us, at.URL)
	}
	return us
}

// TestArticleProblemsDetects keeps the invariant checker honest: each
// broken article must be reported.
func TestArticleProblemsDetects(t *testing.T) {
	tests := []struct {
		name string
		a    feedsvc.Article
	}{
		{"replacement char", feedsvc.Article{Title: "caf\ufffd"}},
		{"tracking url", feedsvc.Article{URL: "https://e.org/a?utm_source=x"}},
		{"relative image", feedsvc.Article{Images: []feedsvc.Image{{URL: "/a.jpg"}}}},
		{"repeated enclosure", feedsvc.Article{Attachments: []feedsvc.Attachment{{URL: "https://e.org/a.mp3"}, {URL: "https://e.org/a.mp3"}}}},
		{"zoned date", feedsvc.Article{Published: goldenNow}},
		{"long summary", feedsvc.Article{Summary: strings.Repeat("x", normalize.SummaryMax+1)}},
		{"e-mail beside a name", feedsvc.Article{Authors: []string{"Jo <jo@e.org>"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := articleProblems(&tt.a); len(got) == 0 {
				t.Errorf("got no problem for %+v, want one", tt.a)
			}
		})
	}
}
