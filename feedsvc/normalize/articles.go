package normalize

import (
	"net/url"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// DefaultMaxSkew is how far in the future a date may be before it is
// taken as wrong (clock skew, zone mistakes) and dropped.
const DefaultMaxSkew = 24 * time.Hour

// earliest is the lower bound for a plausible publication date.
var earliest = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// Options for Articles.
type Options struct {
	Source   *feedsvc.Source // ID, URL (fallback base), Location (zone for zoneless dates), Sections, Rights
	Language string          // fallback language (the section's or feed's)
	Now      time.Time       // fetch time: relative dates, first-seen, plausibility; zero means time.Now()
	MaxSkew  time.Duration   // allowed future skew; 0 means DefaultMaxSkew

	langs map[string]string // language's answers in this batch
}

// language is firstLanguage(tag, o.Language), remembered for the batch:
// a feed's items mostly repeat one tag, and reading it is not cheap.
func (o *Options) language(tag string) string {
	if l, ok := o.langs[tag]; ok {
		return l
	}
	l := firstLanguage(tag, o.Language)
	if o.langs != nil {
		o.langs[tag] = l
	}
	return l
}

// Articles normalizes a batch from one source and de-duplicates it: the
// first article with an ID wins, and later ones only fill its missing
// fields. The input slice is not modified. See normalizeOne for what
// happens to each article.
func Articles(arts []feedsvc.Article, o Options) []feedsvc.Article {
	if o.Source == nil {
		o.Source = &feedsvc.Source{}
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.MaxSkew <= 0 {
		o.MaxSkew = DefaultMaxSkew
	}
	o.langs = map[string]string{}
	srcBase := absURL(o.Source.URL, nil)
	out := make([]feedsvc.Article, 0, len(arts))
	index := make(map[string]int, len(arts))
	for i := range arts {
		a := arts[i]
		normalizeOne(&a, &o, srcBase)
		if j, dup := index[a.ID]; dup {
			mergeMissing(&out[j], &a)
			continue
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	return out
}

// normalizeOne cleans one article in place: text fields, URLs, dates,
// HTML, images, people, language, sections, ID and fingerprint.
func normalizeOne(a *feedsvc.Article, o *Options, srcBase *url.URL) {
	base := absURL(a.BaseURL, srcBase)
	if base == nil {
		base = srcBase
	}
	content := readBody(a)
	cleanTexts(a)
	a.URL = articleURL(base, a.URL)
	a.SourceURL = articleURL(base, a.SourceURL)
	a.Published = plausible(dateOf(a.PublishedRaw, a.Published, o), o)
	a.Updated = plausible(dateOf(a.UpdatedRaw, a.Updated, o), o)
	if a.FirstSeen.IsZero() {
		a.FirstSeen = o.Now.UTC()
	}
	cleanBody(a, content, base)
	a.Attachments = cleanAttachments(a.Attachments, base)
	if a.Summary != "" {
		a.Summary = Summary(Text(a.Summary), SummaryMax)
	} else {
		a.Summary = Summary(a.BodyText, SummaryMax)
	}
	a.Authors = cleanPeople(a.Authors)
	a.Photographers = cleanPeople(a.Photographers)
	a.Categories = cleanCategories(a.Categories)
	a.Language = o.language(a.Language)
	if a.Language == "" {
		a.Language = feedsvc.GuessLanguage(a.Title + " " + a.BodyText)
	}
	if len(a.Sections) == 0 && len(o.Source.Sections) > 0 {
		a.Sections = append([]string(nil), o.Source.Sections...)
	}
	if a.Rights == "" {
		a.Rights = o.Source.Rights
	}
	a.SourceID = o.Source.ID
	if a.ID == "" {
		a.ID = ID(a.SourceID, a)
	}
	a.Fingerprint = Fingerprint(a.Title, a.BodyText)
}

// absURL parses raw as an absolute http(s) URL, resolving it against base
// first; nil when that fails.
func absURL(raw string, base *url.URL) *url.URL {
	r := feedsvc.ResolveURL(base, raw)
	if r == "" {
		return nil
	}
	u, err := url.Parse(r)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	return u
}

// articleURL resolves an article link and returns its canonical form
// (the store indexes articles by canonical URL), or the resolved link when
// it is not http(s).
func articleURL(base *url.URL, ref string) string {
	r := feedsvc.ResolveURL(base, ref)
	if c := CanonicalURL(r); c != "" {
		return c
	}
	return r
}

// dateOf parses raw in the source's zone; when raw is empty or unreadable
// it keeps the date the producer already set.
func dateOf(raw string, set time.Time, o *Options) time.Time {
	if raw != "" {
		if t, ok := ParseDate(raw, o.Source.Loc(), o.Now); ok {
			return t
		}
	}
	return set
}

// plausible drops dates after Now+MaxSkew or before 1995 and returns UTC.
func plausible(t time.Time, o *Options) time.Time {
	if t.IsZero() || t.Before(earliest) || t.After(o.Now.Add(o.MaxSkew)) {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Second)
}
