// Package feedsvc holds the core types of the feed service: articles,
// sections, sources, channel pages and the Store interface, and the rules
// every package shares: a source's one wire form (SourceSpec, read from
// the YAML file, the admin API and stored catalogs alike) and its one
// validator (ValidateSource, ValidateSection), the errors callers map to
// statuses (ErrNotFound, ErrConflict, ValidationError …), and the one
// reader of several sections (ReadSections, Combined: the "all" channel
// and page). It depends on the standard library, plus cascadia to refuse
// CSS selectors no extractor could match, uniseg to shorten text between
// grapheme clusters and klauspost/compress's zstd for the stored article
// record (EncodeArticle, which every store keeps); every step of the flow
// (fetch → parse | extract → normalize → store → render → httpapi) lives in
// its own subpackage and imports this one, never the reverse.
//
// The few rules two steps share live here, because a step must not import
// a sibling step and this package is the one every step already imports:
// ResolveURL and WebURL (the one URL resolver of parse, extract and
// normalize, resolve.go), GuessLanguage (the one
// language guess of extract and normalize, script.go) and Truncate (the
// one rule for text shown shortened, by render and web, truncate.go).
package feedsvc
