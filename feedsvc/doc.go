// Package feedsvc holds the core types of the feed service: articles,
// sections, sources, channel pages and the Store interface. It depends on
// the standard library only; every step of the flow
// (fetch → parse | extract → normalize → store → render → httpapi) lives in
// its own subpackage and imports this one, never the reverse.
package feedsvc
