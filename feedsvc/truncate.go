package feedsvc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// ellipsis ends a text Truncate cut.
const ellipsis = "…"

// Truncate shortens s, when it has more than n runes, to a prefix of at
// most n runes followed by an ellipsis (…); s within n runes is returned as it
// is. It is the one rule for text shown shortened: the title of an
// untitled item (render) and the summary of a page's article (web).
//
//   - The cut falls between grapheme clusters (Unicode UAX #29, via
//     uniseg): never inside a UTF-8 sequence, and never between a letter
//     and its combining marks, inside an emoji sequence or between a
//     Hangul syllable's jamo.
//   - Text written with spaces is cut at the last space when one stands
//     in the final quarter of the runes that fit, so a word is not
//     split. Chinese and Japanese, written without spaces, are cut
//     between characters: each Han or kana character is its own cluster.
//   - White space around the kept text is trimmed.
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	end, runes := 0, 0      // the clusters that fit: bytes and runes
	space, spaceAt := -1, 0 // the last space among them: byte and rune offset
	rest, state := s, -1
	for rest != "" {
		cluster, next, _, st := uniseg.FirstGraphemeClusterInString(rest, state)
		c := utf8.RuneCountInString(cluster)
		if runes+c > n {
			break
		}
		if r, _ := utf8.DecodeRuneInString(cluster); unicode.IsSpace(r) {
			space, spaceAt = end, runes
		}
		end, runes = end+len(cluster), runes+c
		rest, state = next, st
	}
	if space >= 0 && spaceAt > runes*3/4 {
		end = space
	}
	return strings.TrimSpace(s[:end]) + ellipsis
}
