package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// expectedImage is one entry of an .expected.json images list.
type expectedImage struct {
	URL        string   `json:"url"`
	Alt        string   `json:"alt"`
	Caption    *string  `json:"caption"`
	Alternates []string `json:"alternates"`
}

// expectedArticle is the README's .expected.json schema for article pages.
type expectedArticle struct {
	File                 string                       `json:"file"`
	Kind                 string                       `json:"kind"`
	URL                  string                       `json:"url"`
	Language             string                       `json:"language"`
	Section              string                       `json:"section"`
	Title                string                       `json:"title"`
	Kicker               *string                      `json:"kicker"`
	PrintTitle           *string                      `json:"print_title"`
	Subtitle             *string                      `json:"subtitle"`
	Authors              []string                     `json:"authors"`
	Photographers        []string                     `json:"photographers"`
	Editor               *string                      `json:"editor"`
	Source               string                       `json:"source"`
	PublishedUTC         string                       `json:"published_utc"`
	UpdatedUTC           *string                      `json:"updated_utc"`
	Images               []expectedImage              `json:"images"`
	ImagesMustNotInclude []string                     `json:"images_must_not_include"`
	BodyFirst            string                       `json:"body_first_sentence"`
	BodyLast             string                       `json:"body_last_sentence"`
	BodyTailAllowed      []string                     `json:"body_tail_allowed"`
	BodyMinChars         int                          `json:"body_min_chars"`
	MustNotContain       []string                     `json:"must_not_contain"`
	Accept               map[string][]json.RawMessage `json:"accept"`
}

// fieldScore counts per-field passes over the fixture pages.
type fieldScore map[string][2]int

func (s fieldScore) record(field string, ok bool) {
	v := s[field]
	v[1]++
	if ok {
		v[0]++
	}
	s[field] = v
}

// TestArticlePages runs every article fixture through the generic path
// (no per-source rules) and checks every field of its .expected.json.
func TestArticlePages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(pagesDir(t), "*.expected.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	score := fieldScore{}
	pages := 0
	for _, f := range files {
		var exp expectedArticle
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &exp); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if exp.Kind != "article" {
			continue
		}
		pages++
		t.Run(exp.File, func(t *testing.T) {
			doc := readPage(t, filepath.Join(filepath.Dir(f), exp.File))
			got, err := Article(doc, exp.URL, feedsvc.ArticleRules{})
			if err != nil {
				t.Fatalf("Article: %v", err)
			}
			checkArticle(t, exp, got, score)
		})
	}
	if pages < 4 {
		t.Errorf("got %d article fixtures, want at least 4", pages)
	}
	names := make([]string, 0, len(score))
	for k := range score {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		t.Logf("generic accuracy %-14s %d/%d", k, score[k][0], score[k][1])
	}
}

// checkArticle compares every field; check records the outcome per field.
func checkArticle(t *testing.T, exp expectedArticle, got feedsvc.Article, score fieldScore) {
	check := func(field string, ok bool, format string, args ...any) {
		t.Helper()
		score.record(field, ok)
		if !ok {
			t.Errorf(field+": "+format, args...)
		}
	}
	str := func(field, got, want string) {
		t.Helper()
		ok := labels.Clean(got) == labels.Clean(want) || acceptString(exp.Accept[field], got)
		check(field, ok, "got %q, want %q", got, want)
	}
	str("title", got.Title, exp.Title)
	str("kicker", got.Kicker, testenv.Deref(exp.Kicker))
	str("subtitle", got.Subtitle, testenv.Deref(exp.Subtitle))
	str("source", got.Source, exp.Source)
	str("section", got.Section, exp.Section)
	str("editor", got.Editor, testenv.Deref(exp.Editor))
	if exp.PrintTitle != nil {
		str("print_title", got.PrintTitle, *exp.PrintTitle)
	}
	lang := strings.EqualFold(primary(got.Language), primary(exp.Language)) || acceptString(exp.Accept["language"], got.Language)
	check("language", lang, "got %q, want %q", got.Language, exp.Language)
	list := func(field string, got, want []string) {
		t.Helper()
		ok := slices.Equal(got, want) || acceptList(exp.Accept[field], got)
		check(field, ok, "got %q, want %q", got, want)
	}
	list("authors", got.Authors, exp.Authors)
	list("photographers", got.Photographers, exp.Photographers)
	checkDate(t, check, "published", got.PublishedRaw, got.Published, exp.PublishedUTC)
	if exp.UpdatedUTC != nil {
		checkDate(t, check, "updated", got.UpdatedRaw, got.Updated, *exp.UpdatedUTC)
	}
	checkImages(t, check, exp, got.Images)
	checkBody(t, check, exp, got)
}

