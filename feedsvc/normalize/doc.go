// Package normalize owns the normalize step of the flow
// (fetch → parse | extract → normalize → store): it is the pure stage that
// turns what producers found into stored articles, and the only owner of
// cleaning. Producers hand over raw values and the base URL; normalize
// trims and collapses text, resolves and canonicalizes URLs, parses raw
// date strings into UTC instants, sanitizes body HTML, derives plain text,
// images, captions, summaries and a script-based language guess, assigns
// stable IDs and near-duplicate fingerprints, and de-duplicates a batch.
//
// Each article's HTML content is parsed once (content.go), into the tree
// html.ParseFragment builds; for plainly nested markup (most contents)
// quickParse (parse_fast.go) builds that same tree from the same tokenizer
// at less cost, and leaves everything else to the parser (a differential
// test and a fuzz target hold it to the parser's tree). The labelled
// metadata lines (package labels) are read and removed on that tree, the
// tree is made safe (absolute URLs, lazy images, pixels and foreign embeds
// dropped, attributes bluemonday is certain to drop dropped) and rendered
// once. bluemonday's allow-list has the last word on
// the stored HTML, but it reads serialized HTML only, so running it costs
// a second tokenize and a re-serialisation of every item. A walk over the
// prepared tree (conforms, sanitize_conform.go) therefore decides first
// whether bluemonday would be a no-op: every element, attribute and URL
// allowed by the allow-list tables (sanitize_allow.go, from which the
// bluemonday policy is declared too) and nothing bluemonday re-serialises
// differently. Then the rendering is the output and bluemonday does not
// run; for anything the walk does not know bluemonday runs as before. The
// walk only ever says "unchanged", never what to keep: a differential test
// over every fixture content and a fuzz target hold it to bluemonday's
// output byte for byte. Body text, images and captions come from the same
// tree when the output is its rendering (the usual case: the pre-pass
// already drops what the allow-list would), else from bluemonday's output
// parsed once more. Nothing here does I/O.
package normalize
