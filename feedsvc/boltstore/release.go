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
// counts that cache, mapped or not). The store drops its mappings of them
// (madvise MADV_DONTNEED on Linux) when the process's RssFile exceeds
// Options.MappedMax (checked every MappedCheck; DATA_MAPPED_MAX, 80 MiB by
// default), and every Options.ReleaseEvery when that is set
// (DATA_RELEASE_INTERVAL, off by default): the pages stay in the page
// cache, and the next read of one maps it again at the cost of a page
// fault (the kernel maps 64 KB around it). Releasing on a bound costs
// nothing while the mapped pages stay under it (a store whose file is
// smaller, or a steady state that touches little); while a cold start
// ingests 10,000 sources (make scale, a 180 MB file) the service used
// some 10-30% more CPU with a 64 MiB bound than without it (README,
// Deployment). Writes go through pwrite, never the map, so the map always
// shows what the file holds.

// MappedCheck is how often the release loop compares RssFile with
// Options.MappedMax. During a cold ingest the kernel maps the file at
// some 100 MiB/s (a fault maps the whole cached folio around a page), so
// the check is frequent: at 250 ms, RssFile passed the 64 MiB bound by
// 30-50 MiB before each release. Reading /proc/self/status costs some
// tens of microseconds.
const MappedCheck = 50 * time.Millisecond

// releaseLoop drops the mapped pages every d (when d > 0) and whenever
// RssFile exceeds limit (when limit > 0), until stop is closed.
func (s *Store) releaseLoop(d time.Duration, limit int64, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	tick := d
	if limit > 0 && (d <= 0 || MappedCheck < d) {
		tick = MappedCheck
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			due := d > 0 && now.Sub(last) >= d
			if due || (limit > 0 && mappedBytes() > limit) {
				_ = s.releaseMapped()
				last = now
			}
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
