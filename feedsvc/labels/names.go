package labels

import (
	"regexp"
	"strings"
)

var (
	// roleWords are job titles that precede names in bylines.
	roleWords = Regexp(`(?i)(?:本报|新华社|央视|人民网|特派|特约|见习|实习|驻\p{Han}{1,4})?(?:记者|通讯员|实习生|编辑)|\b(?:staff |special |senior )?(?:reporters?|correspondents?|writers?)\b|^\s*by\b`)
	// nameTail cuts "of Network", "for Daily" and organisation tails.
	nameTail = regexp.MustCompile(`(?i)\s+(?:of|for|from|at)\s+.*$|[（(].*$`)
	hanSplit = Regexp(`[\s、，,；;/|及和与]+`)
	latSplit = regexp.MustCompile(`(?i)\s*(?:,|、|，|;|；|&|/|\band\b)\s*`)
	// hanName is a Chinese name: 2-4 characters, or a transliterated name
	// joined by middle dots (阿依古丽·买买提).
	hanName = regexp.MustCompile(`^(?:\p{Han}{2,4}|\p{Han}{1,8}(?:[·•]\p{Han}{1,8}){1,2})$`)
	// latName is a Latin name; lower-case particles (de, van, al-) may
	// stand between capitalised words: "Lisa de Moraes".
	latName = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|di|du|del|der|den|van|von|la|le|bin|ibn|al|el)\s+)*\p{Lu}[\p{L}'’.-]*){0,4}$`)
)

// Names reads a byline value into names: role words are dropped,
// Chinese names split on spaces and 、, Latin names on commas and "and".
// cmsCode is a staff code some CMSs append to names: "李四_NE0011".
var cmsCode = regexp.MustCompile(`[_＿][A-Za-z]{1,5}\d{2,}$`)

func Names(v string) []string {
	v = Clean(v)
	if loc := roleWords.FindStringIndex(v); loc != nil && loc[0] > 0 && hanShare(v) < 0.5 {
		// "Workers' Daily - reporter X": the part before the role is the outlet.
		v = v[loc[0]:]
	}
	v = Clean(roleWords.ReplaceAllString(v, " "))
	v = Clean(nameTail.ReplaceAllString(v, ""))
	v = strings.Trim(v, "-–—:：/ ")
	if v == "" {
		return nil
	}
	var parts []string
	if hanShare(v) >= 0.5 {
		parts = hanSplit.Split(v, -1)
	} else {
		parts = latSplit.Split(v, -1)
	}
	var out []string
	for _, p := range parts {
		p = strings.Trim(Clean(cmsCode.ReplaceAllString(p, "")), ".-–— ")
		if p == "" {
			continue
		}
		if !hanName.MatchString(p) && !latName.MatchString(p) {
			return nil
		}
		out = append(out, p)
	}
	return Uniq(out)
}

// creditBoundary ends the text before a "摄" credit.
var creditBoundary = regexp.MustCompile(`.*(?:[。！？；;：:（(【\[]|[\x{3000}\x{a0}]|\s{2,})`)

// notCreditBefore are characters that make 摄 part of a word (拍摄, 航摄).
const notCreditBefore = "拍航抓自所跟特编"

// creditNames reads a photo credit segment: "本报记者 陈思远 摄",
// "李堃/摄", "摄影：X", "Photographer/X and Y", "Photo: X".
// With whole set the segment must be the credit alone; otherwise the
// credit may close a longer clause (a caption sentence).
func creditNames(s string, whole bool) []string {
	s = Clean(s)
	if strings.ContainsAny(s, "/:：") { // photoLabel needs a separator
		if m := photoLabel.FindStringSubmatch(s); m != nil {
			return Names(m[1])
		}
	}
	t := strings.TrimRight(s, "。.）)】] ")
	suffix := "摄"
	if strings.HasSuffix(t, "攝") {
		suffix = "攝"
	} else if !strings.HasSuffix(t, "摄") {
		return nil
	}
	t = strings.TrimSuffix(strings.TrimRight(strings.TrimSuffix(t, suffix), " /"), "/")
	if r := []rune(t); len(r) == 0 || strings.ContainsRune(notCreditBefore, r[len(r)-1]) {
		return nil
	}
	if loc := creditBoundary.FindStringIndex(t); loc != nil && !whole {
		t = t[loc[1]:]
	}
	if runeLen(t) > 30 {
		return nil
	}
	return Names(t)
}

// photoLabel is a labelled photo credit anywhere in a segment.
var photoLabel = Regexp(`(?i)^[（(]?\s*(?:photographers?|photos? by|photos?|摄影|图片|图)\s*[/:：]\s*([^()（）]+?)\s*[)）]?\s*$`)

// Credits returns photographers credited anywhere in a paragraph:
// trailing "X 摄" after a sentence, or "(Photographer/X)".
func Credits(text string) []string {
	var out []string
	for _, part := range creditSplit.Split(text, -1) {
		out = append(out, creditNames(part, false)...)
	}
	return out
}

// creditSplit separates candidate credit clauses in running text.
var creditSplit = regexp.MustCompile(`[。！？!?]\s*|\.\s+|[\x{3000}\x{a0}]+|\s{2,}|[（(]|[)）]`)
