package render

import (
	"net/url"
	"strconv"

	"github.com/gorilla/feeds"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// nsHistory is the RFC 5005 feed history namespace (fh:archive).
const nsHistory = "http://purl.org/syndication/history/1.0"

// atomFeed extends gorilla's feed with xml:lang, a generator, several
// links (shadowing the single Link), fh:archive and our entries. The
// extra elements follow the embedded ones, so all metadata precedes the
// entries.
type atomFeed struct {
	feeds.AtomFeed
	Lang      string           `xml:"xml:lang,attr,omitempty"`
	HistoryNS string           `xml:"xmlns:fh,attr,omitempty"`
	Generator string           `xml:"generator"`
	Links     []feeds.AtomLink `xml:"link"`
	Archive   *struct{}        `xml:"fh:archive"`
	Entries   []*atomEntry     `xml:"entry"`
}

// atomEntry extends gorilla's entry with xml:lang, several authors and
// categories, and a structured atom:source (gorilla writes it as text,
// which RFC 4287 forbids).
type atomEntry struct {
	feeds.AtomEntry
	Title      *atomPlain         `xml:"title"`
	Rights     *atomPlain         `xml:"rights,omitempty"`
	Lang       string             `xml:"xml:lang,attr,omitempty"`
	Authors    []feeds.AtomAuthor `xml:"author"`
	Categories []atomCategory     `xml:"category"`
	Source     *atomSource        `xml:"source"`
	Summary    *atomText          `xml:"summary"`
	Content    *atomText          `xml:"content"`
}

// atomText is an Atom text construct whose body is escaped by escapeText
// (only &, < and >) instead of encoding/xml, which also turns every quote
// and newline of an HTML body into a character reference. It shadows
// gorilla's AtomSummary and AtomContent.
type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",innerxml"`
}

// atomPlain is atomText whose type="text" stays implicit (atomTextOf).
type atomPlain struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",innerxml"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomSource names the origin publisher of an entry (RFC 4287 §4.2.11)
// with the id, title, updated and link the W3C validator asks for.
type atomSource struct {
	ID      string           `xml:"id"`
	Title   string           `xml:"title"`
	Updated string           `xml:"updated"`
	Links   []feeds.AtomLink `xml:"link"`
}

// Atom renders ch as an Atom 1.0 (RFC 4287) document with RFC 5005 paging
// and archive links.
func Atom(ch *feedsvc.Channel) ([]byte, error) {
	c := cleanChannel(ch)
	f := &atomFeed{AtomFeed: feeds.AtomFeed{
		Xmlns:    nsAtom,
		Title:    feedTitle(c),
		Id:       feedID(c),
		Updated:  rfc3339(firstTime(c.Updated, epoch(c))),
		Subtitle: c.Section.Description,
		// A feed-level author lets every entry inherit one (RFC 4287 §4.1.1).
		Author: &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: feedTitle(c)}},
	}}
	f.Lang = c.Section.Language
	f.Generator = generator(c)
	f.Links = atomFeedLinks(c)
	if c.Archive {
		f.HistoryNS = nsHistory
		f.Archive = &struct{}{}
	}
	f.Entries = make([]*atomEntry, len(c.Articles))
	for i := range c.Articles {
		f.Entries[i] = atomEntryOf(c, &c.Articles[i])
	}
	return marshalXML(f, "atom")
}

func atomFeedLinks(ch *feedsvc.Channel) []feeds.AtomLink {
	var links []feeds.AtomLink
	add := func(href, rel, typ string) {
		if href != "" {
			links = append(links, feeds.AtomLink{Href: href, Rel: rel, Type: typ})
		}
	}
	add(ch.SelfURL, "self", "application/atom+xml")
	add(ch.HomeURL, "alternate", "text/html")
	for _, h := range ch.Hubs {
		add(h, "hub", "")
	}
	add(ch.NextURL, "next", "application/atom+xml")
	add(ch.PrevArchiveURL, "prev-archive", "application/atom+xml")
	add(ch.NextArchiveURL, "next-archive", "application/atom+xml")
	if ch.Archive {
		add(ch.FeedURLs[FormatAtom], "current", "application/atom+xml") // RFC 5005 §4
	}
	return links
}

func atomEntryOf(ch *feedsvc.Channel, a *feedsvc.Article) *atomEntry {
	e := &atomEntry{AtomEntry: feeds.AtomEntry{
		Id:        itemID(ch, a),
		Updated:   rfc3339(firstTime(a.Updated, a.Published, a.FirstSeen, ch.Updated, epoch(ch))),
		Published: rfc3339(a.Published),
	}, Title: atomTextOf(itemTitle(a))}
	if a.Rights != "" {
		e.Rights = atomTextOf(a.Rights)
	}
	if a.Language != "" && a.Language != ch.Section.Language {
		e.Lang = a.Language
	}
	if a.URL != "" {
		e.Links = append(e.Links, feeds.AtomLink{Href: a.URL, Rel: "alternate", Type: "text/html"})
	}
	for _, enc := range enclosures(a) {
		l := feeds.AtomLink{Href: enc.URL, Rel: "enclosure", Type: enc.Type}
		if enc.Length > 0 {
			l.Length = strconv.FormatInt(enc.Length, 10)
		}
		e.Links = append(e.Links, l)
	}
	if a.Summary != "" {
		s := atomTextOf(a.Summary)
		e.Summary = &atomText{Type: or(s.Type, "text"), Body: s.Body}
	}
	if body := xmlContentHTML(a); body != "" {
		e.Content = &atomText{Type: "html", Body: escapeText(body)}
	} else if a.URL == "" || a.Summary == "" {
		// An entry needs content or an alternate link, and text to show.
		s := atomTextOf(contentText(a))
		e.Content = &atomText{Type: or(s.Type, "text"), Body: s.Body}
	}
	for _, name := range a.Authors {
		e.Authors = append(e.Authors, feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: name}})
	}
	if a.Editor != "" {
		e.Contributor = &feeds.AtomContributor{AtomPerson: feeds.AtomPerson{Name: a.Editor}}
	}
	for _, c := range a.Categories {
		e.Categories = append(e.Categories, atomCategory{Term: c})
	}
	e.Source = atomSourceOf(ch, a, e.Updated)
	return e
}

// atomSourceOf describes a's publisher, or returns nil when a names none:
// a tag: id per publisher name, the entry's updated time (the publisher's
// own feed time is unknown) and a link to its site, else to the site of
// the article.
func atomSourceOf(ch *feedsvc.Channel, a *feedsvc.Article, updated string) *atomSource {
	if a.Source == "" {
		return nil
	}
	s := &atomSource{ID: tagURI(ch, "sources/"+a.Source), Title: a.Source, Updated: updated}
	link := a.SourceURL
	if link == "" {
		link = siteOf(a.URL)
	}
	if link != "" {
		s.Links = []feeds.AtomLink{{Href: link, Rel: "alternate", Type: "text/html"}}
	}
	return s
}

// siteOf returns the root URL ("https://host/") of an absolute URL, or "".
func siteOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/"}).String()
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
