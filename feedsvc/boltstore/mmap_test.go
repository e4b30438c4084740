package boltstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestGrowingFileDoesNotWaitForReaders: while a read transaction stays
// open, writes grow the file by 64 MiB. bbolt would have to map a growing
// file anew, which waits for every open read transaction (and holds every
// new one meanwhile); with the file mapped at its initial size from the
// start the writes go on and new readers are not held.
func TestGrowingFileDoesNotWaitForReaders(t *testing.T) {
	s, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	started, release := make(chan struct{}), make(chan struct{})
	reader := make(chan error, 1)
	go func() {
		reader <- s.db.View(func(*bolt.Tx) error {
			close(started)
			<-release
			return nil
		})
	}()
	<-started
	defer func() {
		close(release)
		if err := <-reader; err != nil {
			t.Error(err)
		}
	}()
	wrote := make(chan error, 1)
	go func() {
		blob := make([]byte, 1<<20)
		for i := range 64 {
			if err := s.PutBlob(context.Background(), fmt.Sprintf("grow-%02d", i), blob, 0); err != nil {
				wrote <- err
				return
			}
		}
		_, err := s.Blob(context.Background(), "grow-63") // a new reader
		wrote <- err
	}()
	select {
	case err := <-wrote:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("64 MiB of writes and a read waited 30 s for an open read transaction: the growing file was mapped anew")
	}
}
