// Package ingest owns the per-source flow: fetch → parse (feeds) or
// extract (HTML list and article pages) → normalize → store. Pipeline runs
// one source once without a store (used by `feedsvc check`); Ingester adds
// the store: merging with what is stored, cross-source de-duplication and
// fetch state; Scheduler polls every source on its interval with bounded
// concurrency and backoff.
package ingest
