package parse

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// builder turns one parsed gofeed.Feed into core types. It holds what
// every item needs: the feed's resolved link, language and rights, and
// the xml:base in scope for each item.
type builder struct {
	gf       *gofeed.Feed
	orig     any    // gf's format-specific feed: *rss.Feed, *atom.Feed or *json.Feed
	baseURL  string // where the document came from
	feedBase string // feed-level xml:base, resolved
	link     string // feed link, absolute or ""
	self     string // the feed's own URL as it declares it, absolute or ""
	lang     string
	rights   string
	bases    []itemBase // per item, in document order; nil when unknown
}

func newBuilder(gf *gofeed.Feed, orig any, body []byte, baseURL string) *builder {
	b := &builder{gf: gf, orig: orig, baseURL: absHTTP(baseURL, ""), rights: strings.TrimSpace(gf.Copyright)}
	var bases []itemBase
	b.feedBase, bases = scanXMLBase(body, b.baseURL)
	if len(bases) == len(gf.Items) {
		b.bases = bases
	}
	b.self = absHTTP(gf.FeedLink, cmp.Or(b.feedBase, b.baseURL))
	b.link = b.resolve(gf.Link, b.feedBase)
	b.lang = strings.TrimSpace(gf.Language)
	if b.lang == "" && gf.DublinCoreExt != nil {
		b.lang = first(gf.DublinCoreExt.Language)
	}
	return b
}

// resolve makes ref absolute against base (an xml:base or item URL), then
// the feed's xml:base, its link, its declared self URL and finally the
// document URL (which may be a file:// or mirror URL, so the feed's own
// word comes first); it returns "" when ref cannot be made an absolute
// http(s) URL.
func (b *builder) resolve(ref string, base string) string {
	for _, against := range []string{base, b.feedBase, b.link, b.self, b.baseURL} {
		if u := absHTTP(ref, against); u != "" {
			return u
		}
	}
	return ""
}

// info returns the channel-level metadata.
func (b *builder) info() feedsvc.FeedInfo {
	gf := b.gf
	fi := feedsvc.FeedInfo{
		Title:       plainText(gf.Title),
		Link:        b.link,
		Description: strings.TrimSpace(gf.Description),
		Language:    b.lang,
		UpdatedRaw:  strings.TrimSpace(gf.Updated),
	}
	if gf.FeedType == "json" {
		fi.UpdatedRaw = "" // gofeed copies the first item's date here
	}
	if fi.UpdatedRaw == "" && gf.FeedType == "rss" {
		fi.UpdatedRaw = strings.TrimSpace(gf.Published)
	}
	if gf.Image != nil {
		fi.ImageURL = b.resolve(gf.Image.URL, b.feedBase)
	}
	if fi.ImageURL == "" && gf.ITunesExt != nil {
		fi.ImageURL = b.resolve(gf.ITunesExt.Image, b.feedBase)
	}
	if orig, ok := b.orig.(*rss.Feed); ok {
		if ttl, err := strconv.Atoi(strings.TrimSpace(orig.TTL)); err == nil && ttl > 0 {
			fi.TTL = ttl
		}
	}
	return fi
}

// common fills the fields every format maps the same way from gofeed's
// unified item; format files add the rest.
func (b *builder) common(i int, it *gofeed.Item) feedsvc.Article {
	ib := b.itemBase(i)
	a := feedsvc.Article{
		GUID:         strings.TrimSpace(it.GUID),
		Title:        plainText(it.Title),
		PublishedRaw: strings.TrimSpace(it.Published),
		UpdatedRaw:   strings.TrimSpace(it.Updated),
		Categories:   cleanList(it.Categories),
		Language:     cmp.Or(ib.lang, b.lang),
		Rights:       b.rights,
	}
	a.URL = b.resolve(strings.TrimSpace(it.Link), ib.item)
	a.Summary = strings.TrimSpace(it.Description)
	a.ContentHTML = strings.TrimSpace(it.Content)
	a.BaseURL = b.contentBase(ib, a.URL)
	return a
}

// contentBase is the base for relative links inside an item's content:
// the content's own xml:base, the item's, the item URL, the feed's.
func (b *builder) contentBase(ib itemBase, itemURL string) string {
	for _, c := range []string{ib.content, ib.item, itemURL, b.feedBase, b.link, b.self, b.baseURL} {
		if c != "" {
			return c
		}
	}
	return ""
}

func (b *builder) itemBase(i int) itemBase {
	if i < len(b.bases) {
		return b.bases[i]
	}
	return itemBase{}
}

// finish applies the fallbacks shared by all formats.
func finish(a *feedsvc.Article) {
	if a.ContentHTML == "" {
		a.ContentHTML = a.Summary
	}
	a.Authors = cleanAuthors(a.Authors)
	a.Images = dedupeImages(a.Images)
	a.Attachments = dedupeAttachments(a.Attachments, a.Images)
}
