package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

type datesFile struct {
	Context struct {
		DefaultTZ     string `json:"default_tz"`
		ReferenceTime string `json:"reference_time"`
	} `json:"context"`
	Cases []struct {
		Input       string  `json:"input"`
		ExpectedUTC *string `json:"expected_utc"`
		Note        string  `json:"note"`
	} `json:"cases"`
}

// fixedZone reads "+08:00" as a fixed zone.
func fixedZone(t *testing.T, s string) *time.Location {
	t.Helper()
	z, err := time.Parse("-07:00", s)
	if err != nil {
		t.Fatalf("default_tz %q: %v", s, err)
	}
	_, off := z.Zone()
	return time.FixedZone(s, off)
}

// readDatesFile reads the shared dates fixture.
func readDatesFile(t *testing.T) datesFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(testenv.Shared(t), "dates.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f datesFile
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestParseDateFixture(t *testing.T) {
	f := readDatesFile(t)
	ref, err := time.Parse(time.RFC3339, f.Context.ReferenceTime)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Cases) == 0 {
		t.Fatal("no cases in dates.json")
	}
	for _, loc := range []*time.Location{fixedZone(t, f.Context.DefaultTZ), mustLoad(t, "Asia/Shanghai")} {
		for _, c := range f.Cases {
			t.Run(loc.String()+"/"+c.Note, func(t *testing.T) {
				got, ok := ParseDate(c.Input, loc, ref)
				checkDate(t, c.Input, got, ok, c.ExpectedUTC)
			})
		}
	}
}

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func checkDate(t *testing.T, in string, got time.Time, ok bool, want *string) {
	t.Helper()
	if want == nil {
		if ok {
			t.Errorf("ParseDate(%q): got %q, want no date", in, got.Format(time.RFC3339))
		}
		return
	}
	if !ok {
		t.Errorf("ParseDate(%q): got no date, want %q", in, *want)
		return
	}
	if g := got.Format(time.RFC3339); g != *want {
		t.Errorf("ParseDate(%q): got %q, want %q", in, g, *want)
	}
	if got.Location() != time.UTC {
		t.Errorf("ParseDate(%q): location %v, want UTC", in, got.Location())
	}
}
