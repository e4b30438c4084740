// Package feedsvc holds the core types of the feed service: articles,
// sections, sources, channel pages and the Store interface, the errors
// every package wraps, and the one reader of several sections
// (ReadSections, Combined: the "all" channel and page). It depends on
// the standard library only; every step of the flow
// (fetch → parse | extract → normalize → store → render → httpapi) lives in
// its own subpackage and imports this one, never the reverse.
package feedsvc
