package labels

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean collapses every whitespace run (ideographic and no-break spaces,
// zero-width spaces and BOMs included) into one ASCII space and trims the
// result. It is hand-written rather than a regexp replace: it runs on
// every line and name of every article.
func Clean(s string) string {
	i := strings.IndexFunc(s, isRunSpace)
	if i < 0 {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	inRun := false
	for rest := s[i:]; rest != ""; {
		r, n := utf8.DecodeRuneInString(rest)
		if isRunSpace(r) {
			if !inRun {
				b.WriteByte(' ')
			}
			inRun = true
		} else {
			inRun = false
			b.WriteString(rest[:n]) // invalid bytes pass through as they are
		}
		rest = rest[n:]
	}
	return strings.TrimSpace(b.String())
}

// isRunSpace is the set Clean collapses: RE2's \s (tab, newline, form
// feed, carriage return, space), U+3000, U+00A0, U+200B and U+FEFF.
func isRunSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r', '\u3000', '\u00a0', '\u200b', '\ufeff':
		return true
	}
	return false
}

// runeLen is the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// hanShare is the fraction of letters in s that are Han characters.
func hanShare(s string) float64 {
	var han, letters int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(han) / float64(letters)
}

// Uniq returns vals cleaned, without blanks and repeats, keeping the first
// of each.
func Uniq(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		v = Clean(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}
