package normalize

import (
	"regexp"
	"testing"
	"time"
)

// fastDateZones are the zones the fast path is checked in: UTC, a fixed
// +08:00, and the named zones the CST rule tells apart.
func fastDateZones(t testing.TB) []*time.Location {
	t.Helper()
	locs := []*time.Location{time.UTC, time.FixedZone("+08:00", 8*3600)}
	for _, name := range []string{"Asia/Shanghai", "America/Chicago"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, loc)
	}
	return locs
}

// sameAsRules fails t when ParseDate and the rule list disagree on s;
// it reports whether the fast path answered.
func sameAsRules(t testing.TB, s string, locs []*time.Location, ref time.Time) bool {
	t.Helper()
	_, _, known := parseDateFast(s, time.UTC)
	if !known {
		return false // ParseDate is parseDateRules then
	}
	for _, loc := range locs {
		got, ok := ParseDate(s, loc, ref)
		want, wantOK := parseDateRules(s, loc, ref)
		if ok != wantOK || !got.Equal(want) || got.Location() != want.Location() {
			t.Fatalf("ParseDate(%q) in %v = %v, %v; the rules say %v, %v", s, loc, got, ok, want, wantOK)
		}
	}
	return known
}

// feedDateRe finds the date elements and fields of the fixture feeds.
var feedDateRe = regexp.MustCompile(`<((?:dc:|dcterms:|atom:)?(?:pubDate|lastBuildDate|published|updated|date|issued|modified|created))>([^<]*)</|"date_(?:published|modified)"\s*:\s*"([^"]*)"`)

// TestParseDateFastFixtures: the fast path answers as the rules do for
// every date of dates.json and of the shared fixture feeds and pages,
// and it answers for the common shapes among them.
func TestParseDateFastFixtures(t *testing.T) {
	var dates []string
	for _, c := range readDatesFile(t).Cases {
		dates = append(dates, c.Input)
	}
	for _, text := range fixtureTexts(t) {
		for _, m := range feedDateRe.FindAllStringSubmatch(text, -1) {
			dates = append(dates, m[2]+m[3])
		}
	}
	ref := time.Date(2023, 11, 15, 12, 0, 0, 0, time.FixedZone("+08:00", 8*3600))
	locs := fastDateZones(t)
	known := 0
	for _, s := range dates {
		if sameAsRules(t, s, locs, ref) {
			known++
		}
	}
	t.Logf("%d of %d fixture dates read by the fast path", known, len(dates))
	if len(dates) < 200 || known < len(dates)/2 {
		t.Errorf("fast path read %d of %d fixture dates, want most of at least 200", known, len(dates))
	}
}

// TestParseDateFastShapes: the fast path agrees with the rules on the
// product of the parts of its shapes, near misses included.
func TestParseDateFastShapes(t *testing.T) {
	ref := time.Date(2023, 11, 15, 12, 0, 0, 0, time.UTC)
	locs := fastDateZones(t)
	zones := []string{"", " Z", " +0000", " -0000", " +0800", " -05:00", "+08:00", " +0860", " +1500", " +08", " GMT", " UTC", " UT",
		" CST", " EST", " PDT", " AMT", " PMX", " ZZ", " UTX", " GMTX", " A", " J", " ABCDEF", " est", " +08:00 (CST)", " ", "Z"}
	clocks := []string{"07:24:00", "7:24", "23:59:60", "24:00:00", "12:60", "07:24:0", "07:24:00.520", "07:24.5"}
	known := 0
	for _, date := range []string{"Wed, 15 Nov 2023", "15 Nov 2023", "Wednesday, 31 Nov 2023", "1 Sept 2023", "5 Foo 2023",
		"Wed,15 Nov 2023", "15 nov 1969", "15 Nov 23", "2023-11-15", "2023-02-29", "2024-02-29", "2023-13-01", "2201-01-01",
		"1970-01-01", "2023-11-15T", "2023-1-15"} {
		for _, sep := range []string{" ", "T"} {
			for _, clock := range clocks {
				for _, zone := range zones {
					if sameAsRules(t, date+sep+clock+zone, locs, ref) {
						known++
					}
				}
			}
		}
		if sameAsRules(t, date, locs, ref) {
			known++
		}
	}
	if known < 500 {
		t.Errorf("fast path read %d shapes, want at least 500", known)
	}
}

// FuzzParseDateFast: whatever the fast path reads, it reads as the rule
// list does.
func FuzzParseDateFast(f *testing.F) {
	for _, s := range []string{"Wed, 15 Nov 2023 07:24:00 +0800", "2023-11-15T07:24:00.520+08:00", "2023-11-15", "15 Nov 2023 7:24 GMT",
		"Wed, 15 Nov 2023 07:24:00 CST", "2023-11-15 07:24 UTX", "Tue, 05 Mar 2024 08:00:00 +0800", "2023-11-15T07:24Z"} {
		f.Add(s)
	}
	ref := time.Date(2023, 11, 15, 12, 0, 0, 0, time.UTC)
	locs := fastDateZones(f)
	f.Fuzz(func(t *testing.T, s string) {
		sameAsRules(t, s, locs, ref)
	})
}
