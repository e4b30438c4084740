// Package retention owns the pruning step: it bounds each section's index
// by age and count (feedsvc.Section Retain and RetainItems, defaults from
// RETAIN and RETAIN_ITEMS) and takes what falls outside out of the store.
//
// Work is incremental: each tick reads at most Batch of a section's oldest
// index entries (feedsvc.Store.SectionOldest, no article is read) and
// removes at most Batch of them (feedsvc.Store.RemoveFromSection); a
// section with more to prune is resumed after a short pause, never in one
// stop-the-world pass.
//
// Pruning takes the oldest entries first, by the sort time pages use, so
// what a section keeps is always its newest contiguous run: a paging
// cursor goes on from where it was (stores page by cursor value, not by
// membership), and an archive month newer than the oldest kept article is
// untouched (byte-identical documents, same ETag).
//
// An article shared by several sections leaves each section by that
// section's own policy, and is deleted from the store (record, URL entry)
// only when it has left every one: it stays while any section retains it.
package retention
