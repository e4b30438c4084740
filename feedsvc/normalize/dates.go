package normalize

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Plausible bounds for ParseDate results (years, in UTC).
const (
	minYear = 1970
	maxYear = 2200
)

// outcome says what a date rule made of one regexp match.
type outcome int

const (
	noMatch    outcome = iota // keep looking (other positions, later rules)
	matched                   // t is the answer
	impossible                // a well-formed but impossible date: stop, no date
)

// dateRule is one entry of the ordered rule list: a regexp, searched
// anywhere in the string (unless anchored), and a builder for its matches.
type dateRule struct {
	name  string
	re    *regexp.Regexp
	build func(g groups, c *dateCtx) (time.Time, outcome)
}

// dateCtx carries the zone for zoneless dates and the reference "now".
type dateCtx struct {
	loc *time.Location
	ref time.Time
}

// groups maps the named submatches of one match.
type groups map[string]string

// ParseDate reads a date string; zoneless dates are read in loc; ref is
// "now" for relative forms and missing years. ok=false for empty, garbage
// or impossible dates (e.g. 2023-02-30). The result is in UTC, truncated to
// the second. Dates may be embedded in longer text
// ("发布时间：2023-11-15 07:24 来源：…").
func ParseDate(s string, loc *time.Location, ref time.Time) (t time.Time, ok bool) {
	if loc == nil {
		loc = time.UTC
	}
	if t, o, known := parseDateFast(s, loc); known {
		return dateResult(t, o)
	}
	return parseDateRules(s, loc, ref)
}

// parseDateRules is ParseDate by the rule list: the definition, which
// parseDateFast shortens for the common shapes.
func parseDateRules(s string, loc *time.Location, ref time.Time) (time.Time, bool) {
	s = cleanDate(s)
	if s == "" {
		return time.Time{}, false
	}
	c := &dateCtx{loc: loc, ref: ref}
	for _, r := range dateRules {
		for _, m := range r.re.FindAllStringSubmatch(s, -1) {
			if t, o := r.build(named(r.re, m), c); o != noMatch {
				return dateResult(t, o)
			}
		}
	}
	return time.Time{}, false
}

// dateResult is ParseDate's answer for a rule's outcome: UTC, whole
// seconds, a plausible year.
func dateResult(t time.Time, o outcome) (time.Time, bool) {
	if o != matched {
		return time.Time{}, false
	}
	t = t.UTC().Truncate(time.Second)
	if y := t.Year(); y < minYear || y > maxYear {
		return time.Time{}, false
	}
	return t, true
}

// cleanDate folds full-width forms (０-９, ：, （）) to ASCII and collapses
// whitespace, including U+3000 and U+00A0.
// traditionalDate folds the Traditional characters of date words into the
// Simplified forms the rules use (時 点 鐘 個 週 兩 剛 後 …); only the
// parser sees the folded text.
var traditionalDate = strings.NewReplacer("時", "时", "點", "点", "鐘", "钟", "個", "个", "週", "周",
	"兩", "两", "剛", "刚", "後", "后", "禮拜", "礼拜", "發", "发", "佈", "布", "間", "间", "來", "来")

func cleanDate(s string) string {
	if len(s) > 512 { // dates are short; bound the regexp work on junk
		s = s[:512]
	}
	s = traditionalDate.Replace(width.Fold.String(s))
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u3000' {
			return ' '
		}
		return r
	}, s)), " ")
}

func named(re *regexp.Regexp, m []string) groups {
	g := groups{}
	for i, n := range re.SubexpNames() {
		if n != "" && m[i] != "" {
			g[n] = m[i]
		}
	}
	return g
}

// Regexp building blocks. Time: 07:24, 07:24:00.520, 7时24分30秒;
// optional am/pm and zone (Z, +0800, +08:00, GMT+8, EST, CST, …).
const (
	pre      = `(?:^|[^\d])`
	post     = `(?:[^\d]|$)`
	pmPre    = `(?:(?P<pre>上午|下午|中午|晚上|凌晨|早上|早晨|傍晚)\s*)?`
	clock    = `(?P<H>\d{1,2})\s*[:时点]\s*(?P<M>\d{2})(?:\s*分(?:\s*(?P<Sc>\d{1,2})\s*秒)?|:(?P<S>\d{2})(?:[.,]\d+)?)?`
	ampm     = `(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?`
	zone     = `(?:\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?|(?:GMT|UTC|UT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,5})(?:$|[\s,;.)\]）】」]))?`
	clockAll = pmPre + clock + ampm + zone
	cnWeek   = `(?:\s*\(?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*\)?)?`
	monName  = `(?P<mon>[A-Za-z]{3,9})\.?`
)

// dateRules are tried in order; the first rule with a usable match wins.
var dateRules = []dateRule{
	{"unix", regexp.MustCompile(`^(?P<unix>\d{9,10}|\d{13})$`), buildUnix},
	{"iso-basic", regexp.MustCompile(`^(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?(?:[.,]\d+)?` + zone + `)?$`), buildFields},
	{"ymd", regexp.MustCompile(pre + `(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?` + cnWeek + `(?:(?:T|\s*)` + clockAll + `)?` + post), buildFields},
	{"d-mon-y", regexp.MustCompile(pre + `(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?[\s-]+` + monName + `,?[\s-]+(?P<y>\d{4}|\d{2})(?:[,\s]+(?:(?:at|-|–|—)\s+)?` + clockAll + `)?` + post), buildFields},
	{"mon-d-y", regexp.MustCompile(`(?:^|[^A-Za-z])` + monName + `\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?:[,\s]+(?:(?:at|-|–|—)\s+)?` + clockAll + `)?` + post), buildFields},
	{"ctime", regexp.MustCompile(`(?:^|[^A-Za-z])` + monName + `\s+(?P<d>\d{1,2})\s+` + clock + zone + `\s*(?P<y>\d{4})` + post), buildFields},
	{"mdy", regexp.MustCompile(pre + `(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?:[,\s]+` + clockAll + `)?` + post), buildMDY},
	{"md-cn", regexp.MustCompile(pre + `(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日` + cnWeek + `(?:\s*` + clockAll + `)?` + post), buildNoYear},
	{"md-dash", regexp.MustCompile(`(?:^|[^\d/.-])(?P<mo>\d{1,2})[-/](?P<d>\d{1,2})(?:\s+|T)` + clockAll + post), buildNoYear},
	{"relative", relativeRe, buildRelative},
	{"clock-only", regexp.MustCompile(`^` + clockAll + `$`), buildClockOnly},
}
