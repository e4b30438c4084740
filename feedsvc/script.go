package feedsvc

import (
	"strings"
	"unicode"
)

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

// GuessLanguage guesses the language of text, in this order: from its
// writing system (scriptLanguage); Chinese when Han characters outnumber
// the Latin words (technical Chinese with many English terms); English
// when English function words make at least a tenth of 30 or more Latin
// words; else "". It is the one guesser for pages that declare no
// language (extract) and the last fallback after the item's, the feed's
// and the section's declared language (normalize).
func GuessLanguage(text string) string {
	if l := scriptLanguage(text); l != "" {
		return l
	}
	han, words, english := 0, 0, 0
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			words++
			if englishWords[strings.ToLower(word.String())] {
				english++
			}
			word.Reset()
		}
	}
	for i, r := range text {
		if i > 20000 {
			break
		}
		switch {
		case r < 128 && unicode.IsLetter(r):
			word.WriteRune(r)
			continue
		case unicode.Is(unicode.Han, r):
			han++
		}
		flush()
	}
	flush()
	switch {
	case han > words:
		return "zh"
	case words >= 30 && 10*english >= words:
		return "en"
	}
	return ""
}

// englishWords are frequent English function words that other Latin-script
// languages do not share.
var englishWords = map[string]bool{"the": true, "of": true, "and": true, "to": true, "that": true,
	"is": true, "was": true, "with": true, "for": true, "said": true, "from": true, "this": true,
	"have": true, "are": true, "which": true, "his": true, "they": true, "been": true, "were": true, "would": true}

// scriptLanguage guesses the language of text from its writing system:
// Japanese when it has kana and kana plus Han make most letters, else the
// language of a script from scriptLanguages that makes most letters; ""
// when no such script dominates.
func scriptLanguage(text string) string {
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
