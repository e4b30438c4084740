package render

import (
	"html"
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// xmlContentHTML is contentHTML for RSS content:encoded and Atom content,
// with every video embed (<iframe>, which the sanitizer keeps from known
// video hosts) replaced by a link to its src. The W3C validator warns on
// any iframe in feed content ("content should not contain iframe tag",
// SecurityRisk), and many readers strip iframes, so a link is what keeps
// the video reachable there. JSON Feed keeps the sanitized embed.
func xmlContentHTML(a *feedsvc.Article) string { return embedLinks(contentHTML(a)) }

// embedLinks returns s with each iframe element replaced by
// <a href="src">src</a> (an iframe without src is dropped). Everything
// else is copied byte for byte.
func embedLinks(s string) string {
	if !hasTagOpen(s, "iframe") {
		return s
	}
	return rewriteEmbeds(s)
}

// rewriteEmbeds is embedLinks without the shortcut for s without an iframe.
func rewriteEmbeds(s string) string {
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	inside := false // within an iframe's (raw text) content
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return b.String()
		}
		raw := string(z.Raw())
		name, hasAttr := z.TagName()
		isFrame := atom.Lookup(name) == atom.Iframe
		switch {
		case isFrame && (tt == nethtml.StartTagToken || tt == nethtml.SelfClosingTagToken):
			b.WriteString(embedLink(z, hasAttr))
			inside = tt == nethtml.StartTagToken
		case isFrame && tt == nethtml.EndTagToken:
			inside = false
		case !inside:
			b.WriteString(raw)
		}
	}
}

// hasTagOpen reports whether s holds "<" followed by name (ASCII, lower
// case) in any ASCII case: the tokenizer folds only ASCII letters in tag
// names, so without it s has no such tag. strings.EqualFold also folds
// the Kelvin sign and the long s to k and s, which can only send a name
// with those letters through the tokenizer pass for nothing ("iframe" has
// neither). It builds no lowered copy of s.
func hasTagOpen(s, name string) bool {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		if len(s) >= len(name) && strings.EqualFold(s[:len(name)], name) {
			return true
		}
	}
}

// embedLink is the link standing for the iframe tag z is at.
func embedLink(z *nethtml.Tokenizer, more bool) string {
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "src" && strings.TrimSpace(string(v)) != "" {
			src := html.EscapeString(strings.TrimSpace(string(v)))
			return `<a href="` + src + `">` + src + `</a>`
		}
	}
	return ""
}
