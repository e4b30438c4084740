package redisstore_test

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/render"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// TestReadsVersion1Records: articles stored before the stored record had
// its own type (Article.MarshalJSON, the `feedsvc check` shape), or before
// it was compressed (version 2, JSON), read the same, on every engine.
func TestReadsVersion1Records(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			s, prefix := newStoreOn(t, e)
			c := rawClient(t, e)
			round := 0
			storetest.RunLegacyRecords(t, s, func(t *testing.T, s feedsvc.Store, old map[string][]byte) feedsvc.Store {
				round++
				for id, b := range old {
					// Later rounds find the previous round's records where an
					// identical re-put left them (the meta's checksum matched).
					cur, err := c.Get(t.Context(), prefix+"a:{"+id+"}").Result()
					if round == 1 && (err != nil || !strings.HasPrefix(cur, "\x28\xb5\x2f\xfd")) {
						t.Errorf("stored %s: %.80q (%v), want the record, version 3 (zstd)", id, cur, err)
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
