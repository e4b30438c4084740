package feedsvc

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseAge(t *testing.T) {
	tests := []struct {
		name, in string
		want     Age
		bad      bool
	}{
		{"empty", "", 0, false},
		{"days", "90d", Age(90 * 24 * time.Hour), false},
		{"duration", "36h", Age(36 * time.Hour), false},
		{"forever", "forever", Forever, false},
		{"zero days", "0d", 0, true},
		{"fraction of days", "1.5d", 0, true},
		{"negative", "-5h", 0, true},
		{"zero", "0", 0, true},
		{"word", "soon", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAge(tc.in)
			if (err != nil) != tc.bad || got != tc.want {
				t.Errorf("ParseAge(%q): got %v, %v; want %v (error %v)", tc.in, time.Duration(got), err, time.Duration(tc.want), tc.bad)
			}
		})
	}
}

func TestAgeJSONRoundTrip(t *testing.T) {
	for _, a := range []Age{Age(90 * 24 * time.Hour), Age(36 * time.Hour), Forever} {
		b, err := json.Marshal(Section{Slug: "s", Retain: a})
		if err != nil {
			t.Fatal(err)
		}
		var back Section
		if err := json.Unmarshal(b, &back); err != nil || back.Retain != a {
			t.Errorf("round trip of %s via %s: got %s, %v", a, b, back.Retain, err)
		}
	}
	b, _ := json.Marshal(Section{Slug: "s"})
	if got := string(b); got != `{"slug":"s","title":"","description":"","language":""}` {
		t.Errorf("unset retention: got %s, want no retain fields", got)
	}
}
