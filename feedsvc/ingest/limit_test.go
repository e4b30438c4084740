package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// floodServer answers every request with n items that were never seen
// before (new GUIDs), dated one second apart ending at the request time,
// or a second after the previous answer's newest item when polls come
// faster than one a second (the newest item of the last poll is then
// still the newest of all).
func floodServer(t *testing.T, n int) *httptest.Server {
	var poll atomic.Int64
	var mu sync.Mutex
	var last time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := poll.Add(1)
		mu.Lock()
		now := time.Now().UTC().Truncate(time.Second)
		if !now.After(last) {
			now = last.Add(time.Second)
		}
		last = now
		mu.Unlock()
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Flood</title><link>https://flood.example/</link>`)
		for i := range n {
			fmt.Fprintf(&b, `<item><title>Flood %d-%d</title><link>https://flood.example/%d/%d</link><guid>https://flood.example/%d/%d</guid><pubDate>%s</pubDate><description>item %d of poll %d</description></item>`,
				p, i, p, i, p, i, now.Add(-time.Duration(i)*time.Second).Format(time.RFC1123Z), i, p)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(b.String()))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// Issue 15.5: a source returning 10k new GUIDs every poll stores at most
// max_items per poll (newest first), and the heap stays roughly flat.
func TestFloodingSourceIsCappedPerPoll(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		// 10k new items a poll (50× max_items): before the cap the heap
		// grew ~9 MB a poll, ~37 MB over the 4 polls measured.
		srv := floodServer(t, 10000)
		in := newIngester(st)
		// 10k items are a 2.5 MB body: a loaded -race run needs more than
		// the 5 s the other tests allow.
		in.Pipeline.Fetch = fetch.New(fetch.Options{AllowPrivate: true, Timeout: 2 * time.Minute, MaxBytes: 64 << 20})
		src := source("flood", srv.URL+"/feed.xml")
		var base float64
		const polls = 5
		for i := range polls {
			pr, err := in.Poll(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			if pr.Changed > feedsvc.DefaultMaxItems {
				t.Fatalf("poll %d stored %d articles, want at most max_items=%d", i, pr.Changed, feedsvc.DefaultMaxItems)
			}
			if i == 0 {
				base = heapMB()
			}
		}
		grown := heapMB() - base
		t.Logf("heap after poll 1: %.1f MB; growth over %d more polls: %.1f MB", base, polls-1, grown)
		if grown > 20 {
			t.Errorf("heap grew %.1f MB over %d polls; want it roughly flat", grown, polls-1)
		}
		arts, err := st.SectionArticles(ctx, "news", feedsvc.Query{Limit: 1})
		if err != nil || len(arts) != 1 || !strings.HasPrefix(arts[0].Title, fmt.Sprintf("Flood %d-0", polls)) {
			t.Errorf("newest stored article: %v %v; want the newest item of the last poll", arts, err)
		}
	})
}

// A source's own max_items caps below the default.
func TestMaxItemsPerSource(t *testing.T) {
	ctx := context.Background()
	srv := floodServer(t, 50)
	st := memstore.New()
	in := newIngester(st)
	src := source("flood", srv.URL+"/feed.xml")
	src.MaxItems = 7
	pr, err := in.Poll(ctx, src)
	if err != nil || pr.Changed != 7 || pr.Items != 7 {
		t.Fatalf("poll: %+v %v; want 7 stored", pr, err)
	}
	for _, a := range section(t, st) {
		var p, i int
		fmt.Sscanf(a.Title, "Flood %d-%d", &p, &i)
		if i >= 7 {
			t.Errorf("stored %q, which is not among the 7 newest", a.Title)
		}
	}
}

// Issue 15.5: a flooding source takes at most half of the section's first
// page from the sources that share it.
func TestFloodingSourceTakesAtMostAShareOfTheFirstPage(t *testing.T) {
	eachStore(t, func(t *testing.T, st feedsvc.Store) {
		ctx := context.Background()
		fs := newFeedServer(t)
		in := newIngester(st)
		var quiet []item
		for i := range 40 {
			d := time.Now().Add(-time.Duration(i+1) * time.Hour).UTC().Format(time.RFC1123Z)
			quiet = append(quiet, item{fmt.Sprint("q", i), fmt.Sprint("Quiet ", i), fmt.Sprint("https://quiet.example/", i), d, "<p>quiet</p>"})
		}
		fs.set("/quiet.xml", rss(quiet...), 0)
		if _, err := in.Poll(ctx, source("quiet", fs.URL+"/quiet.xml")); err != nil {
			t.Fatal(err)
		}
		flood := source("flood", floodServer(t, 500).URL+"/feed.xml")
		for range 3 {
			if _, err := in.Poll(ctx, flood); err != nil {
				t.Fatal(err)
			}
		}
		page, err := st.SectionArticles(ctx, "news", feedsvc.Query{Limit: DefaultFirstPage})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range page {
			if a.SourceID == "flood" {
				n++
			}
		}
		if n > DefaultFirstPage/2 {
			t.Errorf("the flooding source holds %d of the first page's %d articles; want at most half", n, len(page))
		}
	})
}

// A section with one source shows that source's whole first page.
func TestShareDoesNotThinASingleSourceSection(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	in := newIngester(st)
	if _, err := in.Poll(ctx, source("flood", floodServer(t, 80).URL+"/feed.xml")); err != nil {
		t.Fatal(err)
	}
	if n := len(section(t, st)); n != 80 {
		t.Errorf("section has %d articles, want all 80", n)
	}
}
