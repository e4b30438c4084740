package web

import (
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// dateLayout shows a date with its zone abbreviation (or numeric offset
// where the zone has none), e.g. "2023-11-15 07:24 CST".
const dateLayout = "2006-01-02 15:04 MST"

// summaryRunes bounds the summary derived from body text when an article
// has none.
const summaryRunes = 280

// feedLink is one of a section's three channel documents.
type feedLink struct {
	Label, Type, URL string
}

// sectionView is a section as the index and the page header show it.
type sectionView struct {
	feedsvc.Section
	PageURL string
	Feeds   []feedLink
}

// articleView is one article as the section page shows it.
type articleView struct {
	URL, Title, Kicker, Subtitle string
	Lang                         string // set when it differs from the page's
	Date, DateISO                string // "" when the date is unknown
	Image                        *feedsvc.Image
	Source                       string
	Authors, Photographers       string
	Summary                      string
}

var feedFormats = []struct{ format, label, mime string }{
	{"rss", "RSS", "application/rss+xml"},
	{"atom", "Atom", "application/atom+xml"},
	{"json", "JSON Feed", "application/feed+json"},
}

func newSectionView(base *url.URL, sec feedsvc.Section) sectionView {
	v := sectionView{Section: sec, PageURL: feedURL(base, sec.Slug, "")}
	for _, f := range feedFormats {
		v.Feeds = append(v.Feeds, feedLink{f.label, f.mime, feedURL(base, sec.Slug, f.format)})
	}
	return v
}

func newArticleView(a *feedsvc.Article, loc *time.Location, pageLang string, l labels) articleView {
	v := articleView{URL: a.URL, Title: a.Title, Kicker: a.Kicker, Subtitle: a.Subtitle,
		Source: a.Source, Summary: a.Summary,
		Authors: strings.Join(a.Authors, l.Sep), Photographers: strings.Join(a.Photographers, l.Sep)}
	if v.Title == "" {
		v.Title = a.URL
	}
	if a.Language != "" && !strings.EqualFold(a.Language, pageLang) {
		v.Lang = a.Language
	}
	if !a.Published.IsZero() {
		t := a.Published.In(loc)
		v.Date, v.DateISO = t.Format(dateLayout), t.Format(time.RFC3339)
	}
	for i := range a.Images {
		if a.Images[i].URL != "" {
			v.Image = &a.Images[i]
			break
		}
	}
	if v.Summary == "" {
		v.Summary = feedsvc.Truncate(a.BodyText, summaryRunes)
	}
	return v
}

var zones sync.Map // IANA name -> *time.Location

// location returns the zone named name, UTC when name is empty or unknown.
func location(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = time.UTC
	}
	zones.Store(name, loc)
	return loc
}
