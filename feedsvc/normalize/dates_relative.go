package normalize

import (
	"regexp"
	"strings"
	"time"
)

// Relative forms: "3小时前", "半小时前", "3 hours ago", "刚刚", "just now",
// "昨天 07:24", "yesterday at 7:24 PM", "今天". They count back from ref.
// "N日前" and "N月前" are left out on purpose: in running text they mean
// "before the Nth" / "before month N", not "N days/months ago".
var relativeRe = regexp.MustCompile(
	`(?P<n>\d+|[一二两三四五六七八九十半]+)\s*(?P<unit>秒钟|秒|分钟|分|个小时|小时|钟头|天|周|星期|个月|年)\s*之?前` +
		`|(?i:(?P<en>\d+|an?|one)\s+(?P<eunit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago)` +
		`|(?P<now>刚刚|刚才|(?i:just now))` +
		`|(?P<day>今天|昨天|前天|(?i:today|yesterday))(?:\s*(?:at\s+)?` + clockAll + `)?`)

// unitDur gives fixed-length units; months and years go through AddDate.
var unitDur = map[string]time.Duration{
	"秒钟": time.Second, "秒": time.Second, "分钟": time.Minute, "分": time.Minute,
	"个小时": time.Hour, "小时": time.Hour, "钟头": time.Hour,
	"天": 24 * time.Hour, "周": 7 * 24 * time.Hour, "星期": 7 * 24 * time.Hour,
	"second": time.Second, "sec": time.Second, "minute": time.Minute, "min": time.Minute,
	"hour": time.Hour, "hr": time.Hour, "day": 24 * time.Hour, "week": 7 * 24 * time.Hour,
}

func buildRelative(g groups, c *dateCtx) (time.Time, outcome) {
	switch {
	case g["now"] != "":
		return c.ref, matched
	case g["day"] != "":
		return relativeDay(g, c)
	case g["unit"] != "":
		return ago(cnNumber(g["n"]), g["unit"], c.ref)
	case g["eunit"] != "":
		n := atoi(g["en"])
		if n < 0 { // "a", "an", "one"
			n = 1
		}
		return ago(float64(n), strings.TrimSuffix(strings.ToLower(g["eunit"]), "s"), c.ref)
	}
	return time.Time{}, noMatch
}

// ago counts n units back from ref; n may be 0.5 ("半小时前").
func ago(n float64, unit string, ref time.Time) (time.Time, outcome) {
	if n < 0 || n > 1e6 {
		return time.Time{}, noMatch
	}
	if d, ok := unitDur[unit]; ok {
		return ref.Add(-time.Duration(n * float64(d))), matched
	}
	if n != float64(int(n)) {
		return time.Time{}, noMatch
	}
	switch unit {
	case "个月", "month":
		return ref.AddDate(0, -int(n), 0), matched
	case "年", "year":
		return ref.AddDate(-int(n), 0, 0), matched
	}
	return time.Time{}, noMatch
}

// relativeDay reads 今天/昨天/前天/today/yesterday with an optional clock;
// without one it keeps ref's time of day.
func relativeDay(g groups, c *dateCtx) (time.Time, outcome) {
	back := 0
	switch strings.ToLower(g["day"]) {
	case "昨天", "yesterday":
		back = 1
	case "前天":
		back = 2
	}
	ref := c.ref.In(c.loc)
	if g["H"] == "" {
		return ref.AddDate(0, 0, -back), matched
	}
	h, mi, s, ok := clockOf(g)
	if !ok {
		return time.Time{}, impossible
	}
	y, m, d := ref.Date()
	return time.Date(y, m, d-back, h, mi, s, 0, c.loc), matched
}

// buildClockOnly reads a bare "07:24" as today in loc, or yesterday when
// that is later than ref (list pages show only the time for recent items).
func buildClockOnly(g groups, c *dateCtx) (time.Time, outcome) {
	h, mi, s, ok := clockOf(g)
	if !ok {
		return time.Time{}, impossible
	}
	ref := c.ref.In(c.loc)
	y, m, d := ref.Date()
	t := time.Date(y, m, d, h, mi, s, 0, c.loc)
	if t.After(c.ref.Add(30 * time.Minute)) {
		t = t.AddDate(0, 0, -1)
	}
	return t, matched
}

// cnNumber reads 1–99 in digits or Chinese numerals; 半 is one half.
func cnNumber(s string) float64 {
	if n := atoi(s); n >= 0 {
		return float64(n)
	}
	if s == "半" {
		return 0.5
	}
	digit := func(r string) int {
		i := strings.Index("零一二三四五六七八九", r)
		if i < 0 || len(r) != len("一") {
			return -1
		}
		return i / len("一")
	}
	if s == "两" {
		return 2
	}
	tens, ones, found := strings.Cut(s, "十")
	if !found {
		if len([]rune(s)) != 1 {
			return -1
		}
		return float64(digit(s))
	}
	t, o := 1, 0
	if tens != "" {
		t = digit(tens)
	}
	if ones != "" {
		o = digit(ones)
	}
	if t < 0 || o < 0 {
		return -1
	}
	return float64(t*10 + o)
}
