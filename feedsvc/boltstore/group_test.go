package boltstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestGroupCommitKeepsEachWriteApart runs many writes at once, some of
// which fail after writing: every caller gets its own outcome, the failed
// writes leave nothing, and the others are all on disk after a reopen.
func TestGroupCommitKeepsEachWriteApart(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	errBad := errors.New("bad write")
	const n = 200
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.update(context.Background(), "test", func(tx *bolt.Tx) error {
				// a blob without expiry: 8 zero bytes, then its 1 byte
				if err := tx.Bucket(bBlobs).Put(fmt.Appendf(nil, "k%03d", i), make([]byte, 9)); err != nil {
					return err
				}
				switch i % 10 {
				case 3:
					return errBad
				case 7:
					panic("damaged page") // guard turns it into ErrDamaged
				}
				return nil
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		switch i % 10 {
		case 3:
			if !errors.Is(err, errBad) {
				t.Errorf("write %d: got %v, want its own error", i, err)
			}
		case 7:
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("write %d: got %v, want ErrDamaged", i, err)
			}
		default:
			if err != nil {
				t.Errorf("write %d: %v", i, err)
			}
		}
	}
	s.Close()
	if s, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range n {
		_, err := s.Blob(context.Background(), fmt.Sprintf("k%03d", i))
		failed := i%10 == 3 || i%10 == 7
		if failed != errors.Is(err, feedsvc.ErrNotFound) || !failed && err != nil {
			t.Errorf("k%03d after reopen: %v (write failed: %v)", i, err, failed)
		}
	}
}

// TestGroupCommitSharesTransactions checks that concurrent writes share
// commits: 64 writers of 20 writes each need far fewer transactions than
// 1,280 (each one an fsync).
func TestGroupCommitSharesTransactions(t *testing.T) {
	s, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := s.group.commits.Load()
	var wg sync.WaitGroup
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				st := feedsvc.SourceState{SourceID: fmt.Sprintf("s%d-%d", w, i)}
				if err := s.PutSourceState(context.Background(), st); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	commits := s.group.commits.Load() - before
	if commits < 1 || commits > 1280/4 {
		t.Errorf("1,280 concurrent writes took %d transactions, want at most a quarter as many", commits)
	}
	t.Logf("1,280 writes of 64 writers in %d transactions", commits)
}
