package parse

import (
	"html"
	"regexp"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
)

var (
	// tagRE spots markup in a title: a start/end tag or a comment.
	tagRE = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9:-]*[\s/>]|/[a-zA-Z]|!--)`)
	// entityRE matches only complete character references. Legacy
	// references without ';' (as in "?a=1&copy=2") are left alone.
	entityRE = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
	spaceRE  = regexp.MustCompile(`\s+`)
	paraRE   = regexp.MustCompile(`\n\s*\n`)
)

// plainText flattens a title or name to one line of plain text: markup
// (escaped HTML, CDATA HTML, Atom xhtml) is reduced to its text and
// remaining character references are decoded.
func plainText(s string) string {
	if s == "" {
		return "" // most optional fields (captions, credits) are absent
	}
	if strings.Contains(s, "<") && tagRE.MatchString(s) {
		s = htmlText(s)
	} else if strings.Contains(s, "&") {
		s = entityRE.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	if !spaced(s) {
		return strings.TrimSpace(s) // what the replacement would give back
	}
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// spaced reports whether spaceRE's replacement would change s: a tab,
// line break or form feed (the rest of \s), or two spaces in a row.
func spaced(s string) bool {
	return strings.ContainsAny(s, "\t\n\f\r") || strings.Contains(s, "  ")
}

// htmlText returns the text of an HTML fragment, with a space where block
// elements and line breaks separate words.
func htmlText(s string) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				skip++
			} else if isBreak(n) {
				b.WriteByte(' ')
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if n := string(name); (n == "script" || n == "style") && skip > 0 {
				skip--
			} else if isBreak(n) {
				b.WriteByte(' ')
			}
		}
	}
}

func isBreak(tag string) bool {
	switch tag {
	case "br", "p", "div", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
		return true
	}
	return false
}

// textToHTML turns plain text into HTML: escaped, blank lines as
// paragraphs, single newlines as <br>.
func textToHTML(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return ""
	}
	paras := paraRE.Split(html.EscapeString(s), -1)
	for i, p := range paras {
		paras[i] = "<p>" + strings.ReplaceAll(strings.TrimSpace(p), "\n", "<br>") + "</p>"
	}
	return strings.Join(paras, "")
}

// cleanList trims values, drops empty ones and duplicates (compared
// case-insensitively), keeping the first spelling and the order.
func cleanList(in []string) []string {
	var out []string
	// The keys seen: in a map for long lists, else looked through.
	var seen map[string]bool
	var few [smallList]string
	keys := few[:0]
	if len(in) > smallList {
		seen = make(map[string]bool, len(in))
	}
	for _, v := range in {
		v = plainText(v)
		if v == "" {
			continue
		}
		k := strings.ToLower(v)
		if seen != nil {
			if seen[k] {
				continue
			}
			seen[k] = true
		} else {
			if slices.Contains(keys, k) {
				continue
			}
			keys = append(keys, k)
		}
		out = append(out, v)
	}
	return out
}

// first returns the first non-blank value, trimmed.
func first(vals []string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
