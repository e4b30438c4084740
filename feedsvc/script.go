package feedsvc

import "unicode"

// scriptLanguages maps scripts that (nearly) always mean one language to
// its BCP 47 tag. Latin, Cyrillic and Arabic serve many languages and are
// left out: telling those apart needs a statistical detector.
var scriptLanguages = []struct {
	table *unicode.RangeTable
	tag   string
}{
	{unicode.Hangul, "ko"},
	{unicode.Thai, "th"},
	{unicode.Greek, "el"},
	{unicode.Han, "zh"},
}

// scriptSample bounds how many letters scriptLanguage looks at.
const scriptSample = 2000

// ScriptLanguage guesses the language of text from its writing system:
// Japanese when it has kana and kana plus Han make most letters, else the
// language of a script from scriptLanguages that makes most letters; ""
// when no such script dominates. It is the one guesser for pages that
// declare no language (extract) and the last fallback after the item's,
// the feed's and the section's declared language (normalize).
func ScriptLanguage(text string) string {
	counts := make([]int, len(scriptLanguages))
	letters, kana := 0, 0
	for _, r := range text {
		if letters == scriptSample {
			break
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			kana++
			continue
		}
		for i, s := range scriptLanguages {
			if unicode.Is(s.table, r) {
				counts[i]++
				break
			}
		}
	}
	han := counts[len(counts)-1]
	if kana > 0 && 2*(kana+han) > letters {
		return "ja"
	}
	for i, s := range scriptLanguages {
		if 2*counts[i] > letters {
			return s.tag
		}
	}
	return ""
}
