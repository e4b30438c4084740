package extract

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// shownLayouts are the forms labels.Date.Canonical writes without a zone,
// and the year-less form of a date printed without its year.
var shownLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "01-02 15:04"}

// parseShown reads a time the page shows, as labels canonicalises it,
// when it has a time of day and no zone: the wall-clock reading.
func parseShown(s string) (time.Time, bool) {
	for _, l := range shownLayouts {
		if t, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseMachine reads a machine time that carries its zone (RFC 3339).
func parseMachine(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339, fixOffset(s))
	return t, err == nil
}

// displayOffset infers the zone a page prints its times in from one
// instant it gives both ways: a machine time with its zone (meta, a
// <time datetime>) and the wall-clock time shown for the same event.
// The difference, rounded to a half hour, is the offset when the
// rounding is at most ten minutes (a CMS stamps its meta a few minutes
// apart from the shown minute) and the offset is a real one.
func displayOffset(machine, shown string) (time.Duration, bool) {
	m, ok1 := parseMachine(machine)
	s, ok2 := parseShown(shown)
	if !ok1 || !ok2 || s.Year() == 0 {
		return 0, false
	}
	wall := time.Date(s.Year(), s.Month(), s.Day(), s.Hour(), s.Minute(), s.Second(), 0, time.UTC)
	d := wall.Sub(m.UTC())
	off := d.Round(30 * time.Minute)
	if r := (d - off).Abs(); r > 10*time.Minute || off.Abs() > 14*time.Hour {
		return 0, false
	}
	return off, true
}

// zoned writes a shown wall-clock time with the page's display offset,
// taking a missing year from ref's: "2019-05-08 09:03 +02:00". "" when
// shown is not a zoneless time of day.
func zoned(shown string, off time.Duration, ref time.Time) string {
	s, ok := parseShown(shown)
	if !ok {
		return ""
	}
	if s.Year() == 0 {
		if ref.IsZero() {
			return ""
		}
		s = s.AddDate(ref.Year(), 0, 0)
	}
	sign, a := "+", off
	if off < 0 {
		sign, a = "-", -off
	}
	return fmt.Sprintf("%s %s%02d:%02d", s.Format("2006-01-02 15:04:05"), sign, int(a.Hours()), int(a.Minutes())%60)
}

// shownUpdated is the update time the page shows ("Mis à jour le … à
// 09h03", "Updated on September 19 at 3:15 p.m."), written in the zone
// the page prints its times in (displayZone). "" when the page shows
// none or its zone cannot be told: the metadata chain decides then.
func (x *extraction) shownUpdated(published string) string {
	shown := x.ev.First(labels.Updated)
	if _, ok := parseShown(shown); !ok {
		return ""
	}
	ref, _ := parseMachine(published)
	if ref.IsZero() {
		if p, ok := parseShown(published); ok && p.Year() > 0 {
			ref = p
		}
	}
	if off, ok := x.displayZone(ref); ok {
		return zoned(shown, off, ref)
	}
	return ""
}

// shownPublished writes a publication time the page shows without a zone
// in the zone the page prints its times in (displayZone); other values
// stay as they are.
func (x *extraction) shownPublished(raw string) string {
	s, ok := parseShown(raw)
	if !ok || s.Year() == 0 {
		return raw
	}
	if off, ok := x.displayZone(s); ok {
		return zoned(raw, off, s)
	}
	return raw
}

// displayZone is the offset the page prints its times in, told by an
// instant it gives both ways: the meta publication time and the shown
// one, or the meta (or microformat) update time and the shown one. A
// shown time without its year takes ref's.
func (x *extraction) displayZone(ref time.Time) (time.Duration, bool) {
	shownUp := x.ev.First(labels.Updated)
	for _, pair := range [][2]string{{x.meta.published(), x.ev.First(labels.Published)},
		{x.meta.updated(), shownUp}, {x.timeAttr("dateModified"), shownUp}} {
		pairShown := pair[1]
		if s, ok := parseShown(pairShown); ok && s.Year() == 0 && !ref.IsZero() {
			pairShown = s.AddDate(ref.Year(), 0, 0).Format("2006-01-02 15:04:05")
		}
		if off, ok := displayOffset(pair[0], pairShown); ok {
			return off, true
		}
	}
	return 0, false
}

// updatedLabel is an update stamp in a <time> element's text.
var updatedLabel = regexp.MustCompile(`(?i)\b(?:last updated|updated|modified)\b|更新`)

// updatedTimeElement is the datetime of a <time> element whose text
// says the time is an update ("Posted: Oct 14, 2022 9:27 AM ET | Last
// Updated: 24 minutes ago"): templates put the last update's machine
// time there. "" when there is none.
func (x *extraction) updatedTimeElement() string {
	var out string
	x.doc.Find("time[datetime]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if v := s.AttrOr("datetime", ""); updatedLabel.MatchString(s.Text()) && labels.FindDate(v).Raw != "" {
			out = fixOffset(v)
		}
		return out == ""
	})
	return out
}

// zoneWord is a zone abbreviation printed after a shown time.
var zoneWord = regexp.MustCompile(`\b(EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|BST|CET|CEST|JST|HKT|SGT|AEST|AEDT)\b`)

// shownZone adds to a machine time written without its zone
// ("2022-10-17 16:01:26") the zone the element's own text prints with
// the same time ("10/17/2022 04:01 PM EDT"); other values stay as they
// are.
func shownZone(v, text string) string {
	if _, ok := parseShown(v); !ok {
		return v
	}
	if m := zoneWord.FindStringSubmatch(text); m != nil {
		return v + " " + m[1]
	}
	return v
}
