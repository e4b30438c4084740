package retention_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
)

// growingFeed serves an RSS feed of its newest 20 stories; add publishes
// more, one minute apart.
type growingFeed struct {
	mu    sync.Mutex
	n     int
	start time.Time
	*httptest.Server
}

func newGrowingFeed(t *testing.T) *growingFeed {
	g := &growingFeed{start: time.Now().Add(-6 * time.Hour).Truncate(time.Minute)}
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.mu.Lock()
		defer g.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>`)
		for i := g.n - 1; i >= max(0, g.n-20); i-- {
			fmt.Fprintf(w, `<item><title>Story %04d</title><link>https://news.example/%04d</link><guid>https://news.example/%04d</guid><pubDate>%s</pubDate><description>Body of story number %04d, about %s.</description></item>`,
				i, i, i, g.start.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), i, strings.Repeat("topic ", i%7+1))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(g.Close)
	return g
}

func (g *growingFeed) add(n int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n += n
}

// ingestPastRetention polls a feed that publishes 10 stories a round for
// 15 rounds into st, pruning after each poll to the 30 newest (and 1 day):
// the section never holds more than 30, ends with the 30 newest stories,
// and what was pruned is gone from the store (record and URL).
func ingestPastRetention(t *testing.T, st feedsvc.Store) {
	g := newGrowingFeed(t)
	in := &ingest.Ingester{Pipeline: &ingest.Pipeline{Fetch: fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second})},
		Store: st, NearDupDistance: -1, Log: slog.New(slog.DiscardHandler)}
	src := &feedsvc.Source{ID: "grow", URL: g.URL + "/feed.xml", Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
	p := &retention.Pruner{Store: st, Sections: func() []feedsvc.Section {
		return []feedsvc.Section{{Slug: "news", Retain: feedsvc.Age(24 * time.Hour), RetainItems: 30}}
	}}
	for round := range 15 {
		g.add(10)
		if _, err := in.Poll(t.Context(), src); err != nil {
			t.Fatalf("round %d: Poll: %v", round, err)
		}
		tick(t, p)
		if n := len(sectionIDs(t, st, "news")); n > 30 {
			t.Fatalf("round %d: section holds %d articles, want at most 30", round, n)
		}
	}
	arts, err := st.SectionArticles(t.Context(), "news", feedsvc.Query{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for i := range arts {
		got = append(got, arts[i].Title)
	}
	for i := 149; i >= 120; i-- {
		want = append(want, fmt.Sprintf("Story %04d", i))
	}
	if !slices.Equal(got, want) {
		t.Errorf("after 150 stories: section holds %q, want the 30 newest", got)
	}
	if id, err := st.LookupURL(t.Context(), "https://news.example/0000"); err == nil {
		t.Errorf("the first story's URL still maps to %s", id)
	}
}

func TestIngestPastRetention(t *testing.T) {
	ingestPastRetention(t, memstore.New())
}
