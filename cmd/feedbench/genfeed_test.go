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

func genBytes(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeRSS(&b, genItems(n, seed)); err != nil {
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
		if !strings.Contains(it.Description, "<img src=\"https://") {
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
	if err := run([]string{"gen-feed", "-n", "5", "-o", out}, nil, os.Stderr); err != nil {
		t.Fatalf("gen-feed: %v", err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := genBytes(t, 5, 1); !bytes.Equal(got, want) {
		t.Errorf("file differs from genItems(5, 1): got %d bytes, want %d", len(got), len(want))
	}
	if err := run([]string{"gen-feed", "-n", "5"}, nil, os.Stderr); err == nil {
		t.Error("gen-feed without -o: got nil error")
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

func TestGenFeedHost(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, host string
	}{
		{"default", defaultHost},
		{"own host", "site2.example.com"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".xml")
			if err := genFeedCmd([]string{"-n", "30", "-seed", "4", "-host", tc.host, "-o", out}, os.Stderr); err != nil {
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
			for _, it := range feed.Items {
				if !strings.HasPrefix(it.Link, "https://"+tc.host+"/") || it.GUID != it.Link {
					t.Errorf("item link %q guid %q, want both on %s", it.Link, it.GUID, tc.host)
				}
			}
			if tc.host == defaultHost && !bytes.Equal(raw, genBytes(t, 30, 4)) {
				t.Error("the default host changed the bytes")
			}
		})
	}
	if err := genFeedCmd([]string{"-host", "a/b", "-o", filepath.Join(dir, "x.xml")}, io.Discard); err == nil {
		t.Error("a host with a path was accepted")
	}
}
