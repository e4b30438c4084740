package boltstore_test

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
	"github.com/feedsvc/feedsvc/feedsvc/render"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// zstdMagic starts a version 3 record (a zstd frame).
const zstdMagic = "\x28\xb5\x2f\xfd"

// TestReadsVersion1Records: a data file written before the stored record
// had its own type (articles as Article.MarshalJSON), or before it was
// compressed (version 2, JSON), reads the same.
func TestReadsVersion1Records(t *testing.T) {
	dir := t.TempDir()
	for name, r := range map[string]func(*feedsvc.Channel) ([]byte, error){"atom": render.Atom, "json": render.JSON} {
		t.Run(name, func(t *testing.T) {
			dir := dir + "/" + name
			storetest.RunLegacyRecords(t, open(t, dir), func(t *testing.T, s feedsvc.Store, old map[string][]byte) feedsvc.Store {
				s.(*boltstore.Store).Close()
				db, err := bolt.Open(dir+"/"+boltstore.FileName, 0o600, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = db.Update(func(tx *bolt.Tx) error {
					for id, b := range old {
						cur := string(tx.Bucket([]byte("a")).Get([]byte(id)))
						if !strings.HasPrefix(cur, zstdMagic) {
							t.Errorf("stored %s: %.80q, want the record, version 3 (zstd)", id, cur)
						}
						if err := tx.Bucket([]byte("a")).Put([]byte(id), b); err != nil {
							return err
						}
					}
					return nil
				})
				if cerr := db.Close(); err != nil || cerr != nil {
					t.Fatal(err, cerr)
				}
				return open(t, dir)
			}, r)
		})
	}
}
