package accuracy

import (
	"math"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	got := Tokens("新华社 Beijing, 5月9日电：GDP-2024")
	want := []string{"新", "华", "社", "beijing", "5", "月", "9", "日", "电", "gdp", "2024"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestBodyF1(t *testing.T) {
	for _, c := range []struct {
		ref, got string
		want     float64
	}{
		{"一二三四", "一二三四", 1},
		{"一二三四", "", 0},
		{"", "", 1},
		{"一二三四", "一二", 2 * 1 * 0.5 / 1.5}, // precision 1, recall 0.5
		{"一二", "一二三四五六", 2 * (2.0 / 6) * 1 / (2.0/6 + 1)}, // furniture kept
	} {
		if f := BodyF1(c.ref, c.got); math.Abs(f-c.want) > 1e-9 {
			t.Errorf("BodyF1(%q, %q) = %v, want %v", c.ref, c.got, f, c.want)
		}
	}
}
