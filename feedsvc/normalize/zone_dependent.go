package normalize

import "time"

// probeZone is a zone far from UTC whose reading of "CST" differs too.
var probeZone = time.FixedZone("UTC+8", 8*3600)

// ZoneDependent reports whether the instant a date string denotes depends
// on the source zone it is read in: a date or time without a zone, or
// "CST" (China or US Central, by the source's zone). Dates with an offset
// or an unambiguous zone, relative forms and unreadable strings are not.
// `feedsvc check` uses it to warn when such dates were read in UTC only
// because no -timezone was given.
func ZoneDependent(s string, ref time.Time) bool {
	a, okA := ParseDate(s, time.UTC, ref)
	b, okB := ParseDate(s, probeZone, ref)
	return okA && okB && !a.Equal(b)
}
