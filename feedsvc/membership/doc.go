// Package membership backfills section membership changes: when a source
// joins a section (a configuration at start, an admin PUT) the articles
// it already stored, within the section's retention, join the section;
// when it leaves one, its articles leave too unless another source of
// the section carries them (the article's SourceID or AlsoIn). Section
// versions grow, so every replica re-renders.
//
// The sections each source had when last reconciled are kept in one blob
// (membershipKey) with the catalog version they belong to; a Tick compares
// them with the live catalog and does nothing more when they agree, so the
// check costs one blob read. A replica whose catalog is older than the
// recorded version waits (it would otherwise undo a newer change).
//
// Finding a source's stored articles uses a scan of the store
// (feedsvc.Dumper) rather than a per-source index: membership changes are
// rare admin actions, while an index would cost every put an extra write
// in three stores and a new Store method. The scan runs in the
// background, under a lease (one replica), keeps only the matching ids in
// memory, and writes afterwards in batches of batchSize (re-reading each
// batch, so a poll's newer copy is not overwritten by the scanned one).
// Measured: moving a source with 1,000 of 100,000 stored ~4 KB articles
// takes 13 s on the disk store on a busy 2-core machine (decoding every
// article dominates); on Redis it is one SCAN pass.
package membership
