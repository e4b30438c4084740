package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gjson "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// Feed parses a feed document. body must already be UTF-8 (as
// fetch.Response.Text hands it over); baseURL is where it was fetched from and is the
// last resort for resolving relative links. Article URLs are absolute
// http(s) URLs or empty. PublishedRaw and UpdatedRaw are the date strings
// as written (RSS pubDate or dc:date; Atom published, else updated; JSON
// date_published); normalize parses them. Items repeating an earlier item's GUID (or, when
// they have none, its URL) are dropped. Errors wrap feedsvc.ErrUnknownKind
// when the bytes are no feed and feedsvc.ErrInvalid when a feed cannot be
// parsed even after repair.
func Feed(body []byte, baseURL string) (feedsvc.FeedInfo, []feedsvc.Article, error) {
	return feedWith(body, baseURL, leanParse)
}

// gofeedStep parses a document with gofeed and returns its universal
// feed, the format's own feed (*rss.Feed, *atom.Feed or *json.Feed) and
// gofeed's error.
type gofeedStep func(body []byte) (gf *gofeed.Feed, orig any, err error)

// leanParse is the gofeed step Feed takes: parseGofeed with the RSS
// translator that fills only what the mapping reads.
func leanParse(body []byte) (*gofeed.Feed, any, error) { return parseGofeed(body, leanRSS{}) }

// feedWith is Feed with its gofeed step given.
func feedWith(body []byte, baseURL string, step gofeedStep) (feedsvc.FeedInfo, []feedsvc.Article, error) {
	gf, orig, fixed, err := parseRepaired(body, step)
	if err != nil {
		return feedsvc.FeedInfo{}, nil, err
	}
	repaired := !bytes.Equal(fixed, body)
	b := newBuilder(gf, orig, fixed, baseURL)
	var arts []feedsvc.Article
	switch orig := orig.(type) {
	case *rss.Feed:
		arts = b.rssArticles(orig)
	case *atom.Feed:
		arts = b.atomArticles(orig)
	case *gjson.Feed:
		arts = b.jsonArticles(orig)
	default:
		return feedsvc.FeedInfo{}, nil, fmt.Errorf("parse feed: %w: unexpected feed type %T", feedsvc.ErrUnknownKind, orig)
	}
	arts = dedupe(arts)
	if repaired && len(arts) == 0 {
		// Repair got past the syntax errors but found nothing: report the
		// broken document rather than an empty feed.
		_, _, origErr := step(body)
		return feedsvc.FeedInfo{}, nil, fmt.Errorf("parse feed: %w: malformed document with no readable item: %v", feedsvc.ErrInvalid, origErr)
	}
	return b.info(), arts, nil
}

// parseRepaired runs gofeed on body and, when that fails, on a repaired
// copy. It returns the bytes that parsed, for the xml:base scan.
func parseRepaired(body []byte, step gofeedStep) (*gofeed.Feed, any, []byte, error) {
	gf, orig, err := step(body)
	if err == nil {
		return gf, orig, body, nil
	}
	fixed := repair(body)
	if !bytes.Equal(fixed, body) {
		if gf, orig, err2 := step(fixed); err2 == nil {
			return gf, orig, fixed, nil
		}
	}
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, nil, nil, fmt.Errorf("parse feed: %w: %v", feedsvc.ErrUnknownKind, err)
	}
	return nil, nil, nil, fmt.Errorf("parse feed: %w: %v", feedsvc.ErrInvalid, err)
}

// channelImage is gofeed's last resort for an RSS channel image, which
// its translator no longer makes here: the first <img> with a src in the
// channel description.
func channelImage(desc string) *gofeed.Image {
	if !strings.Contains(strings.ToLower(desc), "<im") { // <img>, or <image> that HTML reads as one
		return nil
	}
	doc, err := html.Parse(strings.NewReader(desc))
	if err != nil {
		return nil
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "img" {
			for _, a := range n.Attr {
				if a.Key == "src" {
					return &gofeed.Image{URL: a.Val}
				}
			}
		}
	}
	return nil
}

// dedupe drops empty items (nothing but a date) and items whose GUID, or
// URL when they have no GUID, was seen earlier in the same feed; items
// with neither are kept.
func dedupe(arts []feedsvc.Article) []feedsvc.Article {
	seen := make(map[string]bool, len(arts))
	out := arts[:0]
	for _, a := range arts {
		if isEmpty(&a) {
			continue
		}
		key := ""
		switch {
		case a.GUID != "":
			key = "g\x00" + a.GUID
		case a.URL != "":
			key = "u\x00" + a.URL
		}
		if key != "" && seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, a)
	}
	return out
}

// isEmpty reports whether an item has nothing a reader could show or
// link to.
func isEmpty(a *feedsvc.Article) bool {
	return a.Title == "" && a.URL == "" && a.GUID == "" && a.ContentHTML == "" &&
		a.Summary == "" && len(a.Images) == 0 && len(a.Attachments) == 0
}
