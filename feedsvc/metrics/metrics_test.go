package metrics

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

func TestExposition(t *testing.T) {
	m := New()
	m.Poll("src-a", "ok", 120*time.Millisecond, 3, 1)
	m.Poll("src-a", "error", time.Second, 0, 0)
	m.CacheLookup(true)
	m.CacheLookup(false)
	m.Rendered("atom", 2*time.Millisecond)
	m.Request("channel", 304, time.Millisecond)
	m.WebSub("https://hub/", false)
	m.ServedStale()
	m.StoreError()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	out := string(b)
	for _, want := range []string{
		`feedsvc_fetches_total{outcome="ok",source="src-a"} 1`,
		`feedsvc_fetches_total{outcome="error",source="src-a"} 1`,
		`feedsvc_items_ingested_total{source="src-a"} 3`,
		`feedsvc_dedupe_hits_total 1`,
		`feedsvc_render_cache_lookups_total{result="hit"} 1`,
		`feedsvc_renders_total{format="atom"} 1`,
		`feedsvc_http_requests_total{route="channel",status="304"} 1`,
		`feedsvc_websub_pings_total{outcome="failed"} 1`,
		`feedsvc_stale_served_total 1`,
		`feedsvc_store_errors_total 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestStoreErrorsCounted(t *testing.T) {
	m := New()
	st := m.Store(memstore.New())
	ctx := context.Background()
	if _, err := st.SourceState(ctx, "missing"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Fatal(err)
	}
	if err := st.PutSourceState(ctx, feedsvc.SourceState{}); err == nil { // no SourceID: invalid
		t.Fatal("want an error")
	}
	_ = st.Close()
	if err := st.Ping(ctx); err == nil {
		t.Fatal("closed store answered")
	}
	if got := testutil.ToFloat64(m.storeErrors); got != 2 {
		t.Errorf("store errors: got %v, want 2 (not-found is not an error)", got)
	}
}
