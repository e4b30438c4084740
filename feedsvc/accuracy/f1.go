package accuracy

import (
	"strings"
	"unicode"
)

// Tokens splits text for body F1: every Han, Hiragana, Katakana or Hangul
// character is a token, and so is every run of other letters and digits
// (lower-cased); punctuation and spaces are dropped.
func Tokens(s string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, strings.ToLower(word.String()))
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// BodyF1 is the bag-of-tokens F1 of an extracted body against the
// reference body (the corpus' <name>.body.txt): 1 when both are empty.
func BodyF1(ref, got string) float64 {
	want := map[string]int{}
	r := Tokens(ref)
	for _, t := range r {
		want[t]++
	}
	g := Tokens(got)
	if len(r) == 0 && len(g) == 0 {
		return 1
	}
	common := 0
	for _, t := range g {
		if want[t] > 0 {
			want[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, rc := float64(common)/float64(len(g)), float64(common)/float64(len(r))
	return 2 * p * rc / (p + rc)
}
