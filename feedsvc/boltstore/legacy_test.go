package boltstore_test

import (
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
	"github.com/feedsvc/feedsvc/feedsvc/render"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// zstdMagic starts a version 3 or 4 record (a zstd frame).
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

// TestOldRecordRePut: re-putting an article stored as a version 2 record
// rewrites the record as version 3 and nothing else: the section's
// version stays, as for any identical re-put.
func TestOldRecordRePut(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	a := feedsvc.Article{ID: "old-1", URL: "https://news.example.org/old-1", Title: "旧", Published: time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC),
		ContentHTML: "<p>正文</p>", BodyText: "正文", Sections: []string{"society"}}
	if err := s.PutArticles(t.Context(), []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Articles(t.Context(), []string{a.ID})
	if err != nil || len(stored) != 1 {
		t.Fatalf("Articles: %v, %v", stored, err)
	}
	s.Close()
	record := func(put []byte) (cur string) {
		db, err := bolt.Open(dir+"/"+boltstore.FileName, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Update(func(tx *bolt.Tx) error {
			cur = string(tx.Bucket([]byte("a")).Get([]byte(a.ID)))
			if put == nil {
				return nil
			}
			return tx.Bucket([]byte("a")).Put([]byte(a.ID), put)
		}); err != nil {
			t.Fatal(err)
		}
		return cur
	}
	record(storetest.JSONRecord(t, stored[0]))
	s = open(t, dir)
	v0, err := s.SectionVersion(t.Context(), "society")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutArticles(t.Context(), []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	v1, err := s.SectionVersion(t.Context(), "society")
	if err != nil || v1 != v0 {
		t.Errorf("section version %d -> %d (%v) after re-putting the article over its version 2 record, want it unchanged", v0, v1, err)
	}
	s.Close()
	if cur := record(nil); !strings.HasPrefix(cur, zstdMagic) {
		t.Errorf("record after the re-put: %.40q, want version 3", cur)
	}
}
