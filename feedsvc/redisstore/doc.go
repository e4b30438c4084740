// Package redisstore owns the store step for production: it implements
// feedsvc.Store on Redis with go-redis v9 (a single node, a Redis Cluster
// or a Sentinel-managed primary), so that replicas share articles,
// section indexes, fetch state, rendered blobs and leases.
//
// Every key starts with Options.Prefix (p); the name in braces is a Redis
// Cluster hash tag, so the keys of one article, one section, one source
// share a slot:
//
//	{p}a:{id}         article record (feedsvc.EncodeArticle: version 4, the
//	                  binary record in a zstd frame, a binary string; versions 1,
//	                  Article.MarshalJSON, 2, uncompressed JSON, and 3, compressed
//	                  JSON, are still read; the next put of the article rewrites
//	                  it as 4, and
//	                  counts as a change, since the meta's checksum is of the
//	                  old bytes)
//	{p}m:{id}         HASH: sections it is indexed in, URL, first seen, checksum, nonce, score,
//	                  its feedsvc.Recent (SectionRecent reads it instead of the article)
//	{p}s:{slug}       ZSET section index: member id, score SortTime Unix millis
//	{p}v:{slug}       section version counter (INCR)
//	{p}u:{sha1(url)}  canonical URL -> id
//	{p}st:{sourceID}  SourceState JSON
//	{p}b:{key}        blob, with a PX expiry when it has a TTL
//	{p}l:{name}       lease owner, with a PX expiry
//	{p}layout         key layout version (2; layout 1 had no braces and is
//	                  renamed at open, see migrate)
//
// No operation spans slots: an article's record and meta are written by
// one compare-and-set script on its slot, a section's index moves and
// version by one script on the section's slot, a lease by one script on
// its key. A put is split into these per-slot steps in an order that
// keeps readers consistent: the article is stored before any index points
// at it, and the index moves are then reconciled with the article's meta
// until it stops changing (see reconcile).
//
// Redis orders equal scores by member, and ZRANGE ... REV reverses both, so
// a section index is newest first by (millis desc, id desc), matching
// feedsvc.Cursor.
package redisstore
