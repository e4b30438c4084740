package normalize

import (
	"strings"
	"time"
)

// namedZones maps zone abbreviations seen in feeds to UTC offsets in hours.
// "CST" is absent on purpose: it depends on the source's zone (zoneLoc).
// Ambiguous names (IST, ET, …) are absent too and fall back to the source
// zone.
var namedZones = map[string]float64{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
	"BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "WEST": 1, "MSK": 3,
	"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AWST": 8, "BJT": 8, "PHT": 8,
	"ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}

// chinaOffset is UTC+8 in seconds: China, Hong Kong, Macau, Taiwan.
const chinaOffset = 8 * 3600

// zoneLoc returns the location a zone token denotes. An empty or unknown
// token means the source's zone loc. "CST" is China Standard Time when loc
// is at +08:00 on that date, US Central otherwise. Military single letters
// other than Z carry no reliable offset (RFC 5322 §4.3) and read as UTC.
// ok=false for a malformed numeric offset.
func zoneLoc(tok string, w wallClock, loc *time.Location) (*time.Location, bool) {
	switch {
	case tok == "":
		return loc, true
	case tok == "CST":
		if _, off := w.in(loc).Zone(); off == chinaOffset {
			return time.FixedZone("CST", chinaOffset), true
		}
		return time.FixedZone("CST", -6*3600), true
	case tok[0] == '+' || tok[0] == '-':
		return offsetLoc(tok)
	}
	for _, p := range []string{"GMT", "UTC", "UT"} {
		if rest, found := strings.CutPrefix(tok, p); found {
			if rest == "" {
				break // the name alone: namedZones (else "UTC" read as UT with offset "C")
			}
			return offsetLoc(strings.TrimSpace(rest))
		}
	}
	if h, found := namedZones[tok]; found {
		if h == 0 {
			return time.UTC, true
		}
		return time.FixedZone(tok, int(h*3600)), true
	}
	if len(tok) == 1 && tok != "J" {
		return time.UTC, true
	}
	return loc, true
}

// offsetLoc reads ±H, ±HH, ±HHMM or ±HH:MM.
func offsetLoc(tok string) (*time.Location, bool) {
	sign := 1
	if tok[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(tok[1:], ":", "")
	h, m := 0, 0
	switch len(digits) {
	case 1, 2:
		h = atoi(digits)
	case 3, 4:
		h, m = atoi(digits[:len(digits)-2]), atoi(digits[len(digits)-2:])
	default:
		return nil, false
	}
	if h < 0 || h > 14 || m < 0 || m > 59 {
		return nil, false
	}
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}
