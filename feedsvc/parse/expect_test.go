package parse

import (
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
