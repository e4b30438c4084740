// Package storetest owns the contract of the store step: Run is the test
// suite every feedsvc.Store implementation (memstore, boltstore, redisstore)
// must pass, one subtest per behaviour of the interface documented in
// feedsvc.Store; RunDumper is the suite of feedsvc.Dumper and of an
// export/import round trip (package dump) between two stores;
// RunLegacyRecords checks that articles stored in the records of earlier
// versions (1: Article.MarshalJSON, before feedsvc.EncodeArticle; 2: the
// uncompressed JSON record) read and render the same. The data rules themselves are written once in package feedsvc
// (StoredArticle, SectionSet, LeaveSection …); the suite checks each store
// applies them.
//
// Behaviours the suite pins down beyond the interface comments, which
// callers may rely on:
//   - stored times come back in UTC; Published and Updated keep the second
//     precision of the stored record; PublishedRaw, UpdatedRaw and
//     BaseURL are not stored;
//   - FirstSeen is set by the store when a new article has none, and the
//     earliest FirstSeen is kept across re-puts;
//   - a batch with an invalid article is rejected as a whole;
//   - re-putting an identical article does not change section versions;
//   - Query.Since is compared in Unix milliseconds, like the cursor;
//   - TryLock with an empty name or owner, or ttl <= 0, fails with ErrInvalid;
//   - RemoveFromSection of the last section deletes the article (record and
//     URL entry, unless another article took the URL over); of one of
//     several sections rewrites only its Sections list, and bumps every
//     section it is still in.
package storetest
