package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// testBase is the loopback base URL of the feeds these tests generate.
const testBase = "http://127.0.0.1:8081/"

func genBytes(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeRSS(&b, genItems(n, seed, testBase), testBase); err != nil {
		t.Fatalf("writeRSS: %v", err)
	}
	return b.Bytes()
}

func TestGenFeedDeterministic(t *testing.T) {
	a, b := genBytes(t, 60, 1), genBytes(t, 60, 1)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different bytes")
	}
	if c := genBytes(t, 60, 2); bytes.Equal(a, c) {
		t.Fatal("different seeds gave identical bytes")
	}
}

func TestGenFeedParses(t *testing.T) {
	for _, n := range []int{1, 60, 137} {
		raw := genBytes(t, n, 7)
		feed, err := gofeed.NewParser().ParseString(string(raw))
		if err != nil {
			t.Fatalf("n=%d: gofeed: %v", n, err)
		}
		if feed.FeedType != "rss" || feed.FeedVersion != "2.0" {
			t.Errorf("n=%d: got %q %q, want rss 2.0", n, feed.FeedType, feed.FeedVersion)
		}
		if len(feed.Items) != n {
			t.Fatalf("n=%d: got %d items", n, len(feed.Items))
		}
		if got := strings.Count(string(raw), " +0800</pubDate>"); got != n {
			t.Errorf("n=%d: got %d +0800 pubDates, want %d", n, got, n)
		}
		checkItems(t, feed.Items)
	}
}

// checkItems asserts every field the benchmark relies on.
func checkItems(t *testing.T, items []*gofeed.Item) {
	t.Helper()
	links := map[string]bool{}
	for i, it := range items {
		if it.Title == "" || it.Link == "" || it.GUID != it.Link || it.PublishedParsed == nil {
			t.Fatalf("item %d: missing title/link/guid/date: %+v", i, it)
		}
		if links[it.Link] {
			t.Errorf("item %d: duplicate link %q", i, it.Link)
		}
		links[it.Link] = true
		if n := len(it.Description); n < minDesc || n > maxDesc {
			t.Errorf("item %d: description is %d bytes, want %d..%d", i, n, minDesc, maxDesc)
		}
		if !strings.Contains(it.Description, "<img src=\""+testBase+"img/") {
			t.Errorf("item %d: description has no image: %q", i, it.Description[:80])
		}
		if len(it.Categories) < 2 || len(it.Authors) != 1 || it.Authors[0].Name == "" {
			t.Errorf("item %d: got categories %q, authors %v", i, it.Categories, it.Authors)
		}
		if strings.ContainsAny(it.Title+it.Description, "{}") {
			t.Errorf("item %d: unfilled placeholder in %q", i, it.Title+it.Description)
		}
		if i > 0 && !it.PublishedParsed.Before(*items[i-1].PublishedParsed) {
			t.Errorf("item %d: %v is not older than item %d", i, it.PublishedParsed, i-1)
		}
	}
}

func TestSentenceFormsFilled(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, form := range sentenceForms {
		got := fillForm(rng, form, "体育赛事")
		if strings.ContainsAny(got, "{}") || got == form && strings.Contains(form, "{") {
			t.Errorf("got %q, want every slot of %q filled", got, form)
		}
	}
	tests := []struct{ name, form string }{
		{"unknown slot", "a{nope}b"},
		{"unclosed", "a{place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fillForm(rng, tt.form, "x"); got != tt.form {
				t.Errorf("got %q, want %q", got, tt.form)
			}
		})
	}
}

func TestGenFeedCmd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "feed.xml")
	if err := run([]string{"gen-feed", "-n", "5", "-base", testBase, "-o", out}, nil, os.Stderr); err != nil {
		t.Fatalf("gen-feed: %v", err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := genBytes(t, 5, 1); !bytes.Equal(got, want) {
		t.Errorf("file differs from genItems(5, 1): got %d bytes, want %d", len(got), len(want))
	}
	if err := run([]string{"gen-feed", "-n", "5", "-base", testBase}, nil, io.Discard); err == nil {
		t.Error("gen-feed without -o: got nil error")
	}
	if err := run([]string{"gen-feed", "-n", "5", "-o", out}, nil, io.Discard); err == nil {
		t.Error("gen-feed without -base: got nil error")
	}
}

// FuzzCDATA checks that any XML-legal text survives cdata and a decoder.
func FuzzCDATA(f *testing.F) {
	for _, s := range []string{"", "<p>a</p>", "]]>", "x]]>]]>y", "]]]]>>", "图<img/>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !xmlText(s) {
			return
		}
		var v struct {
			D string `xml:"d"`
		}
		doc := "<r><d>" + cdata(s) + "</d></r>"
		if err := xml.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("decode %q: %v", doc, err)
		}
		if v.D != s {
			t.Errorf("got %q, want %q", v.D, s)
		}
	})
}

// xmlText reports whether s holds only XML 1.0 characters and no \r
// (which decoders normalize).
func xmlText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		ok := r == '\t' || r == '\n' || (r >= 0x20 && r <= 0xD7FF) ||
			(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
		if !ok {
			return false
		}
	}
	return true
}

func TestGenFeedBase(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, base string
		remote     bool
		want       string // "" refuses
	}{
		{"test base", testBase, false, testBase},
		{"own path", "http://127.0.0.1:8081/site2", false, "http://127.0.0.1:8081/site2/"},
		{"localhost", "http://localhost:9/", false, "http://localhost:9/"},
		{"ipv6 loopback", "http://[::1]:8081/", false, "http://[::1]:8081/"},
		{"public host", "https://img.example.com/", false, ""},
		{"public host with -remote", "https://news.example.com/", true, "https://news.example.com/"},
		{"not http", "ftp://127.0.0.1/", false, ""},
		{"relative", "/feeds/", false, ""},
		{"query", "http://127.0.0.1/?a=b", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".xml")
			args := []string{"-n", "30", "-seed", "4", "-base", tc.base, "-o", out}
			if tc.remote {
				args = append(args, "-remote")
			}
			err := genFeedCmd(args, io.Discard)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("-base %q accepted", tc.base)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			feed, err := gofeed.NewParser().ParseString(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			if feed.Link != tc.want {
				t.Errorf("channel link %q, want %q", feed.Link, tc.want)
			}
			for _, it := range feed.Items {
				if !strings.HasPrefix(it.Link, tc.want) || it.GUID != it.Link || !strings.Contains(it.Description, `src="`+tc.want+"img/") {
					t.Errorf("item link %q guid %q, want both and the image under %s", it.Link, it.GUID, tc.want)
				}
			}
			if tc.want == testBase && !bytes.Equal(raw, genBytes(t, 30, 4)) {
				t.Error("gen-feed -base differs from genItems with the same base")
			}
		})
	}
}
