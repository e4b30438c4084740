package render

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// tagDate is the date part of every tag: URI when the Channel names none
// (ch.IDs): the date every id had before the scheme was stored. A tag:
// URI is permanent only when its date never changes (RFC 4151 §2.1).
const tagDate = "2026"

// defaultAuthority names the deployment when the channel has no URLs.
const defaultAuthority = "localhost"

// epoch stands in for an unknown feed update time so output stays
// deterministic (never time.Now) and plausible to validators (1970 is
// not): the start of the id scheme's date, the day this deployment began
// publishing, else of tagDate.
func epoch(ch *feedsvc.Channel) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, ch.IDs.Date); err == nil {
			return t
		}
	}
	t, _ := time.Parse("2006", tagDate)
	return t
}

// itemID returns the permanent public id of article a in channel ch: the
// tag: URI "tag:<authority>,<date>:<article id>" with ch.IDs' authority and
// date; without them the host of ch.HomeURL (else ch.SelfURL) and 2026. It is the RSS guid, the Atom id and the
// JSON Feed item id. An article without ID gets a hash of its URL, GUID
// and title instead, so the id is never empty.
func itemID(ch *feedsvc.Channel, a *feedsvc.Article) string {
	return tagURI(ch, articleKey(a))
}

// feedID returns the permanent id of ch's section as a tag: URI,
// "tag:<authority>,<date>:sections/<slug>" ("all" when the slug is empty).
// Every page of a section shares it.
func feedID(ch *feedsvc.Channel) string {
	slug := strings.TrimSpace(ch.Section.Slug)
	if slug == "" {
		slug = "all"
	}
	return tagURI(ch, "sections/"+slug)
}

// tagURI returns the tag: URI of specific under ch's authority and date.
func tagURI(ch *feedsvc.Channel, specific string) string {
	auth, date := ch.IDs.Authority, ch.IDs.Date
	if auth == "" {
		auth = authority(ch)
	}
	if date == "" {
		date = tagDate
	}
	return "tag:" + auth + "," + date + ":" + escapeTag(specific)
}

// authority returns the authority the channel's URLs yield.
func authority(ch *feedsvc.Channel) string {
	for _, raw := range []string{ch.HomeURL, ch.SelfURL} {
		if a := AuthorityOf(raw); a != "" {
			return a
		}
	}
	return defaultAuthority
}

// AuthorityOf returns the tag: authority a URL yields: its lower-case
// host with characters a DNS name cannot hold replaced by "-", or "" when
// rawURL has no host. It is the authority ids had before the scheme was
// stored, so an upgraded store records it from BASE_URL.
func AuthorityOf(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '-'
	}, strings.ToLower(u.Hostname()))
}

// articleKey is the article's stable ID, or a hash of what identifies it
// when the producer left the ID empty.
func articleKey(a *feedsvc.Article) string {
	if id := strings.TrimSpace(cleanText(a.ID)); id != "" {
		return id
	}
	sum := sha256.Sum256([]byte(a.URL + "\n" + a.GUID + "\n" + a.Title))
	return "h" + hex.EncodeToString(sum[:10])
}

// escapeTag percent-encodes bytes not allowed in the specific part of a
// tag: URI (pchar, "/" and "?").
func escapeTag(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (isAlnum(c) || strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// itemTitle is the headline shown in every format, never blank: the
// title, else the print title, else the start of the summary or body,
// else the URL, else the first image or attachment's title or file name.
func itemTitle(a *feedsvc.Article) string {
	for _, s := range []string{a.Title, a.PrintTitle} {
		if s != "" {
			return s
		}
	}
	for _, s := range []string{a.Summary, a.BodyText} {
		if s != "" {
			return feedsvc.Truncate(s, 80)
		}
	}
	if a.URL != "" {
		return a.URL
	}
	if encs := enclosures(a); len(encs) > 0 { // the first enclosure names it
		if encs[0].Title != "" {
			return encs[0].Title
		}
		return path.Base(encs[0].URL)
	}
	return "untitled"
}

// contentHTML composes the HTML body shared by content:encoded, Atom
// content and JSON content_html: the kicker and the subtitle as paragraphs
// above the sanitized body (or the plain body text when there is no HTML).
func contentHTML(a *feedsvc.Article) string {
	var b strings.Builder
	if a.Kicker != "" {
		b.WriteString(`<p class="kicker">` + htmlText(a.Kicker) + "</p>\n")
	}
	if a.Subtitle != "" {
		b.WriteString(`<p class="subtitle">` + htmlText(a.Subtitle) + "</p>\n")
	}
	switch {
	case a.ContentHTML != "":
		b.WriteString(a.ContentHTML)
	case a.BodyText != "":
		b.WriteString("<p>" + htmlText(a.BodyText) + "</p>")
	}
	return b.String()
}

// contentText is the plain-text body for JSON Feed items without HTML:
// kicker, subtitle and body text, falling back to the summary and title
// so that an item always has content.
func contentText(a *feedsvc.Article) string {
	var parts []string
	for _, s := range []string{a.Kicker, a.Subtitle} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch {
	case a.BodyText != "":
		parts = append(parts, a.BodyText)
	case a.Summary != "":
		parts = append(parts, a.Summary)
	case len(parts) == 0:
		parts = append(parts, itemTitle(a))
	}
	return strings.Join(parts, "\n\n")
}

// feedTitle is the channel title, never empty.
func feedTitle(ch *feedsvc.Channel) string {
	for _, s := range []string{ch.Section.Title, ch.Section.Slug} {
		if s != "" {
			return s
		}
	}
	return "feedsvc"
}

// feedDescription is the channel description, falling back to its title.
func feedDescription(ch *feedsvc.Channel) string {
	if ch.Section.Description != "" {
		return ch.Section.Description
	}
	return feedTitle(ch)
}

func generator(ch *feedsvc.Channel) string {
	if ch.Generator != "" {
		return ch.Generator
	}
	return "feedsvc"
}

// homeURL is the channel's human-facing link, else its own URL.
func homeURL(ch *feedsvc.Channel) string {
	if ch.HomeURL != "" {
		return ch.HomeURL
	}
	return ch.SelfURL
}
