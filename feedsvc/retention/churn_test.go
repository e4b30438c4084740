package retention_test

import (
	"context"
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

// staticFeed serves an RSS feed of one item per date, newest first, with
// no validators, so every poll reads it whole.
func staticFeed(t *testing.T, prefix string, dates ...time.Time) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>`)
		for i, d := range dates {
			fmt.Fprintf(&b, `<item><title>%s story %d</title><link>https://news.example/%s/%d</link><pubDate>%s</pubDate><description>Body of %s story %d.</description></item>`,
				prefix, i, prefix, i, d.Format(time.RFC1123Z), prefix, i)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/" + prefix + ".xml"
}

// changes records the sections OnChange is told about.
type changes struct {
	mu    sync.Mutex
	calls [][]string
}

func (c *changes) record(_ context.Context, slugs []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, slices.Sorted(slices.Values(slugs)))
}

func (c *changes) n() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.calls)
}

func version(t *testing.T, st feedsvc.Store, slug string) int64 {
	t.Helper()
	v, err := st.SectionVersion(t.Context(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// churnSetup wires an ingester and a pruner on one store the way serve
// does: the ingester admits only what the pruner would keep.
func churnSetup(t *testing.T, secs ...feedsvc.Section) (*ingest.Ingester, *retention.Pruner, *changes, feedsvc.Store) {
	st := memstore.New()
	ch := &changes{}
	p := &retention.Pruner{Store: st, Sections: func() []feedsvc.Section { return secs }, Default: retention.RedisDefault}
	in := &ingest.Ingester{Pipeline: &ingest.Pipeline{Fetch: fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second})},
		Store: st, NearDupDistance: -1, Log: slog.New(slog.DiscardHandler), OnChange: ch.record, Admit: p.Admit}
	return in, p, ch, st
}

func poll(t *testing.T, in *ingest.Ingester, src *feedsvc.Source) ingest.PollResult {
	t.Helper()
	pr, err := in.Poll(t.Context(), src)
	if err != nil {
		t.Fatalf("Poll: %v", err)
	}
	return pr
}

// TestIngestSkipsWhatRetentionDrops: a source still serving 2023 stories
// into a section that keeps 90 days stores none of them; polls and pruning
// passes leave the section's version alone and tell OnChange nothing.
func TestIngestSkipsWhatRetentionDrops(t *testing.T) {
	old := time.Date(2023, 3, 1, 9, 0, 0, 0, time.UTC)
	in, p, ch, st := churnSetup(t, feedsvc.Section{Slug: "news", Retain: feedsvc.Age(90 * day)})
	src := &feedsvc.Source{ID: "old", URL: staticFeed(t, "old", old, old.Add(-time.Hour), old.Add(-2*time.Hour)),
		Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
	for round := range 3 {
		if pr := poll(t, in, src); pr.Changed != 0 {
			t.Errorf("round %d: %d articles written, want 0", round, pr.Changed)
		}
		tick(t, p)
		if v := version(t, st, "news"); v != 0 {
			t.Errorf("round %d: section version %d, want 0 (never written)", round, v)
		}
	}
	if ch.n() != 0 {
		t.Errorf("OnChange called %d times (%v), want never", ch.n(), ch.calls)
	}
	if ids := sectionIDs(t, st, "news"); len(ids) != 0 {
		t.Errorf("section holds %q, want nothing", ids)
	}
}

// TestIngestKeepsWhatRetentionKeeps: a feed mixing recent and 2023 stories
// stores the recent ones once; later polls change nothing.
func TestIngestKeepsWhatRetentionKeeps(t *testing.T) {
	recent := time.Now().UTC().Add(-48 * time.Hour).Truncate(time.Minute)
	old := time.Date(2023, 3, 1, 9, 0, 0, 0, time.UTC)
	in, p, ch, st := churnSetup(t, feedsvc.Section{Slug: "news", Retain: feedsvc.Age(90 * day)})
	src := &feedsvc.Source{ID: "mix", URL: staticFeed(t, "mix", recent, recent.Add(-time.Hour), old),
		Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
	if pr := poll(t, in, src); pr.Changed != 2 {
		t.Fatalf("first poll wrote %d articles, want the 2 recent ones", pr.Changed)
	}
	tick(t, p)
	v := version(t, st, "news")
	for round := range 2 {
		poll(t, in, src)
		tick(t, p)
		if got := version(t, st, "news"); got != v {
			t.Errorf("round %d: section version %d, want %d (unchanged)", round, got, v)
		}
	}
	if ch.n() != 1 {
		t.Errorf("OnChange called %d times (%v), want once (the first poll)", ch.n(), ch.calls)
	}
	if ids := sectionIDs(t, st, "news"); len(ids) != 2 {
		t.Errorf("section holds %q, want the 2 recent stories", ids)
	}
}

// TestIngestSkipsBeyondRetainItems: a full section (retain_items) does not
// take a story older than its oldest kept article; it does take a newer
// one, which the pruner then makes room for.
func TestIngestSkipsBeyondRetainItems(t *testing.T) {
	base := time.Now().UTC().Add(-10 * day).Truncate(time.Minute)
	in, p, ch, st := churnSetup(t, feedsvc.Section{Slug: "news", RetainItems: 3})
	full := &feedsvc.Source{ID: "full", URL: staticFeed(t, "full", base.Add(3*time.Hour), base.Add(2*time.Hour), base.Add(time.Hour)),
		Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
	poll(t, in, full)
	tick(t, p)
	v, calls := version(t, st, "news"), ch.n()
	older := &feedsvc.Source{ID: "older", URL: staticFeed(t, "older", base, base.Add(-time.Hour)),
		Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
	for round := range 2 {
		if pr := poll(t, in, older); pr.Changed != 0 {
			t.Errorf("round %d: %d older articles written into a full section, want 0", round, pr.Changed)
		}
		tick(t, p)
	}
	if got := version(t, st, "news"); got != v || ch.n() != calls {
		t.Errorf("section version %d -> %d, OnChange calls %d -> %d: want both unchanged", v, got, calls, ch.n())
	}
	newer := &feedsvc.Source{ID: "newer", URL: staticFeed(t, "newer", base.Add(4*time.Hour)),
		Sections: []string{"news"}, Location: time.UTC, Interval: time.Minute}
	if pr := poll(t, in, newer); pr.Changed != 1 {
		t.Errorf("a newer story wrote %d articles, want 1", pr.Changed)
	}
}
