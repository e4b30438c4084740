package admin

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
)

func replica(t *testing.T, st feedsvc.Store, secs []feedsvc.Section, srcs []feedsvc.Source) (*catalog.Catalog, http.Handler) {
	t.Helper()
	c := &catalog.Catalog{Store: st}
	if err := c.Load(context.Background(), secs, srcs); err != nil {
		t.Fatal(err)
	}
	return c, routes(c)
}

func routes(c *catalog.Catalog) http.Handler {
	return serve(&API{Token: "tk", Catalog: c})
}

// TestParallelWritesAllVisible: 50 parallel creates, updates and deletes
// through two replicas' admin handlers on a catalog of 1,000 sources; every
// acknowledged write is visible afterwards (in both processes and in a
// fresh load from the store) and every entity is listed once.
func TestParallelWritesAllVisible(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		secs := []feedsvc.Section{{Slug: "ent", Title: "Ent"}, {Slug: "world", Title: "World"}}
		var seed []feedsvc.Source
		for i := range 1000 {
			seed = append(seed, feedsvc.Source{ID: fmt.Sprintf("s%04d", i), URL: fmt.Sprintf("https://s%d.example/feed", i), Sections: []string{"ent"}})
		}
		ca, ha := replica(t, st, secs, seed)
		cb, hb := replica(t, st, nil, nil)
		want := map[string]string{} // id -> URL ("" deleted)
		for _, s := range seed {
			want[s.ID] = s.URL
		}
		codes := make([]int, 50)
		var wg sync.WaitGroup
		for i := range 50 {
			h := ha
			if i%2 == 1 {
				h = hb
			}
			var method, target, body string
			switch i % 3 {
			case 0:
				id := fmt.Sprintf("new-%02d", i)
				method, target = "POST", "/api/sources"
				body = fmt.Sprintf(`{"id":%q,"url":"https://new%d.example/","sections":["world"]}`, id, i)
				want[id] = fmt.Sprintf("https://new%d.example/", i)
			case 1:
				id := fmt.Sprintf("s%04d", i)
				method, target = "PUT", "/api/sources/"+id
				body = fmt.Sprintf(`{"url":"https://upd%d.example/","sections":["ent","world"]}`, i)
				want[id] = fmt.Sprintf("https://upd%d.example/", i)
			default:
				id := fmt.Sprintf("s%04d", i)
				method, target = "DELETE", "/api/sources/"+id
				want[id] = ""
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _ = do(t, h, method, target, "tk", body)
			}()
		}
		wg.Wait()
		for i, code := range codes {
			if code < 200 || code > 299 {
				t.Errorf("request %d: status %d", i, code)
			}
		}
		fresh, _ := replica(t, st, nil, nil)
		check := func(name string, got []feedsvc.Source) {
			t.Helper()
			seen := map[string]int{}
			for _, s := range got {
				seen[s.ID]++
				if w := want[s.ID]; w != s.URL {
					t.Errorf("%s: source %s url %q, want %q", name, s.ID, s.URL, w)
				}
			}
			for id, u := range want {
				if u != "" && seen[id] != 1 {
					t.Errorf("%s: source %s listed %d times, want once", name, id, seen[id])
				}
			}
		}
		check("fresh load", fresh.Sources())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		for _, c := range []*catalog.Catalog{ca, cb} {
			go c.Watch(ctx, 10*time.Millisecond)
		}
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if sameIDs(ca.Sources(), fresh.Sources()) && sameIDs(cb.Sources(), fresh.Sources()) {
				break
			}
		}
		check("replica a", ca.Sources())
		check("replica b", cb.Sources())
	})
}

func sameIDs(a, b []feedsvc.Source) bool {
	id := func(s feedsvc.Source) string { return s.ID + " " + s.URL }
	x, y := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		x[i] = id(a[i])
	}
	for i := range b {
		y[i] = id(b[i])
	}
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
