package parse

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// "jo@example.com (Jo Smith)" — the RSS 2.0 <author> form.
	mailParenRE = regexp.MustCompile(`^\s*\S+@\S+\s*\((.*)\)\s*$`)
	// "Jo Smith <jo@example.com>" — the RFC 5322 form.
	nameAngleRE = regexp.MustCompile(`^\s*"?([^"<]*?)"?\s*<[^>]*@[^>]*>\s*$`)
	bareMailRE  = regexp.MustCompile(`^\s*<?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?\s*$`)
	// Role words in bylines, not names: Chinese newspaper credits and
	// the English "By".
	rolePrefixRE = regexp.MustCompile(`^(?:(?:本报|特约|实习|见习|新华社|中新社)?(?:记者|通讯员|实习生|编辑|撰稿|作者|摄影|摄)[：:\s]*|文[／/：:]\s*|[Bb][Yy][:\s]+)+`)
	listSepRE    = regexp.MustCompile(`\s*[、，；;|]\s*`)
)

// authorNames extracts display names from one raw author value: e-mail
// addresses and role words are dropped, lists are split, and
// space-separated Chinese names ("郑莉 郝赫") become separate names.
func authorNames(raw string) []string {
	raw = plainText(raw)
	if strings.Contains(raw, "@") { // each address pattern needs one
		if m := mailParenRE.FindStringSubmatch(raw); m != nil {
			raw = m[1]
		} else if m := nameAngleRE.FindStringSubmatch(raw); m != nil {
			raw = m[1]
		} else if bareMailRE.MatchString(raw) {
			return nil // an address alone names nobody
		}
	}
	parts := []string{raw}
	if strings.ContainsAny(raw, "、，；;|") { // listSepRE needs one
		parts = listSepRE.Split(raw, -1)
	}
	var names []string
	for _, part := range parts {
		for _, n := range splitHanNames(part) {
			// rolePrefixRE is anchored: its one match is a prefix.
			if loc := rolePrefixRE.FindStringIndex(n); loc != nil {
				n = n[loc[1]:]
			}
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// splitHanNames splits on spaces when every word is Han script, the way
// Chinese bylines separate people; other text is one name.
func splitHanNames(s string) []string {
	words := strings.Fields(s)
	if len(words) < 2 {
		return words
	}
	for _, w := range words {
		if !allHan(w) {
			return []string{strings.Join(words, " ")}
		}
	}
	return words
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' {
			return false
		}
	}
	return s != ""
}

// cleanAuthors turns raw author values into unique display names.
func cleanAuthors(raw []string) []string {
	var names []string
	for _, r := range raw {
		names = append(names, authorNames(r)...)
	}
	return cleanList(names)
}
