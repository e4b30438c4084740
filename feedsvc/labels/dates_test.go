package labels

import "testing"

func TestPreferTimed(t *testing.T) {
	tests := []struct {
		name  string
		cands []string
		want  string
	}{
		{"date-only meta loses to the info line's time", []string{" 2024-05-13", "", "2024-05-13 13:48"}, "2024-05-13 13:48"},
		{"a timed first candidate stays", []string{"2024-05-13T05:48:00Z", "2024-05-13 13:48"}, "2024-05-13T05:48:00Z"},
		{"another day does not replace it", []string{"2024-05-13", "2024-05-12 23:10"}, "2024-05-13"},
		{"no timed candidate keeps the day", []string{"", "2024-05-13", "2024-05-13"}, "2024-05-13"},
		{"nothing", []string{"", ""}, ""},
		{"text without a date stays first", []string{"yesterday", "2024-05-13 10:00"}, "yesterday"},
	}
	for _, tt := range tests {
		if got := PreferTimed(tt.cands...); got != tt.want {
			t.Errorf("%s: PreferTimed(%q) = %q, want %q", tt.name, tt.cands, got, tt.want)
		}
	}
}

func TestFindDateEnglishZones(t *testing.T) {
	tests := map[string]string{
		"September 20, 2011, 6:37 PM EDT":      "2011-09-20 18:37 EDT",
		"Updated: August 13, 2010, 5:02 PM ET": "2010-08-13 17:02 EDT",
		"Dec. 13, 2016, 4:19 PM ET":            "2016-12-13 16:19 EST",
		"9:39AM BST 05 Oct 2011":               "2011-10-05 09:39 BST",
		"1:26 pm ET Jun 3, 2014":               "2014-06-03 13:26 EDT",
		"Aug 13, 2010 – 4:39 PM":               "2010-08-13 16:39",
		"Dec 15, 2016 2:57 PM UTC":             "2016-12-15 14:57 UTC",
		"April 15, 2019 6:18am":                "2019-04-15 06:18",
		"on May 3, 2019 at 2:00 pm et al.":     "2019-05-03 14:00",
		"05 Oct 2011":                          "2011-10-05",
	}
	for in, want := range tests {
		if got := FindDate(in).Canonical(); got != want {
			t.Errorf("FindDate(%q).Canonical() = %q, want %q", in, got, want)
		}
	}
}

// TestFindDateLatinMonths reads day-month-year dates written with Spanish,
// French, Italian and Portuguese month names, and keeps English ones.
func TestFindDateLatinMonths(t *testing.T) {
	tests := []struct{ in, want string }{
		{"jueves, 09 enero 2014 - 10:21 h", "2014-01-09 10:21"},
		{"9 de enero de 2014", "2014-01-09"},
		{"Publié le 07 mai 2019 à 13h59", "2019-05-07 13:59"},
		{"le 3 août 2020", "2020-08-03"},
		{"12 dicembre 2018", "2018-12-12"},
		{"5 de março de 2021", "2021-03-05"},
		{"05 Oct 2011 9:39", "2011-10-05 09:39"},
		{"5 ago 2014", ""}, // "ago" is no month name
	}
	for _, tt := range tests {
		if got := FindDate(tt.in).Canonical(); got != tt.want {
			t.Errorf("FindDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
