// Package storebench compares the stores in one `go test -bench` run
// (make bench): the disk store (boltstore), Redis (redisstore, at
// REDIS_URL) and the in-memory store (memstore), on the two operations
// that matter, a put of a 50-article batch and a page of 50 from a
// 100,000-article section. It holds benchmarks only.
package storebench
