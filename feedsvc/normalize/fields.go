package normalize

import (
	"html"
	"regexp"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	"golang.org/x/text/language"
)

// entityRe spots an HTML entity left after one round of decoding
// (double-escaped feeds: "&amp;#8217;").
var entityRe = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)

// cleanTexts trims and collapses the one-line text fields; title-like
// fields also lose markup and entities.
func cleanTexts(a *feedsvc.Article) {
	for _, p := range []*string{&a.Title, &a.Kicker, &a.Subtitle, &a.PrintTitle} {
		*p = capLine(plainTitle(*p))
	}
	for _, p := range []*string{&a.Editor, &a.Source, &a.Section, &a.Rights} {
		*p = capLine(collapse(html.UnescapeString(*p)))
	}
	a.GUID = strings.TrimSpace(a.GUID) // an identity: trimmed, never rewritten
}

// maxLineRunes caps every one-line field (title, kicker, subtitle, names,
// categories, source, editor, rights): a 1 MB "title" is an attack or a
// broken source, never a headline.
const maxLineRunes = 1000

// capLine cuts s to maxLineRunes characters, on a character boundary.
func capLine(s string) string {
	if len(s) <= maxLineRunes { // bytes ≥ runes: nothing to count
		return s
	}
	n := 0
	for i := range s {
		if n == maxLineRunes {
			return strings.TrimRight(s[:i], " ")
		}
		n++
	}
	return s
}

// plainTitle decodes entities (twice for double-escaped feeds), strips
// tags and collapses whitespace.
func plainTitle(s string) string {
	if strings.Contains(s, "<") {
		s = strings.ReplaceAll(Text(s), "\n\n", " ")
	} else {
		s = html.UnescapeString(s)
	}
	for i := 0; i < 2 && entityRe.MatchString(s); i++ {
		s = html.UnescapeString(s)
	}
	return collapse(s)
}

// paragraphs normalizes plain body text: every line collapsed, empty lines
// dropped, paragraphs separated by "\n\n".
func paragraphs(s string) string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2029' })
	return joinBlocks(lines)
}

// emailRe matches an e-mail address, optionally as a mailto: link.
var emailRe = regexp.MustCompile(`(?i)(?:mailto:)?[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}`)

// bylineRe matches a byline label in front of a name.
var bylineRe = regexp.MustCompile(`^(?:(?i:(?:(?:written|posted)\s+)?by)\s*:?\s+|(?i:authors?)\s*:\s*|作者\s*[:：]\s*)`)

// personName strips e-mail noise from an author-like value:
// "a@b (Name)" and "Name <a@b>" become "Name"; a bare address stays; a
// leading "By ", "Written by ", "Author: " or "作者：" goes.
func personName(s string) (name string, bareEmail bool) {
	s = collapse(html.UnescapeString(s))
	if loc := bylineRe.FindStringIndex(s); loc != nil {
		s = s[loc[1]:] // the anchored label: one match, a prefix
	}
	if !strings.Contains(s, "@") || !emailRe.MatchString(s) {
		return s, false
	}
	return personAddress(s)
}

// personAddress is personName of a label-less value holding an address.
func personAddress(s string) (name string, bareEmail bool) {
	rest := emailRe.ReplaceAllString(s, "")
	rest = strings.Trim(collapse(rest), " ()<>[]{}\"',;:-")
	if rest == "" {
		return strings.TrimPrefix(strings.Trim(s, " <>()"), "mailto:"), true
	}
	return rest, false
}

// cleanPeople trims names, strips e-mail noise, drops empties and
// duplicates (case-insensitively, first spelling kept); bare addresses
// are kept only when there is no name at all.
func cleanPeople(in []string) []string {
	var names, emails []string
	for _, s := range in {
		n, bare := personName(s)
		if bare {
			emails = append(emails, n)
		} else {
			names = append(names, n)
		}
	}
	if out := cleanList(names); len(out) > 0 {
		return out
	}
	return cleanList(emails)
}

// cleanList collapses whitespace, drops empty values and duplicates
// (case-insensitively), preserving order. nil when nothing is left.
func cleanList(in []string) []string {
	return cleanListBy(in, strings.ToLower)
}

// slugSepRe matches the separators a slug puts between words.
var slugSepRe = regexp.MustCompile(`[-_\s]+`)

// cleanCategories is cleanList where a slug equals its name: publishers
// often list both "Muslim women" and "muslim-women".
func cleanCategories(in []string) []string {
	return cleanListBy(in, categoryKey)
}

// categoryKey is a category's duplicate key: lower case, slug separators
// as single spaces. A name with neither separators nor runs of white
// space (most of them) skips the regexp.
func categoryKey(s string) string {
	s = strings.ToLower(s)
	if !strings.ContainsAny(s, "-_\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	return slugSepRe.ReplaceAllString(s, " ")
}

// cleanListBy is cleanList with the duplicate key computed by key.
func cleanListBy(in []string, key func(string) string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = capLine(collapse(html.UnescapeString(s)))
		k := key(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// firstLanguage returns the first of tags that parses as BCP 47, in
// canonical case ("zh-cn" → "zh-CN", "en_US" → "en-US"); "" when none.
func firstLanguage(tags ...string) string {
	for _, t := range tags {
		t = strings.ReplaceAll(strings.TrimSpace(t), "_", "-")
		if t == "" {
			continue
		}
		if tag, err := language.Parse(t); err == nil && tag != language.Und {
			return tag.String()
		}
	}
	return ""
}
