// Package normalize owns the normalize step of the flow
// (fetch → parse | extract → normalize → store): it is the pure stage that
// turns what producers found into stored articles, and the only owner of
// cleaning. Producers hand over raw values and the base URL; normalize
// trims and collapses text, resolves and canonicalizes URLs, parses raw
// date strings into UTC instants, sanitizes body HTML, derives plain text,
// images, captions, summaries and a script-based language guess, assigns
// stable IDs and near-duplicate fingerprints, and de-duplicates a batch.
//
// Each article's HTML content is parsed once (content.go): the labelled
// metadata lines (package labels) are read and removed on that tree, the
// tree is made safe (absolute URLs, lazy images, pixels and foreign embeds
// dropped) and rendered once for bluemonday's allow-list, which has the
// last word on the stored HTML. Body text, images and captions come from
// that same tree when bluemonday kept its markup unchanged (the usual
// case: the pre-pass already drops what the allow-list would), else from
// bluemonday's output parsed once more. Nothing here does I/O.
package normalize
