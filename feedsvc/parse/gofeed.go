package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	gjson "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// The translators parseGofeed uses; gofeed's are stateless. The mapping
// reads no item's gofeed Image, so the RSS translator's HTML parse of
// every item for a first <img> is skipped; the channel's is made once in
// channelImage.
var (
	rssTranslator  = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	atomTranslator = &gofeed.DefaultAtomTranslator{}
	jsonTranslator = &gofeed.DefaultJSONTranslator{}
)

// parseGofeed parses with gofeed, turning its panics on hostile input
// into errors so one bad feed cannot take the service down. With
// rssTranslator for rssTr it returns what gofeed.Parser.Parse returns
// (with KeepOriginalFeed and the translators above) and the format's own
// feed (*rss.Feed, *atom.Feed or *json.Feed, what that Feed's
// OriginalFeed would give), but calls the format's parser itself: Parse
// would copy the document's start and run an XML decoder over it to
// detect the format, which feedType mostly reads without either.
func parseGofeed(body []byte, rssTr gofeed.Translator) (gf *gofeed.Feed, orig any, err error) {
	defer func() {
		if r := recover(); r != nil {
			gf, orig, err = nil, nil, fmt.Errorf("gofeed panic: %v", r)
		}
	}()
	// As in gofeed's parse*Feed: the format's parser, then its translator.
	var tr gofeed.Translator
	switch feedType(body) {
	case gofeed.FeedTypeRSS:
		var f *rss.Feed
		if f, err = (&rss.Parser{}).Parse(bytes.NewReader(body)); err != nil {
			return nil, nil, err
		}
		orig, tr = f, rssTr
	case gofeed.FeedTypeAtom:
		var f *atom.Feed
		if f, err = (&atom.Parser{}).Parse(bytes.NewReader(body)); err != nil {
			return nil, nil, err
		}
		orig, tr = f, atomTranslator
	case gofeed.FeedTypeJSON:
		var f *gjson.Feed
		if f, err = (&gjson.Parser{}).Parse(bytes.NewReader(body)); err != nil {
			return nil, nil, err
		}
		orig, tr = f, jsonTranslator
	default:
		return nil, nil, gofeed.ErrFeedTypeNotDetected
	}
	if gf, err = tr.Translate(orig); err != nil {
		return nil, nil, err
	}
	if f, ok := orig.(*rss.Feed); ok && gf.Image == nil {
		gf.Image = channelImage(f.Description)
	}
	return gf, orig, nil
}

// detectPeek is how much of a document gofeed.Parser.Parse hands to
// gofeed.DetectFeedType (its unexported detectionPeekSize).
const detectPeek = 4096

// feedType is the format gofeed.Parser.Parse detects for body: by
// definition gofeed.DetectFeedType on the first detectPeek bytes, which
// runs only when quickFeedType cannot tell for sure.
func feedType(body []byte) gofeed.FeedType {
	head := body[:min(len(body), detectPeek)]
	if t, ok := quickFeedType(head); ok {
		return t
	}
	return gofeed.DetectFeedType(bytes.NewReader(head))
}

// xmlDeclRE is an XML declaration's content that encoding/xml accepts as
// it is: version 1.0 (or none) and no encoding but UTF-8, so that its
// decoder neither fails nor switches charset.
var xmlDeclRE = regexp.MustCompile(`^(?:\s+(?:version\s*=\s*(?:"1\.0"|'1\.0')|encoding\s*=\s*(?:"(?i:utf-8)"|'(?i:utf-8)')|standalone\s*=\s*(?:"(?:yes|no)"|'(?:yes|no)')))*\s*$`)

