package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SummaryMax is the summary length Articles uses, in runes.
const SummaryMax = 300

// ellipsis marks a cut summary.
const ellipsis = "…"

// Summary returns text on one line, at most max runes long (the ellipsis
// included). When it has to cut, it cuts on a word boundary in spaced
// scripts, or after a sentence end (or else between characters) in CJK
// text, never inside a Latin word when a boundary is near, and appends
// "…".
func Summary(text string, max int) string {
	if max <= 0 {
		return ""
	}
	return summaryOf(collapseHead(text, max+1), max)
}

// summaryOf is Summary of text whose collapse, or a head of it holding
// more than max characters, is s.
func summaryOf(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	if max == 1 {
		return ellipsis
	}
	win := r[:max-1]
	cut := cutPoint(win, r[max-1])
	out := strings.TrimRightFunc(string(win[:cut]), func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(",，、;；:：-—(（[【《“‘\"'", c)
	})
	return out + ellipsis
}

// collapseHead returns collapse(text), or a prefix of it at least n
// characters long: the collapse of a prefix of text, which is a prefix
// of the collapse of all of it. Summary needs only its first characters,
// not the whole body collapsed and turned into runes.
func collapseHead(text string, n int) string {
	if n <= len(text)/8 { // else the whole text is about as short
		for size := 4 * n; size < len(text); size *= 2 {
			cut := size
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if head := collapse(text[:cut]); utf8.RuneCountInString(head) >= n {
				return head
			}
		}
	}
	return collapse(text)
}

// cutPoint returns how many runes of win to keep; next is the first rune
// after the window.
func cutPoint(win []rune, next rune) int {
	n := len(win)
	floor := n / 2 // never throw away more than half
	if isCJKText(win) {
		for i := n - 1; i >= n*2/3; i-- {
			if strings.ContainsRune("。！？!?；…", win[i]) {
				return i + 1
			}
		}
	}
	if !inWord(win[n-1], next) {
		return n
	}
	for i := n - 1; i >= floor; i-- {
		if unicode.IsSpace(win[i]) || isCJK(win[i]) {
			if isCJK(win[i]) {
				return i + 1
			}
			return i
		}
	}
	return n
}

// inWord reports whether a and b are both parts of one spaced-script word.
func inWord(a, b rune) bool {
	word := func(r rune) bool {
		return (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') && !isCJK(r)
	}
	return word(a) && word(b)
}

// isCJK reports Han, kana and Hangul characters and CJK punctuation.
func isCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo, the first of these blocks
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// isCJKText reports whether CJK characters outnumber spaced-script letters.
func isCJKText(rs []rune) bool {
	cjk, other := 0, 0
	for _, r := range rs {
		switch {
		case isCJK(r):
			cjk++
		case unicode.IsLetter(r):
			other++
		}
	}
	return cjk*3 > other // one Han character carries about a word
}
