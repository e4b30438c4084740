package boltstore_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// open opens a store in dir, closed at cleanup.
func open(t testing.TB, dir string) *boltstore.Store {
	t.Helper()
	s, err := boltstore.Open(dir, boltstore.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) feedsvc.Store { return open(t, t.TempDir()) })
}

// TestReopen checks that what was written before Close is there after a
// new Open of the same directory.
func TestReopen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	pub := time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC)
	a := feedsvc.Article{ID: "id1", URL: "https://e.org/a", Title: "T", Published: pub, Sections: []string{"news"}}
	if err := s.PutArticles(t.Context(), []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBlob(t.Context(), "cfg:catalog", []byte("cat"), 0); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSourceState(t.Context(), feedsvc.SourceState{SourceID: "src", ETag: "e"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dir)
	got, err := s.SectionArticles(t.Context(), "news", feedsvc.Query{})
	if err != nil || len(got) != 1 || got[0].Title != "T" {
		t.Errorf("section after reopen: %+v, %v", got, err)
	}
	if b, err := s.Blob(t.Context(), "cfg:catalog"); err != nil || string(b) != "cat" {
		t.Errorf("blob after reopen: %q, %v", b, err)
	}
	if st, err := s.SourceState(t.Context(), "src"); err != nil || st.ETag != "e" {
		t.Errorf("state after reopen: %+v, %v", st, err)
	}
	if id, err := s.LookupURL(t.Context(), a.URL); err != nil || id != "id1" {
		t.Errorf("url after reopen: %q, %v", id, err)
	}
}

// TestSecondOpenLocked checks that a second Open of a directory in use
// fails fast with ErrLocked and names the file.
func TestSecondOpenLocked(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	start := time.Now()
	_, err := boltstore.Open(dir, boltstore.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, boltstore.ErrLocked) {
		t.Fatalf("second Open: got %v, want ErrLocked", err)
	}
	if path := filepath.Join(dir, boltstore.FileName); !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("second Open took %v", d)
	}
}

// TestOpenErrorsNamePath checks that a directory that cannot be used and a
// damaged data file fail Open with an error naming the path.
func TestOpenErrorsNamePath(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "plain-file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(tmp, "garbage")
	writeData(t, garbage, []byte(strings.Repeat("not a bbolt file ", 2000)))
	short := filepath.Join(tmp, "short")
	writeData(t, short, []byte("tiny"))
	tests := []struct{ name, dir, want string }{
		{"dir is a file", filepath.Join(file, "data"), file},
		{"garbage data file", garbage, filepath.Join(garbage, boltstore.FileName)},
		{"truncated data file", short, filepath.Join(short, boltstore.FileName)},
	}
	for _, tc := range tests {
		s, err := boltstore.Open(tc.dir, boltstore.Options{})
		if err == nil {
			s.Close()
			t.Errorf("%s: Open succeeded", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q does not name %s", tc.name, err, tc.want)
		}
	}
}

// writeData writes b as the data file of dir.
func writeData(t *testing.T, dir string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, boltstore.FileName), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestClosed(t *testing.T) {
	s, err := boltstore.Open(t.TempDir(), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := s.Ping(t.Context()); !errors.Is(err, feedsvc.ErrUnavailable) {
		t.Errorf("Ping after Close: got %v, want ErrUnavailable", err)
	}
	if err := s.PutArticles(t.Context(), []feedsvc.Article{{ID: "x"}}); !errors.Is(err, feedsvc.ErrUnavailable) {
		t.Errorf("PutArticles after Close: got %v, want ErrUnavailable", err)
	}
}
