package redisstore_test

import (
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// TestSectionRecentFromMetas: SectionRecent reads each entry from the
// article's meta (field "r"), which a put and a removal from another
// section keep; an article whose meta lacks the field (written before
// metas held it) is read instead. Either way the entries are RecentOf of
// the articles, on every engine.
func TestSectionRecentFromMetas(t *testing.T) {
	base := time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC)
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			ctx := t.Context()
			s, prefix := newStoreOn(t, e)
			c := rawClient(t, e)
			var arts []feedsvc.Article
			for i := range 12 {
				a := feedsvc.Article{ID: string(rune('a' + i)), Title: "t", URL: "https://e.org/" + string(rune('a'+i)),
					SourceID: []string{"s1", "s2"}[i%2], Fingerprint: uint64(i) << 40, Sections: []string{"news", "world"},
					Published: base.Add(time.Duration(i) * time.Minute)}
				if i%3 == 0 {
					a.Versions = []feedsvc.Version{{Kind: feedsvc.VersionFeed, Article: feedsvc.Article{SourceID: "s9", Title: "v"}}}
				}
				arts = append(arts, a)
			}
			if err := s.PutArticles(ctx, arts); err != nil {
				t.Fatal(err)
			}
			if err := s.RemoveFromSection(ctx, "news", []string{"l", "k"}); err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{"a", "k", "l"} { // k and l were rewritten by the removal
				if r, err := c.HGet(ctx, prefix+"m:{"+id+"}", "r").Result(); err != nil || r == "" {
					t.Errorf("meta of %s: field r %q, %v; want the entry", id, r, err)
				}
			}
			check := func(when string) {
				t.Helper()
				for _, slug := range []string{"news", "world"} {
					storetest.CheckRecent(t, s, slug, 20, when)
				}
			}
			check("from metas")
			for _, id := range []string{"b", "k", "j"} {
				if err := c.HDel(ctx, prefix+"m:{"+id+"}", "r").Err(); err != nil {
					t.Fatal(err)
				}
			}
			check("some metas without the field")
		})
	}
}
