package metrics

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestBuildInfoAndSourceGauges(t *testing.T) {
	m := New()
	m.SetBuild("v1.2.3", "abc123", "go1.26.11")
	var fail bool
	m.WatchSources(func(context.Context) ([]feedsvc.SourceState, error) {
		if fail {
			return nil, errors.New("store down")
		}
		return []feedsvc.SourceState{
			{SourceID: "a", Health: "ok", LastSuccess: time.Unix(1700000000, 500e6)},
			{SourceID: "b", Health: "failing"},
			{SourceID: "c", Health: "ok", LastSuccess: time.Unix(1700000100, 0)},
		}, nil
	})
	scrape := func() string {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		return rec.Body.String()
	}
	body := scrape()
	for _, want := range []string{
		`feedsvc_build_info{commit="abc123",goversion="go1.26.11",version="v1.2.3"} 1`,
		`feedsvc_sources{health="ok"} 2`, `feedsvc_sources{health="failing"} 1`, `feedsvc_sources{health="gone"} 0`,
		`feedsvc_source_last_success_timestamp_seconds{source="a"} 1.7000000005e+09`,
		`feedsvc_source_last_success_timestamp_seconds{source="c"} 1.7000001e+09`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("exposition lacks %s", want)
		}
	}
	if strings.Contains(body, `source="b"`) {
		t.Errorf("a source that never succeeded has a last-success timestamp")
	}
	fail = true
	if body := scrape(); strings.Contains(body, "feedsvc_sources{") || !strings.Contains(body, "feedsvc_build_info") {
		t.Errorf("store error: the scrape should still answer, without source gauges")
	}
}

// Issue 16.4(c): a removed source's per-source series leave /metrics.
func TestForgetSourceDeletesItsSeries(t *testing.T) {
	m := New()
	m.Poll("gone", "ok", time.Second, 3, 0)
	m.Poll("gone", "error", time.Second, 0, 0)
	m.Poll("kept", "ok", time.Second, 1, 0)
	m.ForgetSource("gone")
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	if strings.Contains(body, `source="gone"`) {
		t.Errorf("series of a removed source remain")
	}
	if !strings.Contains(body, `feedsvc_fetches_total{outcome="ok",source="kept"} 1`) || !strings.Contains(body, `feedsvc_items_ingested_total{source="kept"} 1`) {
		t.Errorf("series of a kept source are gone")
	}
}
