// Package memstore owns the store step for single-process deployments: it
// implements feedsvc.Store in memory, guarded by one mutex, with each
// section index kept as a sorted slice. Nothing survives a restart; use
// redisstore when replicas share state or data must persist.
package memstore
