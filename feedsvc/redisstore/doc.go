// Package redisstore owns the store step for production: it implements
// feedsvc.Store on Redis with go-redis v9, so that replicas share
// articles, section indexes, fetch state, rendered blobs and leases.
//
// Every key starts with Options.Prefix (p):
//
//	{p}a:{id}         article JSON (feedsvc.Article's JSON form)
//	{p}m:{id}         HASH: sections it is indexed in, URL, first seen, checksum
//	{p}s:{slug}       ZSET section index: member id, score SortTime Unix millis
//	{p}u:{sha1(url)}  canonical URL -> id
//	{p}v:{slug}       section version counter (INCR)
//	{p}st:{sourceID}  SourceState JSON
//	{p}b:{key}        blob, with a PX expiry when it has a TTL
//	{p}l:{name}       lease owner, with a PX expiry
//
// Redis orders equal scores by member, and ZRANGE ... REV reverses both, so
// a section index is newest first by (millis desc, id desc), matching
// feedsvc.Cursor.
package redisstore
