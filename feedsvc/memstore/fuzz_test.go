package memstore_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// FuzzPaging puts articles described by ops (3 bytes each: id, minute,
// flags) and checks that walking section "a" with pages of any size
// yields exactly the articles last put in "a", each once, strictly newest
// first by the cursor of the stored article.
func FuzzPaging(f *testing.F) {
	f.Add([]byte{1, 5, 1, 2, 5, 1, 3, 5, 3, 1, 9, 0, 4, 0, 1}, uint8(2))
	f.Add([]byte{7, 1, 1, 7, 2, 1, 8, 2, 1, 9, 2, 3, 10, 2, 1, 11, 2, 1}, uint8(1))
	f.Add([]byte{0, 0, 1, 1, 0, 1, 2, 0, 1, 3, 0, 1, 4, 0, 1, 5, 0, 1, 6, 0, 1}, uint8(3))
	f.Fuzz(func(t *testing.T, ops []byte, size uint8) {
		s := memstore.New()
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		in := map[string]bool{}
		for i := 0; i+3 <= len(ops); i += 3 {
			id, minute, flags := fmt.Sprintf("id%02d", ops[i]%32), time.Duration(ops[i+1]%16), ops[i+2]
			a := feedsvc.Article{ID: id, URL: "https://e.org/" + id, Published: base.Add(minute * time.Minute)}
			if flags&2 != 0 {
				a.Published, a.FirstSeen = time.Time{}, base.Add(minute*time.Minute+time.Duration(flags)*time.Millisecond)
			}
			in[id] = flags&1 != 0
			if in[id] {
				a.Sections = []string{"a"}
			}
			if err := s.PutArticles(t.Context(), []feedsvc.Article{a}); err != nil {
				t.Fatal(err)
			}
		}
		got := walk(t, s, int(size%7)+1)
		var want []string
		for id, ok := range in {
			if ok {
				want = append(want, id)
			}
		}
		slices.Sort(want)
		if seen := slices.Sorted(slices.Values(ids(got))); !slices.Equal(seen, want) {
			t.Fatalf("walk: got %q, want %q", seen, want)
		}
		for i := 1; i < len(got); i++ {
			p, c := feedsvc.CursorOf(&got[i-1]), feedsvc.CursorOf(&got[i])
			if p.Millis < c.Millis || (p.Millis == c.Millis && p.ID <= c.ID) {
				t.Fatalf("order: %+v before %+v", p, c)
			}
		}
	})
}

// walk pages through section "a" with page size n.
func walk(t *testing.T, s *memstore.Store, n int) []feedsvc.Article {
	var all []feedsvc.Article
	q := feedsvc.Query{Limit: n}
	for {
		got, err := s.SectionArticles(t.Context(), "a", q)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got...)
		if len(got) < n {
			return all
		}
		q.Before = feedsvc.CursorOf(&got[len(got)-1])
	}
}

func ids(arts []feedsvc.Article) []string {
	out := make([]string, len(arts))
	for i := range arts {
		out[i] = arts[i].ID
	}
	return out
}
