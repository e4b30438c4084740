package boltstore

import (
	"context"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestSectionRecentReadsOldEntriesFromArticles: index entries written
// before they held a Recent (empty values) are read from their articles.
func TestSectionRecentReadsOldEntriesFromArticles(t *testing.T) {
	s, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	pub := time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC)
	var arts []feedsvc.Article
	for i, id := range []string{"a", "b", "c"} {
		arts = append(arts, feedsvc.Article{ID: id, SourceID: "src-" + id, Fingerprint: uint64(i + 1),
			Published: pub.Add(time.Duration(i) * time.Minute), Sections: []string{"news"}})
	}
	if err := s.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	want, err := s.SectionRecent(ctx, "news", 10)
	if err != nil || len(want) != 3 {
		t.Fatalf("SectionRecent: %+v, %v", want, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error { // the old layout: empty entry values
		b := tx.Bucket(bSections).Bucket([]byte("news"))
		return b.Put(entryKey(feedsvc.CursorOf(&arts[1])), nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.SectionRecent(ctx, "news", 10)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("with an old entry: %+v, %v; want %+v", got, err, want)
	}
}
