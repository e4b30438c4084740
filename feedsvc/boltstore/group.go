package boltstore

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// Group commit. bbolt has one writer and every commit is an fsync, so
// writes of concurrent callers (one per ingest poll: its articles, its
// source state, its media probes) would queue for one fsync each. A write
// instead joins the group: when no commit is running, its caller runs it
// at once (no added latency for a lone writer); while one runs, writes
// wait and the first of them then commits all of them in one transaction
// and one fsync. Each caller returns once the transaction holding its
// write is on disk, so "returned means durable" still holds. bbolt's own
// db.Batch gathers the same way but waits up to MaxBatchDelay even when
// nothing else is writing.
//
// A write may therefore run more than once (its function must only act
// through tx): when one write of a group fails, the transaction is rolled
// back, that write is run again alone to get its own error, and the others
// are committed without it.

// groupMax bounds the writes one transaction holds.
const groupMax = 256

// call is one write waiting in the group.
type call struct {
	fn   func(*bolt.Tx) error
	err  error
	done chan struct{} // closed with err set
	lead chan struct{} // closed when this call is to commit the next group
}

// group is the queue of writes waiting for the running commit.
type group struct {
	mu      sync.Mutex
	busy    bool // a caller is committing
	waiting []*call
	commits atomic.Int64 // transactions run (tests)
}

// commit runs fn in a write transaction shared with concurrent callers and
// returns once that transaction is on disk (or failed).
func (s *Store) commit(fn func(*bolt.Tx) error) error {
	c := &call{fn: fn, done: make(chan struct{}), lead: make(chan struct{})}
	g := &s.group
	g.mu.Lock()
	g.waiting = append(g.waiting, c)
	if g.busy {
		g.mu.Unlock()
		select {
		case <-c.done:
			return c.err
		case <-c.lead:
		}
		g.mu.Lock()
	}
	g.busy = true
	n := min(len(g.waiting), groupMax)
	batch := g.waiting[:n:n]
	g.waiting = append([]*call(nil), g.waiting[n:]...)
	g.mu.Unlock()

	s.runGroup(batch)

	g.mu.Lock()
	if len(g.waiting) > 0 {
		close(g.waiting[0].lead) // it takes the queue; busy stays set
	} else {
		g.busy = false
	}
	g.mu.Unlock()
	<-c.done
	return c.err
}

// failed reports which write of a group failed.
type failed struct {
	i   int
	err error
}

func (f *failed) Error() string { return fmt.Sprintf("write %d of a group: %v", f.i, f.err) }

// runGroup commits batch in one transaction; when a write fails, it is run
// alone for its own error and the others are committed again without it.
func (s *Store) runGroup(batch []*call) {
	for len(batch) > 0 {
		s.group.commits.Add(1)
		err := guard(func() error {
			return s.db.Update(func(tx *bolt.Tx) error {
				for i, c := range batch {
					if err := guard(func() error { return c.fn(tx) }); err != nil {
						return &failed{i, err}
					}
				}
				return nil
			})
		})
		var f *failed
		if len(batch) == 1 || !errors.As(err, &f) {
			if errors.As(err, &f) {
				err = f.err
			}
			for _, c := range batch {
				c.err = err
				close(c.done)
			}
			return
		}
		bad := batch[f.i]
		s.group.commits.Add(1)
		bad.err = guard(func() error { return s.db.Update(bad.fn) })
		close(bad.done)
		batch = append(batch[:f.i:f.i], batch[f.i+1:]...)
	}
}
