package normalize

import (
	"strconv"
	"strings"
	"time"
)

// wallClock is a calendar date and time of day as read from a string.
type wallClock struct {
	y, mo, d, h, mi, s int
}

// valid reports whether w is a real calendar date and time: time.Date
// would silently normalize Feb 30 to Mar 2, so check the round trip.
func (w wallClock) valid() bool {
	if w.mo < 1 || w.mo > 12 || w.d < 1 || w.h > 23 || w.mi > 59 || w.s > 60 {
		return false
	}
	t := time.Date(w.y, time.Month(w.mo), w.d, 0, 0, 0, 0, time.UTC)
	return t.Day() == w.d && int(t.Month()) == w.mo
}

func (w wallClock) in(loc *time.Location) time.Time {
	s := w.s
	if s == 60 { // leap second: keep the instant inside the minute
		s = 59
	}
	return time.Date(w.y, time.Month(w.mo), w.d, w.h, w.mi, s, 0, loc)
}

// atoi parses a short decimal; -1 when empty or not a number.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// clockOf reads the H/M/S/am-pm groups; ok=false for impossible values.
// Absent time means midnight.
func clockOf(g groups) (h, mi, s int, ok bool) {
	if g["H"] == "" {
		return 0, 0, 0, true
	}
	h, mi, s = atoi(g["H"]), atoi(g["M"]), 0
	if v := g["S"] + g["Sc"]; v != "" {
		s = atoi(v)
	}
	switch strings.ToLower(strings.ReplaceAll(g["ampm"], ".", "")) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	switch g["pre"] {
	case "下午", "晚上", "傍晚":
		if h < 12 {
			h += 12
		}
	case "中午":
		if h < 11 {
			h += 12
		}
	case "凌晨", "早上", "早晨", "上午":
		if h == 12 {
			h = 0
		}
	}
	return h, mi, s, h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s <= 60
}

// year reads a 4- or 2-digit year (2-digit: 69–99 → 19xx, else 20xx, as
// Go's time package does).
func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		if y >= 69 {
			return 1900 + y
		}
		return 2000 + y
	}
	return y
}

// wallOf assembles the date and time groups of a match. ok=false means
// the match is not a date after all (unknown month name); bad=true means
// it is one, but impossible.
func wallOf(g groups) (w wallClock, ok, bad bool) {
	w.y, w.d = year(g["y"]), atoi(g["d"])
	if g["mon"] != "" {
		m, found := monthNames[strings.ToLower(g["mon"])]
		if !found {
			return w, false, false
		}
		w.mo = m
	} else {
		w.mo = atoi(g["mo"])
	}
	var cok bool
	w.h, w.mi, w.s, cok = clockOf(g)
	if !cok || !w.valid() {
		return w, true, true
	}
	return w, true, false
}

// buildFields builds a date that carries its own year.
func buildFields(g groups, c *dateCtx) (time.Time, outcome) {
	w, ok, bad := wallOf(g)
	if !ok {
		return time.Time{}, noMatch
	}
	if bad {
		return time.Time{}, impossible
	}
	loc, zok := zoneLoc(g["zone"], w, c.loc)
	if !zok {
		return time.Time{}, impossible
	}
	return w.in(loc), matched
}

// buildMDY reads US month/day/year; when the first number cannot be a
// month but the second can, it is day/month/year.
func buildMDY(g groups, c *dateCtx) (time.Time, outcome) {
	if atoi(g["mo"]) > 12 && atoi(g["d"]) <= 12 {
		g["mo"], g["d"] = g["d"], g["mo"]
	}
	return buildFields(g, c)
}

// futureSlack is how far in the future a year-less date may land before
// it is taken to be from the previous year.
const futureSlack = 48 * time.Hour

// buildNoYear reads month-day forms; the year is ref's, or the previous
// one when that would put the date more than futureSlack ahead of ref.
func buildNoYear(g groups, c *dateCtx) (time.Time, outcome) {
	ref := c.ref.In(c.loc)
	g["y"] = strconv.Itoa(ref.Year())
	w, _, _ := wallOf(g)
	loc, zok := zoneLoc(g["zone"], w, c.loc)
	if w.valid() && zok && w.in(loc).After(c.ref.Add(futureSlack)) {
		w.y--
	}
	if _, _, _, cok := clockOf(g); !cok || !w.valid() || !zok {
		return time.Time{}, impossible
	}
	return w.in(loc), matched
}

// buildUnix reads Unix seconds (9–10 digits) or milliseconds (13 digits).
func buildUnix(g groups, _ *dateCtx) (time.Time, outcome) {
	n, err := strconv.ParseInt(g["unix"], 10, 64)
	if err != nil {
		return time.Time{}, noMatch
	}
	if len(g["unix"]) == 13 {
		return time.UnixMilli(n), matched
	}
	return time.Unix(n, 0), matched
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
