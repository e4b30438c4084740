package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Go's soft memory limit. When GOMEMLIMIT is unset, serve sets one of
// its own: memoryBase plus RENDER_CACHE_BYTES (the one large configured
// consumer), 144 MiB by default, so that the embedded store of 10,000
// sources stays under 256 MB of RSS together with DATA_MAPPED_MAX (with
// GOGC alone the heap grows to twice the live data before a collection).
// The limit follows the live heap: a deployment whose live data needs more
// gets 1.5 times its live heap (checked every memoryCheck), so the limit
// makes the collector run more often but never keeps it running.
// GOMEMLIMIT (e.g. 512MiB, or off) takes the choice back.
const (
	memoryBase  = 112 << 20
	memoryCheck = 2 * time.Second
)

// memoryLimit returns the soft limit for the live heap live, given the
// render cache's size.
func memoryLimit(renderCache, live int64) int64 {
	return max(memoryBase+renderCache, live+live/2)
}

// limitMemory sets the default soft memory limit when getenv has no
// GOMEMLIMIT, and raises it with the live heap until ctx is done. It
// returns the limit set first (0: GOMEMLIMIT rules).
func limitMemory(ctx context.Context, getenv func(string) string, renderCache int64) int64 {
	if getenv("GOMEMLIMIT") != "" {
		return 0
	}
	first := memoryLimit(renderCache, liveHeap())
	debug.SetMemoryLimit(first)
	go func() {
		t := time.NewTicker(memoryCheck)
		defer t.Stop()
		cur := first
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if next := memoryLimit(renderCache, liveHeap()); next != cur {
					debug.SetMemoryLimit(next)
					cur = next
				}
			}
		}
	}()
	return first
}

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
