package labels

import (
	"regexp"
	"strings"
	"unicode"
)

// bylineCut ends a free byline at what follows the names: an e-mail, a
// handle ("Grant Brisbee@GrantBrisbee"), a bar, a date, a "Follow
// @handle" button or an "Updated"/"Published" stamp.
var bylineCut = Regexp(`(?i)\s*(?:[|｜•·]|\S+@\S+\.\S+|\bfollow\s+@|@\w+|\b(?:updated|published|posted)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[:/.]\d).*$`)

// bylineLead is the "By" a byline opens with, with a colon ("By: X"),
// in French, Spanish or German (Par, Por, Von), or twice when a
// template prints its own label before the byline text ("By" + "by
// JOSH HASKELL" reads "Byby JOSH HASKELL"); a closing-credit dash may
// precede it ("-- By Michael Russell").
var bylineLead = regexp.MustCompile(`(?i)^[-–—\s]*(?:by\s*:?\s*)*(?:by|par|por|von)\s*:?\s+`)

// roleTail is a dash and the writers' role after the names: "X and Y -
// AP Technology Writers", "X — Staff Writer".
var roleTail = Regexp(`(?i)\s+[-–—]\s+[^-–—]*\b(?:reporters?|correspondents?|writers?|editors?|columnists?)\s*$`)

// bylineConnector are the words that may stand between names written in
// capitals without ending the names ("JOHN SMITH and JANE DOE").
var bylineConnector = map[string]bool{"and": true, "et": true, "y": true, "und": true, "&": true, ",": true}

// Byline reads a free byline such as readability reports or a byline
// element holds: "By Mike Cason | mcason@al.com", "By A, B and C",
// "Byby JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL" (names in
// capitals are written in title case), "Par LILIAN ALEMAGNA, LAURE
// BRETTON Envoyés spéciaux à Toulouse" (a tail in lower case after names
// in capitals is no name).
func Byline(v string) []string {
	v = Clean(v)
	if hanShare(v) >= 0.5 {
		return Names(v)
	}
	v = bylineText(v)
	names := Names(v)
	for i, n := range names {
		names[i] = titleCaps(n)
	}
	return names
}

// bylineText is a free Latin-script byline without its lead word, its
// trailing stamps and its role tail.
func bylineText(v string) string {
	v = bylineLead.ReplaceAllString(Clean(v), "")
	v = bylineCut.ReplaceAllString(v, "")
	v = roleTail.ReplaceAllString(v, "")
	return capsRun(v)
}

// capsRun cuts a byline whose names are written in capitals at the
// first word in lower case that is no connector: "LILIAN ALEMAGNA,
// LAURE BRETTON Envoyés spéciaux" is "LILIAN ALEMAGNA, LAURE BRETTON".
func capsRun(v string) string {
	words := strings.Fields(v)
	if len(words) < 2 || !allCaps(words[0]) || !allCaps(words[1]) {
		return v
	}
	for i, w := range words {
		if bylineConnector[strings.ToLower(strings.Trim(w, ","))] || allCaps(w) {
			continue
		}
		return strings.Join(words[:i], " ")
	}
	return v
}

// allCaps reports a word with letters, none in lower case.
func allCaps(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// titleCaps writes a name of two or more words in capitals in title case
// ("JOSH HASKELL" is "Josh Haskell", "JEAN-LUC O'NEIL" "Jean-Luc O'Neil");
// acronyms (one word: AP, CNN) and mixed-case names stay as they are.
func titleCaps(n string) string {
	if !strings.Contains(n, " ") || !allCaps(n) || hanShare(n) > 0 {
		return n
	}
	rs := []rune(strings.ToLower(n))
	start := true
	for i, r := range rs {
		if start && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’'
	}
	return string(rs)
}

// bylineParts splits a Latin-script byline into its parts: names, an
// outlet, the writers' role.
var bylineParts = regexp.MustCompile(`\s*(?:[,;|｜•·]|\s[-–—]\s|\band\b)\s*`)

// BylineOrg is the organisation a byline names beside its people, the
// article's source when no 来源 line names one: "John Patrick Pullen,
// TIME", "By Fatima Hussein, The Associated Press", "By X and Y - AP
// Technology Writers | AP". "" when it names none.
func BylineOrg(v string) string {
	v = Clean(v)
	if v == "" || hanShare(v) >= 0.5 {
		return ""
	}
	v = bylineLead.ReplaceAllString(v, "")
	for _, p := range bylineParts.Split(v, -1) {
		p = Clean(roleWords.ReplaceAllString(p, " "))
		if p != "" && runeLen(p) <= 40 && Organisation(p) && !orgWordOnly.MatchString(p) {
			return p
		}
	}
	return ""
}
