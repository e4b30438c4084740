package httpapi

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Input limits of channel queries.
const (
	maxFilterLen   = 200 // bytes of q, exclude, author, category
	maxFilterTerms = 10
	// maxScan bounds how many stored articles one filtered page may read.
	maxScan = 5000
)

// pageQuery is every request parameter that shapes a channel's output.
type pageQuery struct {
	limit    int
	defLimit int // the section's default: omitted from canonical URLs
	before   feedsvc.Cursor
	since    time.Time
	include  []string // q: every term must occur in title or body
	exclude  []string // exclude: no term may occur
	author   string
	category string
	// archive month (zero when not an archive document)
	month time.Time
	// cap is a partner's item limit (0: none); it bounds every document.
	cap int
}

// capAt bounds the page (and its default) to n items (n <= 0: no cap).
func (q *pageQuery) capAt(n int) {
	if n <= 0 {
		return
	}
	q.cap, q.limit, q.defLimit = n, min(q.limit, n), min(q.defLimit, n)
}

func parsePageQuery(v url.Values, sec feedsvc.Section) (pageQuery, error) {
	q := pageQuery{limit: sec.Limit}
	if q.limit <= 0 {
		q.limit = defaultLimit
	}
	q.defLimit = q.limit
	for k := range v {
		switch k {
		case "limit", "before", "since", "q", "exclude", "author", "category":
		default:
			return q, fmt.Errorf("unknown parameter %q (want limit, before, since, q, exclude, author, category)", k)
		}
		if len(v[k]) > 1 {
			return q, fmt.Errorf("parameter %q given %d times", k, len(v[k]))
		}
		if len(v.Get(k)) > maxFilterLen {
			return q, fmt.Errorf("parameter %q longer than %d bytes", k, maxFilterLen)
		}
	}
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxLimit {
			return q, fmt.Errorf("limit %q: want 1..%d", l, maxLimit)
		}
		q.limit = n
	}
	if b := v.Get("before"); b != "" {
		c, err := feedsvc.ParseCursor(b)
		if err != nil {
			return q, err
		}
		q.before = c
	}
	if s := v.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return q, fmt.Errorf("since %q: want an RFC 3339 time", s)
		}
		// Whole minutes: clients that send "now" do not make a new
		// document every second (the page may start a little earlier).
		q.since = t.Truncate(time.Minute)
	}
	var err error
	if q.include, err = terms("q", v.Get("q")); err != nil {
		return q, err
	}
	if q.exclude, err = terms("exclude", v.Get("exclude")); err != nil {
		return q, err
	}
	q.author = strings.ToLower(strings.TrimSpace(v.Get("author")))
	q.category = strings.ToLower(strings.TrimSpace(v.Get("category")))
	return q, nil
}

func terms(name, s string) ([]string, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > maxFilterTerms {
		return nil, fmt.Errorf("%s: at most %d terms", name, maxFilterTerms)
	}
	return f, nil
}

// subscription reports whether q is a document readers poll or revisit:
// a channel's first page as published (no parameters) or a monthly
// archive. Every other query is a variant.
func (q *pageQuery) subscription() bool {
	return len(q.values(q.before)) == 0
}

// filtered reports whether q has any content filter.
func (q *pageQuery) filtered() bool {
	return len(q.include) > 0 || len(q.exclude) > 0 || q.author != "" || q.category != ""
}

// match applies the content filters to a.
func (q *pageQuery) match(a *feedsvc.Article) bool {
	if q.author != "" && !slices.ContainsFunc(a.Authors, func(s string) bool { return strings.ToLower(s) == q.author }) {
		return false
	}
	if q.category != "" && !slices.ContainsFunc(a.Categories, func(s string) bool { return strings.ToLower(s) == q.category }) {
		return false
	}
	if len(q.include) == 0 && len(q.exclude) == 0 {
		return true
	}
	text := strings.ToLower(a.Title + "\n" + a.Kicker + "\n" + a.Subtitle + "\n" + a.BodyText)
	for _, t := range q.include {
		if !strings.Contains(text, t) {
			return false
		}
	}
	for _, t := range q.exclude {
		if strings.Contains(text, t) {
			return false
		}
	}
	return true
}

// values encodes q canonically (fixed order, defaults omitted), with the
// cursor before.
func (q *pageQuery) values(before feedsvc.Cursor) url.Values {
	v := url.Values{}
	if q.limit != q.defLimit {
		v.Set("limit", strconv.Itoa(q.limit))
	}
	if !before.IsZero() {
		v.Set("before", before.String())
	}
	if !q.since.IsZero() {
		v.Set("since", q.since.UTC().Format(time.RFC3339))
	}
	if len(q.include) > 0 {
		v.Set("q", strings.Join(q.include, " "))
	}
	if len(q.exclude) > 0 {
		v.Set("exclude", strings.Join(q.exclude, " "))
	}
	if q.author != "" {
		v.Set("author", q.author)
	}
	if q.category != "" {
		v.Set("category", q.category)
	}
	return v
}

// key is the cache key of q (the query plus the archive month).
func (q *pageQuery) key() string {
	k := q.values(q.before).Encode()
	if !q.month.IsZero() {
		k += "|m=" + q.month.Format("2006-01")
	}
	return k
}
