package labels

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Date is a date found in page text.
type Date struct {
	Raw                 string
	y, mo, d, h, mi, s  int
	hasTime, hasSeconds bool
	zone                string // a zone name printed after the time ("EDT", "ET", "BST")
}

var (
	// numericDate: 2024-03-05 14:30, 2024年3月5日 14时30分, 2024年3月5日（星期二）下午2:30.
	numericDate = Regexp(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?` +
		`(?:\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]?)?` +
		`(?:\s*T?\s*(上午|下午|中午|晚上|凌晨|早上|傍晚)?\s*(\d{1,2})\s*[:：时点]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?`)
	// monthNames: English months by their first letters, and the full
	// names of the other common Latin-alphabet languages (Spanish, French,
	// Italian, Portuguese) that those letters do not already cover.
	monthNames = `(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|` + latinMonths + `)[a-z]*\.?`
	// zoneName is a zone printed after an English time, upper case only
	// ("6:37 PM EDT", "5:02 PM ET", "9:39AM BST").
	zoneName   = `(?:\s*\(?(?-i:(ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|JST|HKT|SGT|AEST|AEDT))\)?\b)?`
	englishMDY = regexp.MustCompile(`(?i)\b` + monthNames + `\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+|-\s+|–\s+)?(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?` + zoneName + `)?`)
	// englishDMY: "05 Oct 2011 9:39", also "9 de enero de 2014 - 10:21 h"
	// and "7 mai 2019 à 13h59".
	englishDMY = regexp.MustCompile(`(?i)\b(\d{1,2})\s+(?:de\s+)?` + monthNames + `,?\s+(?:de\s+)?(\d{4})(?:,?\s+(?:à\s+|-\s+|–\s+)?(\d{1,2})[:h](\d{2})` + zoneName + `)?`)
	// timeFirst: "9:39AM BST 05 Oct 2011", "1:26 pm ET Jun 3, 2014".
	timeFirst = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})\s*([ap])\.?m\.?` + zoneName + `[\s,]+(?:on\s+)?(?:(\d{1,2})\s+` + monthNames + `|` + monthNames + `\s+(\d{1,2})),?\s+(\d{4})\b`)
)

var monthIndex = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// latinMonth numbers the month names of Spanish, French, Italian and
// Portuguese that the English prefixes miss (enero, avril, août, …).
var latinMonth = map[string]int{
	"enero": 1, "janvier": 1, "gennaio": 1, "janeiro": 1,
	"février": 2, "fevrier": 2, "febbraio": 2, "fevereiro": 2,
	"março": 3, "marco": 3,
	"abril": 4, "avril": 4, "aprile": 4,
	"mai": 5, "maggio": 5, "maio": 5,
	"juin": 6, "giugno": 6, "junho": 6,
	"juillet": 7, "luglio": 7, "julho": 7,
	"agosto": 8, "août": 8, "aout": 8,
	"setiembre": 9, "settembre": 9, "setembro": 9,
	"ottobre": 10, "outubro": 10,
	"diciembre": 12, "décembre": 12, "decembre": 12, "dicembre": 12, "dezembro": 12,
}

// latinMonths is the alternation of latinMonth's names.
var latinMonths = func() string {
	var names []string
	for n := range latinMonth {
		names = append(names, regexp.QuoteMeta(n))
	}
	slices.Sort(names)
	return strings.Join(names, "|")
}()

// monthNumber is the month a monthNames match names, 0 when none.
func monthNumber(s string) int {
	s = strings.ToLower(s)
	if m, ok := latinMonth[s]; ok {
		return m
	}
	return monthIndex[s]
}

// FindDate returns the first plausible calendar date (with its time of
// day when given) in s; Raw is "" when there is none.
func FindDate(s string) Date {
	if !hasYear(s) {
		return Date{} // every form findDate reads has a four-digit year
	}
	return findDate(s)
}

// onlyDate returns the date in s when s holds little else: at most rest
// runes of s are left without it (after Clean).
func onlyDate(s string, rest int) (Date, bool) {
	if !fewWords(s, rest) {
		return Date{}, false
	}
	return onlyDateSlow(s, rest)
}

