package labels

import (
	"slices"
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
	var seen map[string]bool // only for long lists; short ones are searched
	for _, v := range vals {
		v = Clean(v)
		if v == "" || seen[v] || seen == nil && slices.Contains(out, v) {
			continue
		}
		if seen == nil && len(out) >= uniqScan {
			seen = make(map[string]bool, len(vals))
			for _, o := range out {
				seen[o] = true
			}
		}
		if seen != nil {
			seen[v] = true
		}
		out = append(out, v)
	}
	return out
}

// uniqScan is the longest list Uniq searches for repeats instead of
// building a map: bylines name a few people.
const uniqScan = 8

// cleanSpan bounds the part of s that Clean keeps: Clean(s) is s[i:j]
// with its white-space runs collapsed, where i and j trim every rune
// that is white space to Clean (collapsed) or to strings.TrimSpace.
func cleanSpan(s string) (i, j int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	for j = len(s); j > i; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isSpace(r) {
			break
		}
		j -= n
	}
	return i, j
}

// cleanLonger reports runeLen(Clean(s)) > limit without building
// Clean(s); it stops reading at the first character past the limit.
func cleanLonger(s string, limit int) bool {
	if len(s) <= limit {
		return false // Clean never adds a byte, and every rune has one
	}
	i, j := cleanSpan(s)
	count, inRun := 0, false
	for k := i; k < j; {
		r, n := rune(s[k]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[k:j])
		}
		k += n
		if isRunSpace(r) {
			if inRun {
				continue
			}
			inRun = true
		} else {
			inRun = false
		}
		if count++; count > limit {
			return true
		}
	}
	return false
}

// cleanIs reports Clean(s) == want without building Clean(s): a title
// is compared with every edge line, and most differ in the first bytes.
func cleanIs(s, want string) bool {
	if len(want) > len(s) {
		return false // Clean never adds a byte
	}
	i, j := cleanSpan(s)
	w, inRun := 0, false
	for k := i; k < j; {
		r, n := utf8.DecodeRuneInString(s[k:j])
		if isRunSpace(r) {
			k += n
			if inRun {
				continue
			}
			inRun = true
			if w >= len(want) || want[w] != ' ' {
				return false
			}
			w++
			continue
		}
		inRun = false
		if w+n > len(want) || s[k:k+n] != want[w:w+n] {
			return false
		}
		k += n
		w += n
	}
	return w == len(want)
}
