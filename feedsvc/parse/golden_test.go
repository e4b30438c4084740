package parse

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenArticle is the stable shape golden files record: the fields parse
// fills, including the raw values Article does not serialize.
type goldenArticle struct {
	GUID         string               `json:"guid"`
	URL          string               `json:"url"`
	BaseURL      string               `json:"base_url"`
	Title        string               `json:"title"`
	PublishedRaw string               `json:"published_raw"`
	UpdatedRaw   string               `json:"updated_raw"`
	Authors      []string             `json:"authors"`
	Categories   []string             `json:"categories"`
	Language     string               `json:"language"`
	Rights       string               `json:"rights"`
	Source       string               `json:"source"`
	SourceURL    string               `json:"source_url"`
	Summary      string               `json:"summary"`
	ContentHTML  string               `json:"content_html"`
	Images       []feedsvc.Image      `json:"images"`
	Attachments  []feedsvc.Attachment `json:"attachments"`
}

type golden struct {
	Charset  string           `json:"charset"`
	Feed     feedsvc.FeedInfo `json:"feed"`
	Articles []goldenArticle  `json:"articles"`
	Error    string           `json:"error,omitempty"`
}

func toGolden(a feedsvc.Article) goldenArticle {
	return goldenArticle{a.GUID, a.URL, a.BaseURL, a.Title, a.PublishedRaw, a.UpdatedRaw,
		a.Authors, a.Categories, a.Language, a.Rights, a.Source, a.SourceURL,
		a.Summary, a.ContentHTML, a.Images, a.Attachments}
}

// feedFixtures lists the feed documents under testdata/feeds, relative to
// it: everything but licences, the manifest, SOURCES.md and expectations.
func feedFixtures(t testing.TB) (dir string, files []string) {
	dir = filepath.Join(testenv.Shared(t), "feeds")
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.IsDir() && d.Name() == "licenses":
			return filepath.SkipDir
		case d.IsDir(), rel == "manifest.json", rel == "SOURCES.md", strings.HasSuffix(rel, ".expected.json"):
			return nil
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found %d feed fixtures, want at least 50", len(files))
	}
	return dir, files
}

// parseFixture decodes and parses one fixture the way ingest does.
func parseFixture(t testing.TB, dir, rel string) (string, feedsvc.FeedInfo, []feedsvc.Article, error) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	body, cs, err := fetch.DecodeUTF8(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	fi, arts, err := Feed(body, "https://fixtures.example/"+rel)
	return cs, fi, arts, err
}

func TestGolden(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			cs, fi, arts, err := parseFixture(t, dir, rel)
			g := golden{Charset: cs, Feed: fi, Articles: []goldenArticle{}}
			if err != nil {
				g.Error = err.Error()
			}
			for _, a := range arts {
				g.Articles = append(g.Articles, toGolden(a))
			}
			got, jerr := json.MarshalIndent(g, "", "  ")
			if jerr != nil {
				t.Fatal(jerr)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.ReplaceAll(rel, "/", "__")+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatalf("%v (run go test -update)", rerr)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
			}
		})
	}
}