// onlyDateSlow is onlyDate without the shortcut.
func onlyDateSlow(s string, rest int) (Date, bool) {
	d := FindDate(s)
	if d.Raw == "" || runeLen(Clean(strings.Replace(s, d.Raw, "", 1))) > rest {
		return Date{}, false
	}
	return d, true
}

// Bounds of a date FindDate returns: its runs of letters (unicode.IsLetter)
// and its Han characters. The most runs: "2024 年 3 月 5 日 星期二 T 上午
// 2 时 30 分 00" (8; "5 de enero de 2014 à 10h21 CET" has 6); the most
// Han: "年", "月", "日", "星期二", "凌晨", "时", "分" (10). Everything
// else in a date is digits, spaces and punctuation, and a month name is
// one run however long.
const (
	dateMaxRuns = 8
	dateMaxHan  = 10
)

// fewWords reports whether s may be a date and at most rest more runes:
// s without one substring has at most rest runes, so at most rest runs of
// letters and rest Han characters, and taking the substring out joins at
// most two runs into one. Long prose fails it after one pass, without the
// date expressions.
func fewWords(s string, rest int) bool {
	runs, han := 0, 0
	in := false
	for _, r := range s {
		letter := r < utf8.RuneSelf && ('a' <= r|0x20 && r|0x20 <= 'z') || r >= utf8.RuneSelf && unicode.IsLetter(r)
		if letter && !in {
			runs++
		}
		in = letter
		if r >= 0x2e80 && unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return runs <= dateMaxRuns+rest+1 && han <= dateMaxHan+rest
}

// findDate is FindDate without the shortcut.
func findDate(s string) Date {
	best := Date{}
	bestAt := len(s) + 1
	if m := numericDate.FindStringSubmatchIndex(s); m != nil && m[0] < bestAt {
		if d, ok := numericMatch(s, m); ok {
			best, bestAt = d, m[0]
		}
	}
	if m := englishMDY.FindStringSubmatchIndex(s); m != nil && m[0] < bestAt {
		sub := groups(s, m)
		if d, ok := build(sub[0], sub[3], monthNumber(sub[1]), sub[2], sub[4], sub[5], "", sub[6]); ok {
			d.zone = sub[7]
			best, bestAt = d, m[0]
		}
	}
	if m := englishDMY.FindStringSubmatchIndex(s); m != nil && m[0] < bestAt {
		sub := groups(s, m)
		if d, ok := build(sub[0], sub[3], monthNumber(sub[2]), sub[1], sub[4], sub[5], "", ""); ok {
			d.zone = sub[6]
			best, bestAt = d, m[0]
		}
	}
	if m := timeFirst.FindStringSubmatchIndex(s); m != nil && m[0] <= bestAt {
		sub := groups(s, m)
		mon, day := sub[6], sub[5]
		if mon == "" {
			mon, day = sub[7], sub[8]
		}
		if d, ok := build(sub[0], sub[9], monthNumber(mon), day, sub[1], sub[2], "", sub[3]); ok {
			d.zone = sub[4]
			best = d
		}
	}
	return best
}

func groups(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

func numericMatch(s string, m []int) (Date, bool) {
	g := groups(s, m)
	mo, _ := strconv.Atoi(g[2])
	ampm := ""
	switch g[4] {
	case "下午", "晚上", "傍晚":
		ampm = "p"
	case "中午":
		if h, _ := strconv.Atoi(g[5]); h < 11 {
			ampm = "p"
		}
	}
	return build(g[0], g[1], mo, g[3], g[5], g[6], g[7], ampm)
}

// build validates the parts and returns the date.
func build(raw, year string, mo int, day, hour, minute, sec, ampm string) (Date, bool) {
	d := Date{Raw: raw, mo: mo}
	d.y, _ = strconv.Atoi(year)
	d.d, _ = strconv.Atoi(day)
	if d.y < 1900 || d.y > 2200 || mo < 1 || mo > 12 || d.d < 1 || d.d > 31 {
		return Date{}, false
	}
	if hour != "" {
		d.hasTime = true
		d.h, _ = strconv.Atoi(hour)
		d.mi, _ = strconv.Atoi(minute)
		if ampm != "" && strings.EqualFold(ampm, "p") && d.h < 12 {
			d.h += 12
		} else if strings.EqualFold(ampm, "a") && d.h == 12 {
			d.h = 0
		}
		if sec != "" {
			d.hasSeconds = true
			d.s, _ = strconv.Atoi(sec)
		}
		if d.h > 23 || d.mi > 59 || d.s > 59 {
			return Date{}, false
		}
	}
	return d, true
}

// Canonical writes the date as "2006-01-02 15:04[:05]", followed by the
// zone when one was printed after the time ("2011-09-20 18:37 EDT");
// without one the source's zone applies. normalize.ParseDate reads it.
func (d Date) Canonical() string {
	if d.Raw == "" {
		return ""
	}
	s := fmt.Sprintf("%04d-%02d-%02d", d.y, d.mo, d.d)
	if d.hasTime {
		s += fmt.Sprintf(" %02d:%02d", d.h, d.mi)
		if d.hasSeconds {
			s += fmt.Sprintf(":%02d", d.s)
		}
		if z := d.zoneAbbrev(); z != "" {
			s += " " + z
		}
	}
	return s
}

// usZones are the regions of the generic US zone names, which say
// standard or daylight time by the date.
var usZones = map[string]string{"ET": "America/New_York", "CT": "America/Chicago",
	"MT": "America/Denver", "PT": "America/Los_Angeles"}

// zoneAbbrev is the printed zone as an abbreviation normalize reads: a
// generic US name becomes its standard or daylight form on that date
// ("ET" in August is "EDT"); "" when none was printed or the zone
// database lacks the region.
func (d Date) zoneAbbrev() string {
	region, generic := usZones[d.zone]
	if !generic {
		return d.zone
	}
	loc, err := time.LoadLocation(region)
	if err != nil {
		return ""
	}
	name, _ := time.Date(d.y, time.Month(d.mo), d.d, d.h, d.mi, 0, 0, loc).Zone()
	return name
}

// hasYear reports four ASCII digits in a row, which every date form has.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// PreferTimed returns the first non-empty date text of cands (in evidence
// order), except that a date without a time of day gives way to a later
// candidate naming the same calendar day with its time: a date-only meta
// tag ("publishdate" = 2024-05-13) loses to the info line's
// "2024-05-13 13:48".
func PreferTimed(cands ...string) string {
	first, at := "", -1
	for i, c := range cands {
		if strings.TrimSpace(c) != "" {
			first, at = c, i
			break
		}
	}
	d := FindDate(first)
	if at < 0 || d.Raw == "" || d.hasTime {
		return first
	}
	for _, c := range cands[at+1:] {
		if e := FindDate(c); e.hasTime && e.y == d.y && e.mo == d.mo && e.d == d.d {
			return c
		}
	}
	return first
}

// laterUpdate is an update stamp after a publication date on the same
// line: "… - Mis à jour le 08 mai 2019 à 09h03", "…, updated 3:15 p.m.".
var laterUpdate = guard(regexp.MustCompile(`(?i)\s*[-–—|,]\s*(?:mis à jour|last updated|updated|modifié|actualisé)\b\s*[:：]?\s*(.*)$`))

// yearlessEnglish is an English date with its time but no year:
// "September 19 at 3:15 p.m.".
var yearlessEnglish = regexp.MustCompile(`(?i)\b` + monthNames + `\s+(\d{1,2}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap])\.?m\.?`)

// yearlessDate writes a date printed without its year as "01-02 15:04"
// (the reader takes the year from the reference time); "" when s has
// none.
func yearlessDate(s string) string {
	m := yearlessEnglish.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	d, ok := build(m[0], "2000", monthNumber(m[1]), m[2], m[3], m[4], "", m[5])
	if !ok {
		return ""
	}
	return fmt.Sprintf("%02d-%02d %02d:%02d", d.mo, d.d, d.h, d.mi)
}
