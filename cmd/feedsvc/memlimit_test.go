package main

import (
	"context"
	"runtime/debug"
	"testing"
)

func TestMemoryLimitFollowsLiveHeap(t *testing.T) {
	cache := int64(32 << 20)
	if got, want := memoryLimit(cache, 10<<20), int64(144<<20); got != want {
		t.Errorf("small heap: limit %d MiB, want %d MiB (base + render cache)", got>>20, want>>20)
	}
	if got, want := memoryLimit(cache, 400<<20), int64(600<<20); got != want {
		t.Errorf("400 MiB live: limit %d MiB, want %d MiB (1.5x live)", got>>20, want>>20)
	}
	if got, want := memoryLimit(256<<20, 10<<20), int64(368<<20); got != want {
		t.Errorf("256 MiB cache: limit %d MiB, want %d MiB", got>>20, want>>20)
	}
}

func TestLimitMemoryOnlyWithoutGOMEMLIMIT(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if got := limitMemory(ctx, func(k string) string {
		if k == "GOMEMLIMIT" {
			return "1GiB"
		}
		return ""
	}, 32<<20); got != 0 || debug.SetMemoryLimit(-1) != prev {
		t.Errorf("GOMEMLIMIT set: limitMemory set %d (runtime limit %d), want it left alone", got, debug.SetMemoryLimit(-1))
	}
	got := limitMemory(ctx, func(string) string { return "" }, 32<<20)
	if got < 144<<20 || debug.SetMemoryLimit(-1) != got {
		t.Errorf("GOMEMLIMIT unset: limitMemory returned %d, runtime limit %d; want at least 144 MiB, applied", got, debug.SetMemoryLimit(-1))
	}
}
