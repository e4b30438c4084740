package render

import (
	"html"
	"strings"
)

// The render step's one escaping rule, applied at two boundaries:
//
//   - text → HTML: a plain-text value entering an HTML-typed field goes
//     through htmlText (rssText in RSS titles, atomTextOf in Atom text
//     constructs: escaped only when it could be read as markup), once.
//     HTML-typed fields are RSS <title> and
//     <description> (RSS leaves their type open and readers such as
//     feedparser and gofeed decode entities in both, so plain text there
//     would be read as markup), content:encoded, Atom type="html" content
//     and JSON Feed content_html. Plain-text fields (Atom type="text",
//     JSON title and summary, categories, names) take the value as is.
//   - HTML or text → XML: encoding/xml escapes character data and
//     attributes, and splits CDATA sections at "]]>"; where we write inner
//     XML ourselves (Atom summary and content) escapeText does the same.
//     RSS title and description use the RSS Profile's form, &#x26; &#x3C;
//     &#x3E; (rssXML): the same characters to any XML parser, and the sign
//     by which the W3C validator tells escaped text from HTML.
//
// cleanText runs first, so both see only characters XML can carry.

// htmlText escapes plain text for an HTML-typed field: &, <, >, " and '.
func htmlText(s string) string { return html.EscapeString(s) }

// rssText is htmlText for RSS <title> and <description>, leaving text
// that HTML already reads as itself (no "<", no character reference) as
// it is: readers that take these elements as plain text (gofeed, sfeed,
// rss-parser) then show "Tom & Jerry" rather than "Tom &amp; Jerry",
// while every value that could be read as markup is escaped, which
// feedparser then marks text/html and decodes back to the exact text.
func rssText(s string) string {
	if !strings.Contains(s, "<") && html.UnescapeString(s) == s {
		return s
	}
	return htmlText(s)
}

// textEscaper escapes character data for XML (cleanText has already
// removed carriage returns and illegal characters).
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeText escapes cleaned text or HTML for use as XML character data.
func escapeText(s string) string { return textEscaper.Replace(s) }

// rssEscaper writes &, < and > as hexadecimal character references.
var rssEscaper = strings.NewReplacer("&", "&#x26;", "<", "&#x3C;", ">", "&#x3E;")

// rssInner is an RSS title or description: rssText written by rssXML.
type rssInner struct {
	Body string `xml:",innerxml"`
}

// rssXML turns plain text into an RSS title element body.
func rssXML(s string) rssInner { return rssInner{Body: rssEscaper.Replace(rssText(s))} }

// rssHTML turns plain text into an RSS description element body: always
// HTML-escaped, since validators and most readers take the description
// as HTML (a bare "&" in a URL is invalid HTML there).
func rssHTML(s string) rssInner { return rssInner{Body: rssEscaper.Replace(htmlText(s))} }

// atomTextOf writes plain text as an Atom text construct: type="text"
// (the default, left implicit) when it holds no "<" or "&", else
// type="html" with the text HTML-escaped, so readers and validators that
// take "</p>" or "1&1" in a text construct for markup see it declared and
// escaped. Atom readers honour the type, so this costs nothing.
func atomTextOf(s string) *atomPlain {
	if !strings.ContainsAny(s, "<&") {
		return &atomPlain{Body: escapeText(s)}
	}
	return &atomPlain{Type: "html", Body: escapeText(htmlText(s))}
}
