package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// padRenderer renders like fakeRenderer plus 8 KiB of incompressible-ish
// padding derived from the self URL, and counts renders (concurrency-safe).
type padRenderer struct{ calls atomic.Int64 }

func (p *padRenderer) Render(format string, ch *feedsvc.Channel) ([]byte, error) {
	p.calls.Add(1)
	var b strings.Builder
	fmt.Fprintf(&b, "%s self=%s\n", format, ch.SelfURL)
	sum := sha256.Sum256([]byte(ch.SelfURL))
	for b.Len() < 8<<10 {
		sum = sha256.Sum256(sum[:])
		b.WriteString(hex.EncodeToString(sum[:]))
	}
	return []byte(b.String()), nil
}

func (p *padRenderer) ContentType(format string) string { return "text/x-" + format }

// sharedKeys records the distinct rendered-document keys written to the store.
type sharedKeys struct {
	feedsvc.Store
	mu   sync.Mutex
	keys map[string]bool
}

func (s *sharedKeys) PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error {
	if strings.HasPrefix(key, blobPrefix) {
		s.mu.Lock()
		s.keys[key] = true
		s.mu.Unlock()
	}
	return s.Store.PutBlob(ctx, key, b, ttl)
}

func heapMB() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc >> 20)
}

// TestVariantFloodBounded: 10,000 distinct `since=` variants of one section
// (unauthenticated, ?limit=500) keep process memory and the shared store
// bounded: variants stay in process under a per-section byte cap, only
// subscription documents go to the store, and other sections' documents
// are not evicted.
func TestVariantFloodBounded(t *testing.T) {
	eachStore(t, func(t *testing.T, ts testStore) {
		st := &sharedKeys{Store: ts.Store, keys: map[string]bool{}}
		pr := &padRenderer{}
		u, _ := url.Parse("http://feeds.test")
		s := &Server{Store: st, Render: pr, BaseURL: u, Shared: true, CacheBytes: 1 << 30,
			Sections: func() []feedsvc.Section {
				return []feedsvc.Section{{Slug: "ent", Title: "Ent"}, {Slug: "world", Title: "World"}}
			}}
		base := time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)
		var arts []feedsvc.Article
		for i := range 50 {
			arts = append(arts, feedsvc.Article{ID: fmt.Sprintf("e%02d", i), Published: base.Add(-time.Duration(i) * 200 * time.Minute), Sections: []string{"ent"}})
		}
		arts = append(arts, feedsvc.Article{ID: "w1", Published: base, Sections: []string{"world"}})
		putArticles(t, st, arts...)
		h := s.Handler()
		if r := get(t, h, "/sections/world/rss", nil); r.StatusCode != 200 {
			t.Fatalf("world: %d", r.StatusCode)
		}
		keysBefore, heapBefore := ts.keys(), heapMB()
		n := int64(10000)
		if raceDetector {
			n = 500 // the same bounds (500 documents are 3× the cap), in a reasonable time under -race
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := next.Add(1); i <= n; i = next.Add(1) {
					since := base.Add(-time.Duration(i) * time.Minute).Format(time.RFC3339)
					if r := get(t, h, "/sections/ent/json?limit=500&since="+since, nil); r.StatusCode != 200 {
						t.Errorf("variant %d: %d", i, r.StatusCode)
						return
					}
				}
			}()
		}
		wg.Wait()
		grew := heapMB() - heapBefore
		renders := pr.calls.Load()
		if r := get(t, h, "/sections/world/rss", nil); r.StatusCode != 200 || pr.calls.Load() != renders {
			t.Errorf("world's subscription document was evicted by the flood (status %d)", r.StatusCode)
		}
		if len(st.keys) > 2 {
			t.Errorf("%d rendered documents written to the shared store, want only the subscription documents (≤ 2)", len(st.keys))
		}
		if ts.redis && ts.keys()-keysBefore > 5 {
			t.Errorf("Redis keys grew by %d under the flood", ts.keys()-keysBefore)
		}
		if held := s.docs().size; held > (4<<20)+(1<<20) {
			t.Errorf("process cache holds %d bytes, want ≤ the per-section variant cap %d (+ subscription documents)", held, (4 << 20))
		}
		if grew > 48 {
			t.Errorf("heap grew %d MB under %d variants", grew, n)
		}
		t.Logf("%d variants: %d renders, heap +%d MB, cache %d KB, shared documents %d", n, renders, grew, s.docs().size>>10, len(st.keys))
	})
}

// TestSinceRoundedToTheMinute: `since` values within one minute name one
// document (clients sending "now" do not make a document per second).
func TestSinceRoundedToTheMinute(t *testing.T) {
	s, fr, _ := newTestServer(t, 3)
	h := s.Handler()
	a := get(t, h, "/sections/ent/rss?since=2023-11-15T00:30:45Z", nil).Header.Get("ETag")
	b := get(t, h, "/sections/ent/rss?since=2023-11-15T00:30:05Z", nil).Header.Get("ETag")
	if a != b || fr.calls != 1 {
		t.Errorf("since within one minute: etags %s %s, %d renders; want one document", a, b, fr.calls)
	}
}
