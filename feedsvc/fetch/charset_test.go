package fetch

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

type manifestFile struct {
	File             string  `json:"file"`
	BOM              *string `json:"bom"`
	DeclaredEncoding *string `json:"declared_encoding"`
}

func readManifest(t *testing.T, dir string) []manifestFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Files    []manifestFile `json:"files"`
		Authored []manifestFile `json:"authored"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return append(m.Files, m.Authored...)
}

// Spot checks: a string each decoded feed must contain, and the script
// its non-ASCII letters must mostly belong to.
var charsetSpots = map[string]struct {
	contains string
	script   *unicode.RangeTable
	charset  string
}{
	"authored/workercn-zgyl-gbk-rss20.xml":           {"中工网", unicode.Han, "gb18030"},
	"feedparser/rss-gb2312-undeclared.xml":           {"专业工作", unicode.Han, "gb18030"},
	"feedparser/atom10-gb2312-declared.xml":          {"<feed", nil, "gb18030"},
	"feedparser/rss-big5-declared.xml":               {"<rss>", nil, "big5"},
	"feedparser/rss20-euc-kr-item.xml":               {"\ub144", unicode.Hangul, "euc-kr"},
	"feedparser/rss-utf16le-bom.xml":                 {"<rss>", nil, "utf-16le"},
	"feedparser/rss20-cp1252-smart-quote.xml":        {"don\u2019t", nil, "utf-8"},
	"feedparser/atom03-i18n-utf8.xml":                {"Iñtërnâtiônàlizætiøn", unicode.Latin, "utf-8"},
	"miniflux/rss20-koi8-r.xml":                      {"Первая новость", unicode.Cyrillic, "koi8-r"},
	"miniflux/ibash-rss20-windows-1251.xml":          {"", unicode.Cyrillic, "windows-1251"},
	"miniflux/rss20-windows-1252-euro.xml":           {"Euro €", nil, "windows-1252"},
	"miniflux/cerclepsy-rss20-latin1-undeclared.xml": {"", unicode.Latin, "windows-1252"},
	"miniflux/golem-rss20-iso-8859-1.xml":            {"", unicode.Latin, "windows-1252"},
	"miniflux/bbc-urdu-rss20-rtl.xml":                {"", unicode.Arabic, "utf-8"},
	"gofeed/rss20-utf8-bom.xml":                      {"<!--", nil, "utf-8"},
	"feedjira/rss20-a10-atom-prefix-bom.xml":         {"<?xml", nil, "utf-8"},
}

func TestDecodeUTF8Fixtures(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "feeds")
	files := readManifest(t, dir)
	if len(files) < 50 {
		t.Fatalf("manifest lists %d feeds, want at least 50", len(files))
	}
	for _, f := range files {
		t.Run(f.File, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, f.File))
			if err != nil {
				t.Fatal(err)
			}
			out, cs, err := DecodeUTF8(raw, "")
			if err != nil {
				t.Fatalf("DecodeUTF8: %v", err)
			}
			checkDecoded(t, out)
			spot, ok := charsetSpots[f.File]
			if !ok {
				return
			}
			if cs != spot.charset {
				t.Errorf("charset: got %q, want %q", cs, spot.charset)
			}
			if !bytes.Contains(out, []byte(spot.contains)) {
				t.Errorf("decoded text lacks %q", spot.contains)
			}
			if spot.script != nil && !mostlyScript(string(out), spot.script) {
				t.Errorf("non-ASCII letters are not mostly in the expected script")
			}
		})
	}
}

// checkDecoded asserts the properties every decoded document has.
func checkDecoded(t *testing.T, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Error("output is not valid UTF-8")
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		t.Errorf("output contains U+FFFD near %q", around(out, bytes.IndexRune(out, utf8.RuneError)))
	}
	if bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Error("output still starts with a BOM")
	}
	if m := prologEncRE.FindSubmatch(out[:min(len(out), declScan)]); m != nil &&
		!strings.Contains(strings.ToLower(string(m[0])), "utf-8") {
		t.Errorf("XML declaration not rewritten: %q", m[0])
	}
}

func around(b []byte, i int) string {
	return string(b[max(0, i-20):min(len(b), i+20)])
}

// mostlyScript reports whether at least 60% of the non-ASCII letters of
// s belong to script.
func mostlyScript(s string, script *unicode.RangeTable) bool {
	var in, all int
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.IsLetter(r) {
			continue
		}
		all++
		if unicode.Is(script, r) {
			in++
		}
	}
	return all > 0 && in*10 >= all*6
}
