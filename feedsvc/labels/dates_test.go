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
