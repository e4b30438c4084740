//go:build !linux

package boltstore

// dontNeed does nothing where madvise is not used.
func dontNeed(addr, n uintptr) error { return nil }

// mappedBytes is unknown where RssFile is not read: the bound never acts.
func mappedBytes() int64 { return 0 }
