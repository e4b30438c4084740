package render

import (
	"strings"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// xmlChar reports whether r may appear in an XML 1.0 document
// (https://www.w3.org/TR/xml/#charsets) and reads back as itself. C0
// controls other than tab, LF and CR, surrogates and U+FFFE/U+FFFF make a
// document ill-formed, so readers reject the whole feed over one stray
// byte from a source. C1 controls (U+0080–U+009F) are legal but
// discouraged, and readers (feedparser) remap them as Windows-1252; in
// text from the web they are mis-decoded bytes, so they go too.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x80 && r <= 0x9F:
		return false
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	default:
		return r >= 0x10000 && r <= utf8.MaxRune
	}
}

// newlines turns CR LF and lone CR into LF, as XML parsers do on input:
// a CR inside CDATA could not survive a round trip otherwise.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// cleanText replaces invalid UTF-8 with U+FFFD, normalizes line ends and
// drops characters that are illegal in XML 1.0. All three formats use the
// cleaned text so that they carry the same strings.
func cleanText(s string) string {
	if xmlClean(s) {
		return s // nearly all stored text: one pass, no copy
	}
	return cleanTextSlow(s)
}

// xmlClean reports whether cleanText would return s unchanged: valid
// UTF-8 of XML characters without CR. It is the fast path of every
// render, where the same stored text is cleaned on each request.
func xmlClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false // CR, or a C0 control
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !xmlChar(r) {
			return false
		}
		i += n
	}
	return true
}

// cleanTextSlow is cleanText's definition.
func cleanTextSlow(s string) string {
	if s == "" {
		return s
	}
	s = newlines.Replace(strings.ToValidUTF8(s, "\uFFFD"))
	if strings.IndexFunc(s, func(r rune) bool { return !xmlChar(r) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

// cleanList cleans every string of list and drops the ones left empty.
func cleanList(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(cleanText(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cleanChannel returns a copy of ch whose text is safe for XML, with
// articles that repeat an earlier ID dropped: a feed must not carry two
// items with one id (readers would merge or drop them arbitrarily). The
// caller's Channel is never modified.
func cleanChannel(ch *feedsvc.Channel) *feedsvc.Channel {
	c := *ch
	c.SelfURL, c.HomeURL = cleanText(ch.SelfURL), cleanText(ch.HomeURL)
	c.NextURL, c.PrevArchiveURL = cleanText(ch.NextURL), cleanText(ch.PrevArchiveURL)
	c.NextArchiveURL = cleanText(ch.NextArchiveURL)
	c.Generator = cleanText(ch.Generator)
	c.Hubs = cleanList(ch.Hubs)
	c.FeedURLs = make(map[string]string, len(ch.FeedURLs))
	for f, u := range ch.FeedURLs {
		c.FeedURLs[f] = cleanText(u)
	}
	c.Section.Slug = cleanText(ch.Section.Slug)
	c.Section.Title = strings.TrimSpace(cleanText(ch.Section.Title))
	c.Section.Description = strings.TrimSpace(cleanText(ch.Section.Description))
	c.Section.Language = strings.TrimSpace(cleanText(ch.Section.Language))
	c.Articles = make([]feedsvc.Article, 0, len(ch.Articles))
	seen := make(map[string]bool, len(ch.Articles))
	for i := range ch.Articles {
		a := cleanArticle(&ch.Articles[i])
		if id := articleKey(&a); !seen[id] {
			seen[id] = true
			c.Articles = append(c.Articles, a)
		}
	}
	return &c
}

// cleanArticle returns a copy of a with every rendered string cleaned.
func cleanArticle(src *feedsvc.Article) feedsvc.Article {
	a := *src
	for _, p := range []*string{&a.ID, &a.URL, &a.GUID, &a.Title, &a.Kicker,
		&a.Subtitle, &a.PrintTitle, &a.Editor, &a.Source, &a.SourceURL,
		&a.Language, &a.Rights, &a.Summary, &a.ContentHTML, &a.BodyText} {
		*p = strings.TrimSpace(cleanText(*p))
	}
	a.Authors = cleanList(src.Authors)
	a.Photographers = cleanList(src.Photographers)
	a.Categories = cleanList(src.Categories)
	a.Images = make([]feedsvc.Image, 0, len(src.Images))
	for _, im := range src.Images {
		im.URL, im.Alt = cleanText(im.URL), cleanText(im.Alt)
		im.Caption, im.Credit = cleanText(im.Caption), cleanText(im.Credit)
		im.Type = cleanText(im.Type)
		if im.URL != "" {
			a.Images = append(a.Images, im)
		}
	}
	a.Attachments = make([]feedsvc.Attachment, 0, len(src.Attachments))
	for _, at := range src.Attachments {
		at.URL, at.Type, at.Title = cleanText(at.URL), cleanText(at.Type), cleanText(at.Title)
		if at.URL != "" {
			a.Attachments = append(a.Attachments, at)
		}
	}
	a.AlsoIn = make([]feedsvc.SourceRef, 0, len(src.AlsoIn))
	for _, r := range src.AlsoIn {
		a.AlsoIn = append(a.AlsoIn, feedsvc.SourceRef{SourceID: cleanText(r.SourceID), URL: cleanText(r.URL)})
	}
	return a
}
