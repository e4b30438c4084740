package normalize

import (
	"strings"
	"time"
)

// parseDateFast reads the two shapes nearly every feed date has without
// the rule list: RFC 822/1123 ("Wed, 02 Nov 2011 17:25:27 +0000") and
// ISO 8601/RFC 3339 ("2023-11-15T07:24:00.520+08:00", "2023-11-15").
// It accepts only ASCII text that cleanDate leaves as it is and that is
// wholly one of these shapes, where the first rule to match is known
// (d-mon-y, ymd) and its groups are the fields read here; known=false
// sends anything else down parseDateRules. FuzzParseDateFast and
// TestParseDateFastFixtures check that both give the same answer.
func parseDateFast(s string, loc *time.Location) (t time.Time, o outcome, known bool) {
	var w wallClock
	var zone string
	p := dateScanner{s: s}
	if p.digits(4, 4) >= 0 {
		p.i = 0
		known = p.isoDate(&w)
	} else {
		p.i = 0
		known = p.rfcDate(&w)
	}
	if !known {
		return time.Time{}, noMatch, false
	}
	if p.i < len(s) {
		if zone, known = p.zone(); !known {
			return time.Time{}, noMatch, false
		}
	}
	if !w.valid() {
		return time.Time{}, impossible, true
	}
	loc, ok := zoneLoc(zone, w, loc)
	if !ok {
		return time.Time{}, impossible, true
	}
	return w.in(loc), matched, true
}

// dateScanner reads a date string left to right.
type dateScanner struct {
	s string
	i int
}

// digits reads min to max decimal digits; -1 when there are fewer.
func (p *dateScanner) digits(min, max int) int {
	n, j := 0, p.i
	for j < len(p.s) && j-p.i < max && '0' <= p.s[j] && p.s[j] <= '9' {
		n = n*10 + int(p.s[j]-'0')
		j++
	}
	if j-p.i < min {
		return -1
	}
	p.i = j
	return n
}

// byte reads c.
func (p *dateScanner) byte(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// letters reads a run of ASCII letters.
func (p *dateScanner) letters() string {
	j := p.i
	for j < len(p.s) && ('a' <= p.s[j]|0x20 && p.s[j]|0x20 <= 'z') {
		j++
	}
	l := p.s[p.i:j]
	p.i = j
	return l
}

// isoDate reads "YYYY-MM-DD", then optionally "T" or " " and the clock
// with an optional fraction of a second.
func (p *dateScanner) isoDate(w *wallClock) bool {
	w.y = p.digits(4, 4)
	if !p.byte('-') {
		return false
	}
	if w.mo = p.digits(2, 2); w.mo < 0 || !p.byte('-') {
		return false
	}
	if w.d = p.digits(2, 2); w.d < 0 {
		return false
	}
	if p.i == len(p.s) {
		return true
	}
	if !p.byte('T') && !p.byte(' ') {
		return false
	}
	seconds, ok := p.clock(w)
	if ok && seconds && p.byte('.') && p.digits(1, 9) < 0 {
		return false // the rules read a fraction only after the seconds
	}
	return ok
}

// rfcDate reads an optional "Weekday, " and "D Mon YYYY H:MM[:SS]".
func (p *dateScanner) rfcDate(w *wallClock) bool {
	if p.i < len(p.s) && p.s[p.i] > '9' {
		if p.letters() == "" || !p.byte(',') || !p.byte(' ') {
			return false
		}
	}
	if w.d = p.digits(1, 2); w.d < 0 || !p.byte(' ') {
		return false
	}
	m, found := monthNames[strings.ToLower(p.letters())]
	if !found || !p.byte(' ') {
		return false
	}
	w.mo = m
	if w.y = p.digits(4, 4); w.y < 0 || !p.byte(' ') {
		return false
	}
	_, ok := p.clock(w)
	return ok
}

// clock reads "H:MM" or "H:MM:SS" (one or two digits of hour), and
// says whether it had the seconds.
func (p *dateScanner) clock(w *wallClock) (seconds, ok bool) {
	if w.h = p.digits(1, 2); w.h < 0 || !p.byte(':') {
		return false, false
	}
	if w.mi = p.digits(2, 2); w.mi < 0 {
		return false, false
	}
	if !p.byte(':') {
		return false, true
	}
	w.s = p.digits(2, 2)
	return true, w.s >= 0
}

// zone reads the rest of the string as a zone, after an optional space:
// "Z", "+HHMM", "+HH:MM", or one to five capital letters not starting
// with AM or PM (which the rules read as a 12-hour clock's marker).
func (p *dateScanner) zone() (string, bool) {
	p.byte(' ')
	z := p.s[p.i:]
	switch {
	case len(z) == 5 && (z[0] == '+' || z[0] == '-') && allDigits(z[1:]):
	case len(z) == 6 && (z[0] == '+' || z[0] == '-') && allDigits(z[1:3]) && z[3] == ':' && allDigits(z[4:]):
	case len(z) >= 1 && len(z) <= 5 && allUpper(z) && !strings.HasPrefix(z, "AM") && !strings.HasPrefix(z, "PM"):
	default:
		return "", false
	}
	return z, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
