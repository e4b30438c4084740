package accuracy

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// Fields are the scored fields named by issue 17, in report order; the
// overall figure is over these.
var Fields = []string{
	"title", "kicker", "subtitle", "authors", "photographers", "editor", "source",
	"published", "updated", "language", "images", "captions",
	"body_start", "body_end", "body_clean",
}

// Extra are further checks the shared pages have always passed; they are
// reported but not part of the overall figure.
var Extra = []string{"section", "print_title", "images_excluded", "body_length", "kind_detected"}

// Result is the outcome of one field on one page.
type Result struct {
	Field string
	OK    bool
	Want  string
	Got   string
}

// Options says how raw dates are read when the article carries no parsed
// time (extract's output before normalize).
type Options struct {
	Zone *time.Location
	Now  time.Time
}

// Compare scores got against exp field by field. Fields whose expected
// value is null (title, authors, photographers, source, published,
// language, images, body) or that exp.Skip lists are left out.
func Compare(exp Expected, got feedsvc.Article, o Options) []Result {
	var out []Result
	add := func(field string, ok bool, want, have any) {
		if exp.skipped(field) {
			return
		}
		out = append(out, Result{Field: field, OK: ok, Want: show(want), Got: show(have)})
	}
	str := func(field string, want *string, have string, nullIsEmpty bool) {
		if want == nil && !nullIsEmpty {
			return
		}
		w := deref(want)
		add(field, clean(have) == clean(w) || acceptString(exp.Accept[field], have), w, have)
	}
	str("title", exp.Title, got.Title, false)
	str("kicker", exp.Kicker, got.Kicker, true)
	str("subtitle", exp.Subtitle, got.Subtitle, true)
	str("editor", exp.Editor, got.Editor, true)
	str("source", exp.Source, got.Source, false)
	str("section", exp.Section, got.Section, false)
	str("print_title", exp.PrintTitle, got.PrintTitle, false)
	if exp.Language != nil {
		ok := strings.EqualFold(primary(got.Language), primary(*exp.Language)) || acceptString(exp.Accept["language"], got.Language)
		add("language", ok, *exp.Language, got.Language)
	}
	list := func(field string, want *[]string, have []string) {
		if want == nil {
			return
		}
		ok := slices.Equal(have, *want) || (len(have) == 0 && len(*want) == 0) || acceptList(exp.Accept[field], have)
		add(field, ok, *want, have)
	}
	list("authors", exp.Authors, got.Authors)
	list("photographers", exp.Photographers, got.Photographers)
	date := func(field string, want *string, raw string, parsed time.Time) {
		if want == nil {
			return
		}
		w, err := time.Parse(time.RFC3339, *want)
		if err != nil {
			add(field, false, "bad expected date "+*want, "")
			return
		}
		d, ok := parsed, !parsed.IsZero()
		if !ok && raw != "" && o.Zone != nil {
			d, ok = normalize.ParseDate(raw, o.Zone, o.Now)
		}
		have := fmt.Sprintf("raw %q", raw)
		if ok {
			have = d.UTC().Format(time.RFC3339) + " " + have
		}
		// Alternatives may be listed under the field ("published") or under
		// the schema key it is checked against ("published_utc").
		add(field, ok && (sameInstant(w, d) || acceptTime(append(exp.Accept[field], exp.Accept[field+"_utc"]...), d)), w.UTC().Format(time.RFC3339), have)
	}
	date("published", exp.PublishedUTC, got.PublishedRaw, got.Published)
	date("updated", exp.UpdatedUTC, got.UpdatedRaw, got.Updated)
	if exp.Images != nil {
		want := *exp.Images
		okImg, okCap := len(got.Images) == len(want), len(got.Images) == len(want)
		for i := 0; i < len(want) && i < len(got.Images); i++ {
			w, g := want[i], got.Images[i]
			okImg = okImg && (g.URL == w.URL || slices.Contains(w.Alternates, g.URL)) && g.Alt == w.Alt
			okCap = okCap && clean(g.Caption) == clean(deref(w.Caption))
		}
		var wu, gu, wc, gc []string
		for _, w := range want {
			wu, wc = append(wu, w.URL+" alt="+w.Alt), append(wc, deref(w.Caption))
		}
		for _, g := range got.Images {
			gu, gc = append(gu, g.URL+" alt="+g.Alt), append(gc, g.Caption)
		}
		add("images", okImg, wu, gu)
		add("captions", okCap, wc, gc)
	}
	if len(exp.ImagesMustNotInclude) > 0 {
		var bad []string
		for _, im := range got.Images {
			for _, s := range exp.ImagesMustNotInclude {
				if strings.Contains(im.URL, s) {
					bad = append(bad, im.URL)
				}
			}
		}
		add("images_excluded", len(bad) == 0, exp.ImagesMustNotInclude, bad)
	}
	body := clean(got.BodyText)
	if exp.BodyFirst != nil {
		add("body_start", startsWithHead(body, clean(*exp.BodyFirst), exp.BodyHeadAllowed), *exp.BodyFirst, head(body, 80))
	}
	if exp.BodyLast != nil {
		add("body_end", endsWithTail(body, clean(*exp.BodyLast), exp.BodyTailAllowed), *exp.BodyLast, tail(body, 80))
	}
	if exp.BodyMinChars > 0 {
		n := utf8.RuneCountInString(body)
		add("body_length", n >= exp.BodyMinChars, fmt.Sprintf(">= %d chars", exp.BodyMinChars), fmt.Sprintf("%d chars", n))
	}
	htmlText := body
	if d, err := goquery.NewDocumentFromReader(strings.NewReader(got.ContentHTML)); err == nil {
		htmlText = clean(d.Text())
	}
	var found []string
	for _, s := range append(slices.Clone(exp.MustNotContain), "\ufffd") {
		if strings.Contains(body, clean(s)) || strings.Contains(htmlText, clean(s)) {
			found = append(found, s)
		}
	}
	if strings.Contains(strings.ToLower(got.ContentHTML), "<script") {
		found = append(found, "<script")
	}
	add("body_clean", len(found) == 0, "none of must_not_contain", found)
	return out
}

