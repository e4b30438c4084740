package redisstore_test

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/render"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// TestReadsVersion1Records: articles stored before the stored record had
// its own type (Article.MarshalJSON, the `feedsvc check` shape) read the
// same, on every engine.
func TestReadsVersion1Records(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			s, prefix := newStoreOn(t, e)
			c := rawClient(t, e)
			storetest.RunLegacyRecords(t, s, func(t *testing.T, s feedsvc.Store, old map[string][]byte) feedsvc.Store {
				for id, b := range old {
					cur, err := c.Get(t.Context(), prefix+"a:{"+id+"}").Result()
					if err != nil || !strings.HasPrefix(cur, `{"v":2,`) || strings.Contains(cur, "null") {
						t.Errorf("stored %s: %.80s (%v), want the record, version 2", id, cur, err)
					}
					if err := c.Set(t.Context(), prefix+"a:{"+id+"}", b, 0).Err(); err != nil {
						t.Fatal(err)
					}
				}
				return s
			}, render.Atom)
		})
	}
}
