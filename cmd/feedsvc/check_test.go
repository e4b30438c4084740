package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// checkJSON runs `feedsvc check args...` and decodes its JSON array.
func checkJSON(t *testing.T, args ...string) ([]map[string]any, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"check"}, args...), func(string) string { return "" }, &out, &errb)
	if code != 0 {
		return nil, errb.String()
	}
	var arts []map[string]any
	if err := json.Unmarshal(out.Bytes(), &arts); err != nil {
		t.Fatalf("check %v: output is not a JSON array: %v", args, err)
	}
	return arts, ""
}

// TestCheckEveryFeedFixture runs every shared feed through `feedsvc check`
// on a local file server: none may fail or panic, every article has the
// documented keys, absolute URLs and valid UTF-8 without U+FFFD.
func TestCheckEveryFeedFixture(t *testing.T) {
	root := filepath.Join(testenv.Shared(t), "feeds")
	srv := httptest.NewServer(http.FileServer(http.Dir(root)))
	defer srv.Close()
	keys := strings.Fields("id url title kicker subtitle print_title authors photographers editor source published updated section language categories images summary content_html body_text")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".expected.json") || filepath.Base(p) == "manifest.json" ||
			!(strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".json")) {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		n++
		t.Run(rel, func(t *testing.T) {
			arts, stderr := checkJSON(t, srv.URL+"/"+filepath.ToSlash(rel))
			if stderr != "" {
				t.Fatalf("check failed: %s", stderr)
			}
			raw, _ := os.ReadFile(p)
			if want := showableItems(raw); len(arts) < want {
				t.Fatalf("got %d articles, want at least %d (items with a title or link)", len(arts), want)
			}
			for _, a := range arts {
				for _, k := range keys {
					if _, ok := a[k]; !ok {
						t.Errorf("article %v lacks key %q", a["id"], k)
					}
				}
				b, _ := json.Marshal(a)
				if !utf8.Valid(b) || bytes.Contains(b, []byte("\ufffd")) || bytes.Contains(b, []byte(`\ufffd`)) {
					t.Errorf("article %v has invalid UTF-8 or U+FFFD", a["id"])
				}
				if u, _ := a["url"].(string); u != "" && !strings.HasPrefix(u, "http") {
					t.Errorf("article url %q is not absolute", u)
				}
			}
		})
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("walked %d feeds (err %v), want 50", n, err)
	}
}

var (
	itemRE     = regexp.MustCompile(`(?s)<(item|entry)[\s>].*?</(item|entry)>`)
	idRE       = regexp.MustCompile(`<(guid|id|link)[^>]*>\s*([^<\s]+)`)
	showableRE = regexp.MustCompile(`<title[^>]*>\s*[^<\s]|<link[^>]*>\s*[^<\s]|<link[^>]*href=`)
)

// showableItems counts distinct <item>/<entry> elements with a non-empty
// title or link
// (an ASCII-level count: good enough for every non-UTF-16 fixture), or
// JSON Feed items.
func showableItems(raw []byte) int {
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		var jf struct{ Items []json.RawMessage }
		_ = json.Unmarshal(raw, &jf)
		return len(jf.Items)
	}
	seen := map[string]bool{}
	for _, m := range itemRE.FindAll(raw, -1) {
		if showableRE.Match(m) {
			key := m
			if id := idRE.FindSubmatch(m); id != nil {
				key = id[2] // a repeated item (same guid or link) counts once
			}
			seen[string(key)] = true
		}
	}
	return len(seen)
}

func mustJSON(v []string) string {
	if v == nil {
		v = []string{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}
