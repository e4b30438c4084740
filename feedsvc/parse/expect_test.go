package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// feedparserExpect translates each feedparser fixture's "Expect:" line
// (a Python expression over feedparser's result) into Go. bozo (the
// document was ill-formed) has no counterpart: a nil error is the
// "not bozo" part, and feedparser's version strings are not exposed.
var feedparserExpect = map[string]struct {
	charset string
	check   func(feedsvc.FeedInfo, []feedsvc.Article) string
}{
	"feedparser/atom03-i18n-utf8.xml": {"utf-8", func(fi feedsvc.FeedInfo, _ []feedsvc.Article) string {
		return wantEq(fi.Title, "Iñtërnâtiônàlizætiøn")
	}},
	"feedparser/rss20-euc-kr-item.xml": {"euc-kr", func(_ feedsvc.FeedInfo, a []feedsvc.Article) string {
		return wantItem(a, 0, func(a feedsvc.Article) string { return wantEq(a.Summary, "\ub144") })
	}},
	// feedparser reports 'GB2312'; we decode every GB label as GB18030.
	"feedparser/rss-gb2312-undeclared.xml": {"gb18030", func(_ feedsvc.FeedInfo, a []feedsvc.Article) string {
		return wantItem(a, 0, func(a feedsvc.Article) string { return wantEq(a.Title, "不归移民漫画系列：专业工作") })
	}},
	"feedparser/rss-big5-declared.xml":       {"big5", nil},
	"feedparser/atom10-gb2312-declared.xml":  {"gb18030", nil},
	"feedparser/rss-utf16le-bom.xml":         {"utf-16le", nil},
	"feedparser/rss091-netscape-doctype.xml": {"utf-8", nil},
	"feedparser/rss092.xml":                  {"utf-8", nil},
	"feedparser/rss20-cp1252-smart-quote.xml": {"utf-8", func(_ feedsvc.FeedInfo, a []feedsvc.Article) string {
		return wantItem(a, 0, func(a feedsvc.Article) string { return wantEq(a.Summary, "don\u2019t") })
	}},
}

func wantEq(got, want string) string {
	if got != want {
		return "got " + strconv.Quote(got) + ", want " + strconv.Quote(want)
	}
	return ""
}

func wantItem(arts []feedsvc.Article, i int, f func(feedsvc.Article) string) string {
	if i >= len(arts) {
		return "missing item " + strconv.Itoa(i)
	}
	return f(arts[i])
}