// checkDate compares a normalized date when the article has one (the
// whole pipeline ran), else parses the raw string as normalize would.
func checkDate(t *testing.T, check func(string, bool, string, ...any), field, raw string, parsed time.Time, wantUTC string) {
	t.Helper()
	want, err := time.Parse(time.RFC3339, wantUTC)
	if err != nil {
		t.Fatalf("%s: bad expected date %q", field, wantUTC)
	}
	d, ok := parsed, !parsed.IsZero()
	if !ok {
		d, ok = normalize.ParseDate(raw, cst, refNow)
	}
	check(field, ok && d.Equal(want), "raw %q parsed to %v (ok=%v), want %v", raw, d.UTC(), ok, want)
}

func checkImages(t *testing.T, check func(string, bool, string, ...any), exp expectedArticle, got []feedsvc.Image) {
	t.Helper()
	ok := len(got) == len(exp.Images)
	for i := 0; ok && i < len(got); i++ {
		w := exp.Images[i]
		ok = (got[i].URL == w.URL || slices.Contains(w.Alternates, got[i].URL)) &&
			got[i].Alt == w.Alt && got[i].Caption == testenv.Deref(w.Caption)
	}
	check("images", ok, "got %+v, want %+v", got, exp.Images)
	bad := ""
	for _, im := range got {
		for _, s := range exp.ImagesMustNotInclude {
			if strings.Contains(im.URL, s) {
				bad = im.URL
			}
		}
	}
	check("images_excluded", bad == "", "image %q contains a forbidden substring", bad)
}

func checkBody(t *testing.T, check func(string, bool, string, ...any), exp expectedArticle, got feedsvc.Article) {
	t.Helper()
	body := labels.Clean(got.BodyText)
	check("body_first", strings.HasPrefix(body, labels.Clean(exp.BodyFirst)), "body starts %q, want %q", head(body, 80), exp.BodyFirst)
	check("body_last", endsWithTail(body, labels.Clean(exp.BodyLast), exp.BodyTailAllowed), "body ends %q, want %q", tail(body, 80), exp.BodyLast)
	check("body_min_chars", runeLen(body) >= exp.BodyMinChars, "body has %d chars, want >= %d", runeLen(body), exp.BodyMinChars)
	htmlDoc, err := goquery.NewDocumentFromReader(strings.NewReader(got.ContentHTML))
	if err != nil {
		t.Fatal(err)
	}
	htmlText := labels.Clean(htmlDoc.Text())
	var found []string
	for _, s := range append(exp.MustNotContain, "\ufffd") {
		if strings.Contains(body, labels.Clean(s)) || strings.Contains(htmlText, labels.Clean(s)) {
			found = append(found, s)
		}
	}
	check("must_not_contain", len(found) == 0, "body contains %q", found)
	check("no_script", !strings.Contains(strings.ToLower(got.ContentHTML), "<script"), "content has a script")
}

// endsWithTail reports whether body ends with last, optionally followed
// by one allowed tail.
func endsWithTail(body, last string, tails []string) bool {
	if strings.HasSuffix(body, last) {
		return true
	}
	for _, tl := range tails {
		rest, ok := strings.CutSuffix(body, labels.Clean(tl))
		if ok && strings.HasSuffix(strings.TrimSpace(rest), last) {
			return true
		}
	}
	return false
}

func acceptString(alts []json.RawMessage, got string) bool {
	for _, a := range alts {
		var s string
		if json.Unmarshal(a, &s) == nil && labels.Clean(s) == labels.Clean(got) {
			return true
		}
	}
	return false
}

func acceptList(alts []json.RawMessage, got []string) bool {
	for _, a := range alts {
		var l []string
		if json.Unmarshal(a, &l) == nil && slices.Equal(l, got) {
			return true
		}
	}
	return false
}

func primary(tag string) string {
	tag, _, _ = strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return tag
}

func head(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}
