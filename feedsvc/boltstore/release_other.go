//go:build !linux

package boltstore

// dontNeed does nothing where madvise is not used.
func dontNeed(addr, n uintptr) error { return nil }