func TestFeedparserExpectations(t *testing.T) {
	dir, files := feedFixtures(t)
	n := 0
	for _, rel := range files {
		if !strings.HasPrefix(rel, "feedparser/") {
			continue
		}
		n++
		t.Run(rel, func(t *testing.T) {
			exp, ok := feedparserExpect[rel]
			if !ok {
				t.Fatal("no translated Expect: line for this fixture")
			}
			cs, fi, arts, err := parseFixture(t, dir, rel)
			if err != nil {
				t.Fatalf("not bozo: got error %v", err)
			}
			if cs != exp.charset {
				t.Errorf("encoding: got %q, want %q", cs, exp.charset)
			}
			if exp.check != nil {
				if msg := exp.check(fi, arts); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
	if n != len(feedparserExpect) {
		t.Errorf("found %d feedparser fixtures, table has %d", n, len(feedparserExpect))
	}
}

// yarrLineRE reads yarr's `@ feed.Items[0].Title == "…"` expectations.
var yarrLineRE = regexp.MustCompile(`^@ (len\()?feed(?:\.Items\[(\d+)\])?\.(\w+)(?:\[(\d+)\]\.(\w+))?\)? == (.+)$`)

func TestYarrExpectations(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		if !strings.HasPrefix(rel, "yarr/") {
			continue
		}
		t.Run(rel, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			_, fi, arts, err := parseFixture(t, dir, rel)
			if err != nil {
				t.Fatal(err)
			}
			lines := 0
			for _, line := range strings.Split(string(raw), "\n") {
				if !strings.HasPrefix(line, "@ ") {
					continue
				}
				lines++
				if msg := checkYarr(strings.TrimSpace(line), fi, arts); msg != "" {
					t.Errorf("%s: %s", line, msg)
				}
			}
			if lines == 0 {
				t.Error("no @ expectations found")
			}
		})
	}
}

// yarrMedia is yarr's MediaLinks view of an article: images then other
// attachments, minus media whose URL the content already shows.
type yarrMedia struct{ URL, Type, Description string }

func yarrMediaLinks(a feedsvc.Article) []yarrMedia {
	var out []yarrMedia
	for _, im := range a.Images {
		if !strings.Contains(a.ContentHTML, im.URL) {
			out = append(out, yarrMedia{im.URL, "image", im.Caption})
		}
	}
	for _, at := range a.Attachments {
		if !strings.Contains(a.ContentHTML, at.URL) {
			kind, _, _ := strings.Cut(at.Type, "/")
			out = append(out, yarrMedia{at.URL, kind, at.Title})
		}
	}
	return out
}

func checkYarr(line string, fi feedsvc.FeedInfo, arts []feedsvc.Article) string {
	m := yarrLineRE.FindStringSubmatch(line)
	if m == nil {
		return "unsupported expectation syntax"
	}
	isLen, item, field, mIdx, mField, rhs := m[1] != "", m[2], m[3], m[4], m[5], m[6]
	if item == "" {
		if field != "Title" {
			return "unsupported feed field"
		}
		return cmpYarr(fi.Title, rhs)
	}
	i, _ := strconv.Atoi(item)
	if i >= len(arts) {
		return "missing item " + item
	}
	a := arts[i]
	if field == "MediaLinks" {
		media := yarrMediaLinks(a)
		if isLen {
			return cmpYarr(strconv.Itoa(len(media)), rhs)
		}
		j, _ := strconv.Atoi(mIdx)
		if j >= len(media) {
			return "missing media link " + mIdx
		}
		ml := map[string]string{"URL": media[j].URL, "Type": media[j].Type, "Description": media[j].Description}
		got, ok := ml[mField]
		if !ok {
			return "unsupported media field " + mField
		}
		return cmpYarr(got, rhs)
	}
	got, ok := map[string]string{"Title": a.Title, "GUID": a.GUID, "URL": a.URL,
		"Content": strings.TrimSpace(a.ContentHTML)}[field]
	if !ok {
		return "unsupported item field " + field
	}
	return cmpYarr(got, rhs)
}

func cmpYarr(got, rhs string) string {
	want := rhs
	if strings.HasPrefix(rhs, `"`) {
		var err error
		if want, err = strconv.Unquote(rhs); err != nil {
			return "bad expected value " + rhs
		}
	}
	return wantEq(got, want)
}

// TestAuthoredExpectations checks the GBK feed against its expected.json.
func TestAuthoredExpectations(t *testing.T) {
	dir, _ := feedFixtures(t)
	const rel = "authored/workercn-zgyl-gbk-rss20.xml"
	raw, err := os.ReadFile(filepath.Join(dir, "authored/workercn-zgyl-gbk-rss20.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Feed  struct{ Title, Link, Language string }
		Items []struct {
			GUID, Title, Link string
			PublishedRaw      string   `json:"published_raw"`
			Authors           []string `json:"authors"`
			Categories        []string `json:"categories"`
			Source            *string  `json:"source"`
			FirstImage        *string  `json:"first_image"`
		}
		ItemCount int `json:"item_count"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	_, fi, arts, err := parseFixture(t, dir, rel)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Title != exp.Feed.Title || fi.Link != exp.Feed.Link || !strings.EqualFold(fi.Language, exp.Feed.Language) {
		t.Errorf("feed: got %q %q %q, want %q %q %q", fi.Title, fi.Link, fi.Language, exp.Feed.Title, exp.Feed.Link, exp.Feed.Language)
	}
	if len(arts) != exp.ItemCount || len(exp.Items) != exp.ItemCount {
		t.Fatalf("item count: got %d, want %d", len(arts), exp.ItemCount)
	}
	for i, want := range exp.Items {
		a := arts[i]
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			// The expected guid falls back to the link when the item has
			// none; parse leaves GUID empty and normalize does the fallback.
			if a.GUID != want.GUID && !(a.GUID == "" && want.GUID == a.URL) {
				t.Errorf("guid: got %q, want %q", a.GUID, want.GUID)
			}
			for _, c := range [][2]string{{a.Title, want.Title}, {a.URL, want.Link},
				{a.PublishedRaw, want.PublishedRaw}, {a.Source, deref(want.Source)},
				{firstImage(a), deref(want.FirstImage)}} {
				if c[0] != c[1] {
					t.Errorf("got %q, want %q", c[0], c[1])
				}
			}
			if strings.Join(a.Authors, "|") != strings.Join(want.Authors, "|") {
				t.Errorf("authors: got %q, want %q", a.Authors, want.Authors)
			}
			if strings.Join(a.Categories, "|") != strings.Join(want.Categories, "|") {
				t.Errorf("categories: got %q, want %q", a.Categories, want.Categories)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

var imgSrcRE = regexp.MustCompile(`(?i)<img[^>]+src\s*=\s*["']([^"']+)["']`)

// firstImage is the first picture of an article as normalize will see it:
// the first listed image, else the first <img> in the content, resolved
// against the article's BaseURL.
func firstImage(a feedsvc.Article) string {
	if len(a.Images) > 0 {
		return a.Images[0].URL
	}
	if m := imgSrcRE.FindStringSubmatch(a.ContentHTML); m != nil {
		return absHTTP(m[1], a.BaseURL)
	}
	return ""
}

// TestRealWorldCounts checks that real feeds yield every item they hold,
// each with a title and a link; N is counted from the file itself.
func TestRealWorldCounts(t *testing.T) {
	dir, files := feedFixtures(t)
	for _, rel := range files {
		if !strings.HasPrefix(rel, "feedjira/") && !strings.HasPrefix(rel, "miniflux/") {
			continue
		}
		t.Run(rel, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			want := countItems(t, raw)
			_, fi, arts, err := parseFixture(t, dir, rel)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Title == "" {
				t.Error("feed title is empty")
			}
			if len(arts) != want {
				t.Errorf("items: got %d, want %d", len(arts), want)
			}
			for i, a := range arts {
				if a.Title == "" || a.URL == "" {
					t.Errorf("item %d: title %q, url %q: want both", i, a.Title, a.URL)
				}
			}
		})
	}
}

var (
	itemBlockRE = regexp.MustCompile(`(?s)<(item|entry)[\s>].*?</(?:item|entry)>`)
	dateElemRE  = regexp.MustCompile(`(?s)<(pubDate|dc:date|updated|published)>.*?</[^>]+>`)
	anyTagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
)

// countItems counts the items of a fixture that carry anything besides a
// date; parse drops items with nothing to show.
func countItems(t *testing.T, raw []byte) int {
	if strings.HasPrefix(strings.TrimSpace(string(raw)), "{") {
		var f struct{ Items []json.RawMessage }
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatal(err)
		}
		return len(f.Items)
	}
	n := 0
	for _, blk := range itemBlockRE.FindAll(raw, -1) {
		text := anyTagRE.ReplaceAll(dateElemRE.ReplaceAll(blk, nil), nil)
		if strings.TrimSpace(string(text)) != "" || strings.Contains(string(blk), "href=") || strings.Contains(string(blk), "url=") {
			n++
		}
	}
	return n
}
