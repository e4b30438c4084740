// Package ingest owns the per-source flow: fetch → parse (feeds) or
// extract (HTML list and article pages) → normalize → store. Pipeline runs
// one source once without a store (used by `feedsvc check`); Ingester adds
// the store: merging with what is stored, cross-source de-duplication and
// fetch state; Scheduler polls every source on its interval with bounded
// concurrency and backoff.
//
// # Limits
//
// One poll takes at most the source's max_items feed items (default 200),
// newest first, cut before they are normalized. A new article that would
// give its source more than half of a section's first page while other
// sources' articles are there to show waits for a later poll (share.go).
// The scheduler keeps sources in a heap by due time; a due source queues
// on its host, and a free poll slot goes round-robin to the next host with
// a due source, fewer polls running than its limit and its politeness
// delay passed, so one host never holds up the others whatever the order
// of sources. Per-host state (scheduler and request gate) is pruned as
// hosts go idle; a removed source leaves the scheduler at its next sync.
// A source waits at least 4× its answer time between polls. Of the polls
// running, only as many as there are cores (GOMAXPROCS) are on the CPU at
// once; the others are waiting on the network or the store, so serving
// never queues behind a crowd of polls (cpu.go). Near-duplicate matching
// and the first-page share read each section's newest entries as
// feedsvc.Recent (fingerprint and sources), never the articles.
//
// # One story, many versions
//
// A story (one ID, one canonical URL, or a near-identical text from another
// source) keeps every source's latest copy as an Article.Versions entry: a
// feed item (kind "feed") or an article page (kind "page"), with the time
// each of its fields last changed (a correction; fields as first seen have
// none). A lone version is kept as a stub (kind, change times, the update
// it states), since its copy would equal the merge. The stored fields are a merge of the versions computed from the
// set alone (merge.go), so polling the sources in any order and any number
// of times gives the same article and the same bytes. Versions rank, per
// field: the later correction of that field, then a page over a feed item,
// then the smaller source ID. Precedence per field:
//
//   - content_html, body_text, fingerprint, id, url, guid, source_id: the
//     lead version, the best-ranked whose body is full (at least 60% of the
//     longest body text), so a teaser never replaces a full text;
//   - title, kicker, subtitle, print_title, authors, photographers, editor,
//     source, source_url, section, language, rights, summary: the
//     best-ranked version that has a value (typed page metadata over feed
//     defaults, a correction over both);
//   - published: the earliest (normalize has already dropped implausible
//     dates); first_seen: the earliest;
//   - categories, images, attachments: the union, by value or URL, lead
//     first; a URL's missing alt, caption, credit, type, length and title
//     are filled from the other copies;
//   - sections: the union of the sections of every source carrying the
//     story; also_in: every version but the lead's (source and URL);
//   - updated: the latest update a source states; besides, a correction
//     (a source changing its own copy) that changes what the merge shows
//     moves it to the poll time, once. A source joining or re-sending the
//     same copy never moves it; with no stated update it stays unset and
//     readers see published.
//
// # Full text for teaser feeds
//
// After a feed poll and its source state are stored (the poll is visible
// without waiting for pages), each item with a link whose body text is
// shorter than feedsvc.FulltextThreshold (source option fulltext: auto;
// always: every linked item; never: none) gets its article page fetched
// through the pipeline's client and host gate, extracted like an HTML
// source's article page and merged into the story as the source's page
// version (fulltext.go), so the full body leads and the teaser stays a
// version. The page version records the item version it was fetched for
// (a key over link, title, content and update) and the page validators:
// an unchanged item never fetches its page again, a changed one asks
// conditionally. One poll fetches at most Ingester.FulltextPages pages;
// the rest wait for the next poll (the feed is then read again, not
// answered 304). A failed page keeps the teaser, counts in the source
// state's fulltext block (/status) and is retried when the item changes or
// after 6 h. A source's feed item and its page are one source: also_in
// names neither, and a page never replaces its source's feed item.
package ingest
