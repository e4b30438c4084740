package parse

import (
	"cmp"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/rss"
)

// rssArticles maps RSS 0.9x/1.0/2.0 items. gofeed's unified items carry
// most fields; the original rss.Item adds <source>, the raw <author> and
// the item's own Dublin Core values.
func (b *builder) rssArticles(f *rss.Feed) []feedsvc.Article {
	arts := make([]feedsvc.Article, 0, len(b.gf.Items))
	for i, it := range b.gf.Items {
		orig := &rss.Item{}
		if len(f.Items) == len(b.gf.Items) && f.Items[i] != nil {
			orig = f.Items[i]
		}
		a := b.common(i, it)
		base := b.itemBase(i)
		// An RSS 1.0 item's rdf:about is its URI: its identity, and its
		// link when it has no <link>.
		a.GUID = cmp.Or(a.GUID, base.about)
		if u := cmp.Or(b.rssLink(it, orig, base.item), absHTTP(base.about, "")); u != "" {
			a.URL = u
			a.BaseURL = b.contentBase(base, u)
		}
		a.Authors = rssAuthors(it, orig)
		if orig.Source != nil {
			a.Source = plainText(orig.Source.Title)
			a.SourceURL = b.resolve(orig.Source.URL, base.item)
		}
		if dc := it.DublinCoreExt; dc != nil {
			a.Rights = cmp.Or(first(dc.Rights), a.Rights)
			a.Language = cmp.Or(first(dc.Language), a.Language)
		}
		m := media{b: b, base: a.BaseURL}
		if it.ITunesExt != nil {
			m.add(it.ITunesExt.Image, "", "image", "", "", "", "")
		}
		m.mediaRSS(it.Extensions)
		m.enclosures(it.Enclosures)
		a.Images, a.Attachments = m.images, m.files
		useMediaDescription(&a, it.Extensions)
		finish(&a)
		arts = append(arts, a)
	}
	return arts
}

// rssLink picks the item URL: feedburner:origLink (the publisher's page
// behind a tracking redirect), <link>, an Atom alternate link, then a
// permalink GUID.
func (b *builder) rssLink(it *gofeed.Item, orig *rss.Item, base string) string {
	if u := b.resolve(extValue(it.Extensions, "feedburner", "origLink"), base); u != "" {
		return u
	}
	if u := b.resolve(strings.TrimSpace(it.Link), base); u != "" {
		return u
	}
	for _, l := range it.Extensions["atom"]["link"] {
		if rel := l.Attrs["rel"]; rel == "" || rel == "alternate" {
			if u := b.resolve(l.Attrs["href"], base); u != "" {
				return u
			}
		}
	}
	if orig.GUID != nil && !strings.EqualFold(strings.TrimSpace(orig.GUID.IsPermalink), "false") {
		return absHTTP(orig.GUID.Value, "")
	}
	return ""
}

// rssAuthors gathers every credited person: <author>, all dc:creator
// and dc:author values, Atom authors, and itunes:author as a fallback.
func rssAuthors(it *gofeed.Item, orig *rss.Item) []string {
	var raw []string
	if orig.Author != "" {
		raw = append(raw, orig.Author)
	}
	if dc := it.DublinCoreExt; dc != nil {
		raw = append(raw, dc.Creator...)
		raw = append(raw, dc.Author...)
	}
	for _, p := range it.Extensions["atom"]["author"] {
		raw = append(raw, childText(p.Children, nil, "name"))
	}
	if len(raw) == 0 && it.ITunesExt != nil {
		raw = append(raw, it.ITunesExt.Author)
	}
	if len(raw) == 0 {
		people := it.Authors
		if people == nil { // leanRSS leaves them to be asked for
			people = translatedAuthors(orig)
		}
		for _, p := range people {
			raw = append(raw, p.Name)
		}
	}
	return raw
}

// extValue returns the text of the first prefix:name extension element.
func extValue(exts ext.Extensions, prefix, name string) string {
	for _, e := range exts[prefix][name] {
		if v := strings.TrimSpace(e.Value); v != "" {
			return v
		}
	}
	return ""
}
