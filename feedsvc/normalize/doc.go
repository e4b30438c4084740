// Package normalize owns the normalize step of the flow
// (fetch → parse | extract → normalize → store): it is the pure stage that
// turns what producers found into stored articles. It trims and collapses
// text, resolves and canonicalizes URLs, parses raw date strings into UTC
// instants, sanitizes body HTML, derives plain text and summaries, assigns
// stable IDs and near-duplicate fingerprints, and de-duplicates a batch.
// Nothing here does I/O.
package normalize
