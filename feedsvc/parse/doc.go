// Package parse owns the feed step of the flow: it turns the UTF-8 bytes
// of an RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0) or JSON Feed (1.0, 1.1)
// document into feedsvc.FeedInfo and []feedsvc.Article, wrapping gofeed
// and keeping its types inside this package. It repairs common breakage
// (junk before the root, a feed wrapped in XHTML, bare ampersands,
// truncation) and hands over raw values plus the base URL: links are
// resolved with the core's one resolver (feedsvc.ResolveURL), and
// sanitizing, text, images, labelled metadata lines, date parsing, URL
// canonicalization and IDs belong to the normalize step that runs next.
package parse
