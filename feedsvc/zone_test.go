package feedsvc

import (
	"fmt"
	"testing"
	"time"
)

// TestLoadZoneCached: a cached zone is the zone time.LoadLocation gives,
// the same value on every call; an unknown zone stays an error.
func TestLoadZoneCached(t *testing.T) {
	for range 2 {
		loc, err := loadZone("Asia/Shanghai")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := time.LoadLocation("Asia/Shanghai")
		at := time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC)
		if loc.String() != "Asia/Shanghai" || at.In(loc).Format(time.RFC3339) != at.In(want).Format(time.RFC3339) {
			t.Errorf("zone %v gives %s", loc, at.In(loc))
		}
	}
	a, _ := loadZone("Europe/Berlin")
	b, _ := loadZone("Europe/Berlin")
	if a != b {
		t.Error("second load of a zone is not the cached value")
	}
	for range 2 {
		if _, err := loadZone("Mars/Olympus"); err == nil {
			t.Error("unknown zone accepted")
		}
	}
}

// BenchmarkValidateSources validates 10,000 sources over a few zones, as a
// catalog load does.
func BenchmarkValidateSources(b *testing.B) {
	zones := []string{"Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", ""}
	slugs := map[string]bool{"ent": true}
	b.ReportAllocs()
	for b.Loop() {
		for i := range 10000 {
			s := Source{ID: fmt.Sprint("s", i), URL: "https://a.example/feed", Sections: []string{"ent"}, Timezone: zones[i%len(zones)]}
			if err := ValidateSource(&s, slugs, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}
