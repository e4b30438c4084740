package boltstore

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// Mapped pages. bbolt reads the file through a shared read-only mmap, and
// every page a read or a write transaction touched stays mapped into the
// process: readers of channels touch the articles they render, and each
// commit reads the untouched values of every leaf it rewrites (article IDs
// are random, so new articles land all over the file). Over a long ingest
// the whole file ends up resident in the process (VmRSS's RssFile), though
// the kernel holds those pages in its page cache anyway (and a cgroup
// counts that cache, mapped or not). When Options.ReleaseEvery is set, the
// store drops its mappings of them that often (madvise MADV_DONTNEED on
// Linux): the pages stay in the page cache, and the next read of one maps
// it again at the cost of a page fault (the kernel maps 64 KB around it,
// so a busy ingest maps much back within a second). It trades CPU for
// RSS: make scale at 10,000 sources, 1 s: RssFile peak 368 -> 98-133 MiB,
// CPU per changed poll about twice; so it is off by default. Writes go
// through pwrite, never the map, so the map always shows what the file
// holds.

// releaseLoop drops the mapped pages every d until stop is closed.
func (s *Store) releaseLoop(d time.Duration, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			_ = s.releaseMapped()
		}
	}
}

// releaseMapped drops the process's mappings of the file's pages. It runs
// in a read transaction, which holds bbolt's map lock: the file cannot be
// re-mapped (moved) while the range is advised.
func (s *Store) releaseMapped() error {
	return guard(func() error {
		return s.db.View(func(tx *bolt.Tx) error {
			return dontNeed(s.db.Info().Data, uintptr(tx.Size()))
		})
	})
}
