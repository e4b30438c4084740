package ingest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// takedownDuringPut is a store where a takedown of url lands while the
// poll is writing: the tombstone is written just before the put.
type takedownDuringPut struct {
	*memstore.Store
	url string
}

func (s *takedownDuringPut) PutArticles(ctx context.Context, arts []feedsvc.Article) error {
	b, _ := json.Marshal(feedsvc.Tombstones{{ID: "other", URL: s.url}})
	if err := s.Store.PutBlob(ctx, feedsvc.TombstonesKey, b, 0); err != nil {
		return err
	}
	return s.Store.PutArticles(ctx, arts)
}

// TestTombstonesKeepArticlesOut: a tombstoned canonical URL is never
// stored, also when the takedown lands between the check and the put.
func TestTombstonesKeepArticlesOut(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t)
	fs.set("/a.xml", rss(item{"1", "One", "https://news.example/1", "Wed, 15 Nov 2023 07:24:00 +0800", "<p>x</p>"},
		item{"2", "Two", "https://news.example/2", "Wed, 15 Nov 2023 08:24:00 +0800", "<p>y</p>"}), 0)
	t.Run("before", func(t *testing.T) {
		st := memstore.New()
		b, _ := json.Marshal(feedsvc.Tombstones{{ID: "whatever", URL: "https://news.example/2"}})
		if err := st.PutBlob(ctx, feedsvc.TombstonesKey, b, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := newIngester(st).Poll(ctx, source("a", fs.URL+"/a.xml")); err != nil {
			t.Fatal(err)
		}
		if arts := section(t, st); len(arts) != 1 || arts[0].URL != "https://news.example/1" {
			t.Errorf("stored %+v, want only the story not taken down", arts)
		}
	})
	t.Run("during", func(t *testing.T) {
		st := &takedownDuringPut{Store: memstore.New(), url: "https://news.example/2"}
		if _, err := newIngester(st).Poll(ctx, source("a", fs.URL+"/a.xml")); err != nil {
			t.Fatal(err)
		}
		if arts := section(t, st); len(arts) != 1 || arts[0].URL != "https://news.example/1" {
			t.Errorf("stored %d articles, want only the story not taken down", len(arts))
		}
		if _, err := st.LookupURL(ctx, "https://news.example/2"); err == nil {
			t.Errorf("the taken-down URL is stored")
		}
	})
}
