package httpapi

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestStoreResetChangesDocuments: after the store loses its data (a wipe)
// the section counters restart, so the same counter value names a
// different set of articles; every format must show the new articles.
func TestStoreResetChangesDocuments(t *testing.T) {
	eachStore(t, func(t *testing.T, ts testStore) {
		ctx := context.Background()
		day := time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)
		u, _ := url.Parse("http://feeds.test")
		s := &Server{Store: ts.Store, Render: &fakeRenderer{}, BaseURL: u, VersionTTL: -1, Shared: ts.redis,
			Sections: func() []feedsvc.Section { return []feedsvc.Section{{Slug: "ent", Title: "Ent"}} }}
		putArticles(t, ts.Store, feedsvc.Article{ID: "before-reset", Published: day, Sections: []string{"ent"}})
		v1, _ := ts.SectionVersion(ctx, "ent")
		h := s.Handler()
		old := map[string]string{}
		for f := range formats {
			b, _ := io.ReadAll(get(t, h, "/sections/ent/"+f, nil).Body)
			old[f] = string(b)
		}
		st := ts.reset()
		s.Store = st
		putArticles(t, st, feedsvc.Article{ID: "after-reset", Published: day, Sections: []string{"ent"}})
		if v2, _ := st.SectionVersion(ctx, "ent"); v2 != v1 {
			t.Fatalf("precondition: counter %d after the reset, %d before; want equal", v2, v1)
		}
		for f := range formats {
			b, _ := io.ReadAll(get(t, h, "/sections/ent/"+f, nil).Body)
			if string(b) == old[f] || !strings.Contains(string(b), "after-reset") {
				t.Errorf("%s after the reset: %q, want the new article", f, b)
			}
		}
	})
}
