package render

import (
	"strconv"
	"strings"

	"github.com/gorilla/feeds"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Namespaces declared once on the RSS root element.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsMedia   = "http://search.yahoo.com/mrss/"
)

// rssDoc is gorilla's <rss> root plus the namespaces our extensions use.
// Channel shadows the embedded feeds.RssFeed pointer (the shallower field
// wins in encoding/xml, as in Go).
type rssDoc struct {
	feeds.RssFeedXml
	AtomNS  string      `xml:"xmlns:atom,attr"`
	DCNS    string      `xml:"xmlns:dc,attr"`
	MediaNS string      `xml:"xmlns:media,attr"`
	Channel *rssChannel `xml:"channel"`
}

// rssChannel adds atom:link elements (self, hub, next, prev-/next-archive) and
// our richer items to gorilla's channel.
type rssChannel struct {
	feeds.RssFeed
	Title       rssInner      `xml:"title"`
	Description rssInner      `xml:"description"`
	AtomLinks   []rssAtomLink `xml:"atom:link"`
	Items       []*rssItem    `xml:"item"`
}

// rssAtomLink is atom:link inside RSS; feeds.AtomLink cannot be used since
// its XMLName fixes the element name to "link".
type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// rssItem extends gorilla's item with several categories, one dc:creator
// naming every author (rssCreator), dc:contributor, a <source url=…> element (gorilla writes the URL
// as text, which RSS forbids) and Media RSS.
type rssItem struct {
	feeds.RssItem
	Link        string            `xml:"link,omitempty"` // none rather than empty
	Title       rssInner          `xml:"title"`
	Description rssInner          `xml:"description"`
	Content     *feeds.RssContent `xml:"content:encoded"` // after description (W3C)
	Categories  []string          `xml:"category"`
	Source      *rssSource        `xml:"source"`
	Creator     string            `xml:"dc:creator,omitempty"`
	Contributor string            `xml:"dc:contributor,omitempty"`
	Media       []mediaContent    `xml:"media:content"`
}

type rssSource struct {
	URL  string `xml:"url,attr"`
	Name string `xml:",chardata"`
}

// RSS renders ch as an RSS 2.0 document with the content, Dublin Core,
// Atom and Media RSS extensions.
func RSS(ch *feedsvc.Channel) ([]byte, error) {
	c := cleanChannel(ch)
	doc := &rssDoc{
		RssFeedXml: feeds.RssFeedXml{Version: "2.0", ContentNamespace: nsContent},
		AtomNS:     nsAtom, DCNS: nsDC, MediaNS: nsMedia,
		Channel: rssChannelOf(c),
	}
	return marshalXML(doc, "rss")
}

func rssChannelOf(ch *feedsvc.Channel) *rssChannel {
	out := &rssChannel{RssFeed: feeds.RssFeed{
		Link:          homeURL(ch),
		Language:      ch.Section.Language,
		LastBuildDate: rfc1123(ch.Updated),
		Generator:     generator(ch),
	}, Title: rssXML(feedTitle(ch)), Description: rssHTML(feedDescription(ch))}
	if ch.SelfURL != "" {
		out.AtomLinks = append(out.AtomLinks, rssAtomLink{Href: ch.SelfURL, Rel: "self", Type: "application/rss+xml"})
	}
	for _, h := range ch.Hubs {
		out.AtomLinks = append(out.AtomLinks, rssAtomLink{Href: h, Rel: "hub"})
	}
	if ch.NextURL != "" {
		out.AtomLinks = append(out.AtomLinks, rssAtomLink{Href: ch.NextURL, Rel: "next", Type: "application/rss+xml"})
	}
	if ch.PrevArchiveURL != "" {
		out.AtomLinks = append(out.AtomLinks, rssAtomLink{Href: ch.PrevArchiveURL, Rel: "prev-archive", Type: "application/rss+xml"})
	}
	if ch.NextArchiveURL != "" {
		out.AtomLinks = append(out.AtomLinks, rssAtomLink{Href: ch.NextArchiveURL, Rel: "next-archive", Type: "application/rss+xml"})
	}
	if cur := ch.FeedURLs[FormatRSS]; ch.Archive && cur != "" {
		out.AtomLinks = append(out.AtomLinks, rssAtomLink{Href: cur, Rel: "current", Type: "application/rss+xml"}) // RFC 5005 §4
	}
	out.Items = make([]*rssItem, len(ch.Articles))
	for i := range ch.Articles {
		out.Items[i] = rssItemOf(ch, &ch.Articles[i])
	}
	return out
}

func rssItemOf(ch *feedsvc.Channel, a *feedsvc.Article) *rssItem {
	it := &rssItem{RssItem: feeds.RssItem{
		Link:    a.URL,
		Guid:    &feeds.RssGuid{Id: itemID(ch, a), IsPermaLink: "false"},
		PubDate: rfc1123(a.SortTime()),
	}, Link: a.URL, Title: rssXML(itemTitle(a)), Description: rssHTML(a.Summary)}
	if body := xmlContentHTML(a); body != "" {
		it.Content = &feeds.RssContent{Content: body}
	}
	it.Categories = a.Categories
	it.Creator = rssCreator(a.Authors)
	it.Contributor = a.Editor
	if a.Source != "" && a.SourceURL != "" {
		it.Source = &rssSource{URL: a.SourceURL, Name: a.Source}
	}
	encs := enclosures(a)
	if len(encs) > 0 {
		// RSS allows one enclosure per item, and length is required.
		e := encs[0]
		it.Enclosure = &feeds.RssEnclosure{Url: e.URL, Type: e.Type, Length: strconv.FormatInt(e.Length, 10)}
	}
	for _, e := range encs {
		it.Media = append(it.Media, mediaOf(e))
	}
	return it
}

// rssCreator joins every author into the one dc:creator RSS carries.
// With one dc:creator per person newsboat and feedparser show only the
// last name, sfeed and rss-parser only the first; all four display one
// element holding "A, B" completely.
func rssCreator(authors []string) string { return strings.Join(authors, ", ") }
