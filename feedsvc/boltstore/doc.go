// Package boltstore owns the store step for single-node deployments: it
// implements feedsvc.Store in one bbolt file (go.etcd.io/bbolt) under the
// data directory, so articles, fetch state and the catalog survive
// restarts and crashes. It is the default store when REDIS_URL is empty.
//
// Every write is one bbolt read-write transaction, committed with fsync
// before the method returns: once PutArticles returns, the articles
// survive a SIGKILL or a power cut. Open takes an exclusive flock on the
// file, so a second process on the same directory fails at once
// (ErrLocked) instead of corrupting it; leases (TryLock) therefore live
// in memory.
//
// Buckets of the file (FileName):
//
//	meta            "format" -> layout version
//	a               article ID -> article JSON (feedsvc.Article's JSON form)
//	s/{slug}        section index: 8-byte sort millis (sign flipped) + ID -> ""
//	u               SHA-1 of the canonical URL -> article ID
//	v               section slug -> 8-byte version counter
//	st              source ID -> SourceState JSON
//	b               blob key -> 8-byte expiry (Unix ns, 0 none) + bytes
//	bx              8-byte expiry + blob key -> "" (expired blobs are swept)
//
// Why bbolt: see the engine comparison in the commit that follows; it is
// a single pure-Go file with fsync'd transactions and ordered cursors.
package boltstore
