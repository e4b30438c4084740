// Package takedown removes an article from everything feedsvc publishes
// and keeps it out: Delete writes a tombstone (feedsvc.Tombstones, one
// blob) and then takes the article out of every section it was in, which
// deletes its record and URL entry and bumps each section's version, so
// every replica re-renders on its next request; ingest skips tombstoned
// IDs and canonical URLs. Lift removes the tombstone and makes the
// article's sources fetch afresh so the next poll brings it back.
package takedown
