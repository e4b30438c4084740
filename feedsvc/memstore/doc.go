// Package memstore implements feedsvc.Store in memory, guarded by one
// mutex, with each section index kept as a sorted slice: the store of unit
// tests and of throwaway runs (STORE=memory). Nothing survives a restart;
// the default single-node store is boltstore (on disk), and redisstore
// serves replicas sharing state.
package memstore
