package boltstore_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
)

// TestDamagedPages overwrites the head of each page of a data file in
// turn. Open either fails with an error naming the file, or the store
// opens and every read and write returns (ErrDamaged at worst): damage
// never panics the process.
func TestDamagedPages(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	var arts []feedsvc.Article
	for i := range 300 {
		arts = append(arts, feedsvc.Article{ID: fmt.Sprintf("a%04d", i), URL: fmt.Sprintf("https://e.org/%d", i),
			Title: strings.Repeat("t", 100), Published: time.Unix(int64(i)*60, 0), Sections: []string{"big"}})
	}
	if err := s.PutArticles(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, boltstore.FileName)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	// The file grows in steps (bbolt's AllocSize, 16 MiB, once it is mapped
	// larger than that, which it is from the start): the zero pages past
	// the data are space no page refers to, and bbolt never reads them.
	for len(orig) > pageSize && allZero(orig[len(orig)-pageSize:]) {
		orig = orig[:len(orig)-pageSize]
	}
	failed := 0
	for pg := range len(orig) / pageSize {
		b := append([]byte(nil), orig...)
		for i := pg * pageSize; i < pg*pageSize+64; i++ {
			b[i] = 0xA5
		}
		// A fresh directory each time: a panic inside bbolt's Open leaves
		// its file handle (and lock) behind in this process.
		dir := t.TempDir()
		path := filepath.Join(dir, boltstore.FileName)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := boltstore.Open(dir, boltstore.Options{LockTimeout: 100 * time.Millisecond})
		if err != nil {
			failed++
			if !errors.Is(err, boltstore.ErrDamaged) || !strings.Contains(err.Error(), path) {
				t.Fatalf("page %d damaged: Open: %v; want ErrDamaged naming %s", pg, err, path)
			}
			continue
		}
		_, _ = s.SectionArticles(t.Context(), "big", feedsvc.Query{Limit: 1000})
		_, _ = s.Articles(t.Context(), []string{"a0000", "a0150", "a0299"})
		_ = s.PutArticles(t.Context(), []feedsvc.Article{{ID: "new", Sections: []string{"big"}}})
		s.Close()
	}
	if failed == 0 {
		t.Error("no damaged page failed Open")
	}
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