// quickFeedType reads what gofeed.DetectFeedType reads in head for the
// common shapes of a feed's start, and reports ok only when it is sure of
// DetectFeedType's answer. DetectFeedType skips leading white space and
// byte-order-mark bytes, answers JSON for '{', and for '<' runs a
// non-strict encoding/xml decoder to the first start tag, whose local
// name, lower-cased, decides (rss or rdf: RSS; feed: Atom). Here the part
// before that tag may hold only white space, comments and processing
// instructions (an XML declaration only as xmlDeclRE allows), and the
// tag only ASCII names and quoted printable-ASCII attribute values with
// no '<' or '&': there the decoder cannot fail and the name is plain.
// Anything else (a DOCTYPE, an entity, the tag cut off at the end of
// head…) is left to DetectFeedType.
func quickFeedType(head []byte) (gofeed.FeedType, bool) {
	i := 0
	for i < len(head) && strings.IndexByte(" \r\n\t\xFE\xFF\x00\xEF\xBB\xBF", head[i]) >= 0 {
		i++
	}
	switch {
	case i == len(head):
		return gofeed.FeedTypeUnknown, true
	case head[i] == '{':
		return gofeed.FeedTypeJSON, true
	case head[i] != '<':
		return gofeed.FeedTypeUnknown, true
	}
	b := head[i:]
	for {
		b = skipXMLSpace(b)
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			target, n := xmlName(b[2:], false)
			if n == 0 {
				return 0, false
			}
			rest := b[2+n:]
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 || target == "xml" && !xmlDeclRE.Match(rest[:end]) {
				return 0, false
			}
			b = rest[end+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			// encoding/xml ends a comment at the first "--", which must
			// be followed by '>'.
			end := bytes.Index(b[4:], []byte("--"))
			if end < 0 || 4+end+2 >= len(b) || b[4+end+2] != '>' {
				return 0, false
			}
			b = b[4+end+3:]
		case len(b) > 1 && b[0] == '<':
			name, n := xmlName(b[1:], true)
			if n == 0 || !startTagEnds(b[1+n:]) {
				return 0, false
			}
			if i := strings.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			switch strings.ToLower(name) {
			case "rss", "rdf":
				return gofeed.FeedTypeRSS, true
			case "feed":
				return gofeed.FeedTypeAtom, true
			}
			return gofeed.FeedTypeUnknown, true
		default:
			return 0, false
		}
	}
}

// startTagEnds reports whether b, what follows a start tag's name, is a
// run of attributes (name = "value" or 'value', white space around '='
// and between attributes optional, as encoding/xml reads them) closed by
// '>' or "/>".
func startTagEnds(b []byte) bool {
	for {
		b = skipXMLSpace(b)
		switch {
		case len(b) == 0:
			return false
		case b[0] == '>':
			return true
		case b[0] == '/':
			return len(b) > 1 && b[1] == '>'
		}
		_, n := xmlName(b, true)
		if n == 0 {
			return false
		}
		b = skipXMLSpace(b[n:])
		if len(b) == 0 || b[0] != '=' {
			return false
		}
		b = skipXMLSpace(b[1:])
		if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
			return false
		}
		q := b[0]
		j := 1
		for j < len(b) && b[j] != q {
			if c := b[j]; c < 0x20 || c > 0x7E || c == '<' || c == '&' {
				return false
			}
			j++
		}
		if j == len(b) {
			return false
		}
		b = b[j+1:]
	}
}

// xmlName returns the ASCII XML name at the start of b and its length,
// or 0 when b does not start with one that encoding/xml takes whole: a
// letter or '_', then letters, digits, '_', '.' and '-', and (when
// prefixed is set) at most one ':' between two such parts. The name must
// end at a byte encoding/xml does not read as part of a name.
func xmlName(b []byte, prefixed bool) (string, int) {
	n, colon := 0, -1
	for n < len(b) {
		c := b[n]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', c == '_':
		case '0' <= c && c <= '9', c == '.', c == '-':
			if n == 0 || n == colon+1 {
				return "", 0
			}
		case c == ':':
			if !prefixed || colon >= 0 || n == 0 {
				return "", 0
			}
			colon = n
		default:
			if c >= 0x80 || n == colon+1 {
				return "", 0 // a multi-byte name, or "a:" with nothing after ':'
			}
			return string(b[:n]), n
		}
		n++
	}
	return "", 0 // the name runs to the end of head: it may go on
}

// skipXMLSpace drops the white space encoding/xml skips (and, before the
// root, returns as character data it does not check further).
func skipXMLSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	return b
}

// leanRSS is the RSS translator Feed uses: gofeed's default one
// (rssTranslator) for the channel, and for each item only the fields the
// mapping reads, by the default translator's own rules (gofeed v1.4.2,
// translator.go). It skips what the mapping never reads, above all the
// parse of every item's author string (four regular expressions), and
// also its parsed dates, links and image. An item's translated authors,
// which rssAuthors wants only when the item names nobody itself, come
// from rssTranslator then (translatedAuthors).
type leanRSS struct{}