// wsRun matches runs of whitespace, including U+3000, U+00A0 and
// zero-width spaces (the README's whitespace normalisation).
var wsRun = regexp.MustCompile(`[\s\x{3000}\x{a0}\x{200b}\x{feff}]+`)

func clean(s string) string { return strings.TrimSpace(wsRun.ReplaceAllString(s, " ")) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// endsWithTail reports whether body ends with last, optionally followed
// by one allowed tail.
func endsWithTail(body, last string, tails []string) bool {
	if strings.HasSuffix(body, last) {
		return true
	}
	for _, tl := range tails {
		rest, ok := strings.CutSuffix(body, clean(tl))
		if ok && strings.HasSuffix(strings.TrimSpace(rest), last) {
			return true
		}
	}
	return false
}

// startsWithHead reports whether body starts with first, optionally
// preceded by one allowed head.
func startsWithHead(body, first string, heads []string) bool {
	if strings.HasPrefix(body, first) {
		return true
	}
	for _, h := range heads {
		rest, ok := strings.CutPrefix(body, clean(h))
		if ok && strings.HasPrefix(strings.TrimSpace(rest), first) {
			return true
		}
	}
	return false
}

func acceptString(alts []json.RawMessage, got string) bool {
	for _, a := range alts {
		var s string
		if json.Unmarshal(a, &s) == nil && clean(s) == clean(got) {
			return true
		}
	}
	return false
}

// sameInstant reports whether got is the labelled time want, at the
// label's precision: a label without seconds (hh:mm:00, what a page that
// shows minutes is labelled with) matches any time in that minute, so a
// page whose meta adds the seconds is not counted wrong.
func sameInstant(want, got time.Time) bool {
	if want.Second() == 0 && want.Nanosecond() == 0 {
		return got.Truncate(time.Minute).Equal(want)
	}
	return got.Equal(want)
}

func acceptTime(alts []json.RawMessage, got time.Time) bool {
	for _, a := range alts {
		var s string
		if json.Unmarshal(a, &s) != nil {
			continue
		}
		if t, err := time.Parse(time.RFC3339, s); err == nil && sameInstant(t, got) {
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