// Translate implements gofeed.Translator.
func (leanRSS) Translate(feed any) (*gofeed.Feed, error) {
	f, ok := feed.(*rss.Feed)
	if !ok {
		return rssTranslator.Translate(feed)
	}
	channel := *f
	channel.Items = nil
	gf, err := rssTranslator.Translate(&channel)
	if err != nil {
		return nil, err
	}
	gf.Items = make([]*gofeed.Item, 0, len(f.Items))
	for _, it := range f.Items {
		gf.Items = append(gf.Items, leanRSSItem(it))
	}
	return gf, nil
}

// leanRSSItem is DefaultRSSTranslator.translateFeedItem for the fields
// the mapping reads: Title, Description, Content, Link, Published,
// Updated, GUID, Categories, Enclosures and the extensions.
func leanRSSItem(ri *rss.Item) *gofeed.Item {
	it := &gofeed.Item{
		Link:          ri.Link,
		DublinCoreExt: ri.DublinCoreExt,
		ITunesExt:     ri.ITunesExt,
		Extensions:    ri.Extensions,
		Custom:        ri.Custom,
	}
	dc := ri.DublinCoreExt
	it.Title = ri.Title
	if it.Title == "" && dc != nil {
		it.Title = firstOf(dc.Title)
	}
	switch {
	case ri.Description != "":
		it.Description = ri.Description
	case dc != nil && dc.Description != nil:
		it.Description = firstOf(dc.Description)
	case ri.ITunesExt != nil && ri.ITunesExt.Summary != "":
		it.Description = ri.ITunesExt.Summary
	}
	if it.Description == "" {
		it.Description = atomExtValue(ri.Extensions, "summary")
	}
	it.Content = ri.Content
	if it.Content == "" {
		it.Content = atomExtValue(ri.Extensions, "content")
	}
	switch {
	case ri.PubDate != "":
		it.Published = ri.PubDate
	case dc != nil && dc.Date != nil:
		it.Published = firstOf(dc.Date)
	default:
		it.Published = atomExtValue(ri.Extensions, "published")
	}
	if dc != nil && dc.Date != nil {
		it.Updated = firstOf(dc.Date)
	}
	if it.Updated == "" {
		it.Updated = atomExtValue(ri.Extensions, "updated")
	}
	if ri.GUID != nil {
		it.GUID = ri.GUID.Value
	}
	it.Categories = rssCategories(ri)
	for _, enc := range ri.Enclosures {
		it.Enclosures = append(it.Enclosures, &gofeed.Enclosure{URL: enc.URL, Type: enc.Type, Length: enc.Length})
	}
	return it
}

// rssCategories is DefaultRSSTranslator.translateItemCategories: the
// item's categories, itunes keywords, dc:subject values and embedded
// Atom category terms; nil when there are none.
func rssCategories(ri *rss.Item) []string {
	var cats []string
	if ri.Categories != nil {
		cats = make([]string, 0, len(ri.Categories))
		for _, c := range ri.Categories {
			cats = append(cats, c.Value)
		}
	}
	if ri.ITunesExt != nil && ri.ITunesExt.Keywords != "" {
		cats = append(cats, strings.Split(ri.ITunesExt.Keywords, ",")...)
	}
	if ri.DublinCoreExt != nil && ri.DublinCoreExt.Subject != nil {
		cats = append(cats, ri.DublinCoreExt.Subject...)
	}
	for _, key := range atomPrefixes {
		for _, c := range ri.Extensions[key]["category"] {
			if term := c.Attrs["term"]; term != "" {
				cats = append(cats, term)
			}
		}
	}
	if len(cats) == 0 {
		return nil
	}
	return cats
}

// atomPrefixes are the prefixes under which gofeed's RSS translator looks
// for embedded Atom elements, in its order.
var atomPrefixes = []string{"atom", "atom10", "atom03"}

// atomExtValue is DefaultRSSTranslator.atomExtValue: the text of the
// first embedded Atom element called name.
func atomExtValue(exts ext.Extensions, name string) string {
	for _, key := range atomPrefixes {
		if es := exts[key][name]; len(es) > 0 {
			return es[0].Value
		}
	}
	return ""
}

// firstOf is gofeed's firstString: the first value, blank or not.
func firstOf(vals []string) string {
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

// translatedAuthors is what rssTranslator makes of an item's author
// (gofeed.Item.Authors), for items leanRSS translated without it.
func translatedAuthors(ri *rss.Item) []*gofeed.Person {
	gf, err := rssTranslator.Translate(&rss.Feed{Items: []*rss.Item{ri}})
	if err != nil || len(gf.Items) != 1 {
		return nil
	}
	return gf.Items[0].Authors
}
