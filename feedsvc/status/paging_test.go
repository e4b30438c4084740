package status

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// manySources returns a handler over n sources: every third failing, the
// others ok; source ids are s000, s001, ...
func manySources(t *testing.T, n int) *Handler {
	t.Helper()
	st := memstore.New()
	var srcs []feedsvc.Source
	for i := range n {
		id := fmt.Sprintf("s%03d", i)
		health := feedsvc.HealthOK
		if i%3 == 0 {
			health = feedsvc.HealthFailing
		}
		if err := st.PutSourceState(context.Background(), feedsvc.SourceState{SourceID: id, Health: health}); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, feedsvc.Source{ID: id, URL: "https://e.example/" + id, Sections: []string{"a"}})
	}
	return &Handler{Store: st, Sources: func() []feedsvc.Source { return srcs },
		Sections: func() []feedsvc.Section { return []feedsvc.Section{{Slug: "a", Title: "A"}} }}
}

func getReport(t *testing.T, h *Handler, target string) Report {
	t.Helper()
	rec := httptest.NewRecorder()
	h.JSON(rec, httptest.NewRequest("GET", target, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
	}
	var rep Report
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestStatusPagingAndHealthFilter(t *testing.T) {
	h := manySources(t, 250) // 84 failing (0, 3, ..., 249), 166 ok
	rep := getReport(t, h, "/api/status")
	if rep.Total != 250 || rep.Pages != 3 || len(rep.Sources) != defaultPerPage || rep.Sources[0].Health != "failing" {
		t.Fatalf("first page: total %d pages %d len %d first %s", rep.Total, rep.Pages, len(rep.Sources), rep.Sources[0].Health)
	}
	if rep.Sources[83].Health != "failing" || rep.Sources[84].Health != "ok" {
		t.Errorf("unhealthy sources are not listed first")
	}
	rep = getReport(t, h, "/api/status?health=error&page=2&per_page=50")
	if rep.Total != 84 || rep.Pages != 2 || len(rep.Sources) != 34 || rep.Filter != "error" || rep.Page != 2 {
		t.Fatalf("error page 2: total %d pages %d len %d", rep.Total, rep.Pages, len(rep.Sources))
	}
	if rep.Sources[0].ID != "s150" { // the 51st failing source by id
		t.Errorf("page 2 starts at %s, want s150", rep.Sources[0].ID)
	}
	for _, s := range rep.Sources {
		if s.Health != "failing" {
			t.Errorf("filter error listed %s (%s)", s.ID, s.Health)
		}
	}
	if rep.Counts["ok"] != 166 || rep.Counts["failing"] != 84 {
		t.Errorf("counts: %v", rep.Counts)
	}
	if rep := getReport(t, h, "/api/status?page=9"); len(rep.Sources) != 0 || rep.Total != 250 {
		t.Errorf("page past the end: %d sources", len(rep.Sources))
	}
	for _, bad := range []string{"?health=sad", "?page=0", "?page=x", "?per_page=5000"} {
		rec := httptest.NewRecorder()
		h.JSON(rec, httptest.NewRequest("GET", "/api/status"+bad, nil))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, rec.Code)
		}
	}
}

func TestStatusHTMLNavigation(t *testing.T) {
	h := manySources(t, 250)
	rec := httptest.NewRecorder()
	h.HTML(rec, httptest.NewRequest("GET", "/status?health=error&per_page=50", nil))
	body := rec.Body.String()
	for _, want := range []string{`href="./"`, `href="/status?health=error&amp;page=2&amp;per_page=50" rel="next"`,
		`<strong>error (84)</strong>`, `href="/status?health=ok&amp;per_page=50">ok (166)`, "Page 1 of 2", `"PingFang SC"`, `"Noto Sans CJK SC"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(body, "s001") {
		t.Errorf("filter error shows an ok source")
	}
}

func TestStatusHumanTimes(t *testing.T) {
	for d, want := range map[time.Duration]string{
		42 * time.Second: "42 s", 12 * time.Minute: "12 min", 3*time.Hour + 5*time.Minute: "3 h 5 min", 3 * time.Hour: "3 h",
		(4*24 + 2) * time.Hour: "4 d 2 h", (385*24 + 5) * time.Hour: "1 y 20 d", 26780*time.Hour + 51*time.Minute: "3 y 20 d",
	} {
		if got := human(d); got != want {
			t.Errorf("human(%s) = %q, want %q", d, got, want)
		}
	}
	now := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	st := memstore.New()
	_ = st.PutSourceState(context.Background(), feedsvc.SourceState{SourceID: "x", Health: "ok",
		LastSuccess: now.Add(-3*time.Hour - 5*time.Minute), NewestItem: now.Add(-(385*24 + 5) * time.Hour)})
	h := &Handler{Store: st, Now: func() time.Time { return now }, Sections: func() []feedsvc.Section { return nil },
		Sources: func() []feedsvc.Source { return []feedsvc.Source{{ID: "x", URL: "https://e.example/"}} }}
	rec := httptest.NewRecorder()
	h.HTML(rec, httptest.NewRequest("GET", "/status", nil))
	body := rec.Body.String()
	for _, want := range []string{`<td class="t">2026-01-02 08:55Z <small>(3 h 5 min ago)</small></td>`, `<td class="t">1 y 20 d</td>`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// downStore fails every read as an unreachable Redis does.
type downStore struct{ feedsvc.Store }

func (downStore) SourceState(context.Context, string) (feedsvc.SourceState, error) {
	return feedsvc.SourceState{}, fmt.Errorf("redis: %w", errors.Join(feedsvc.ErrUnavailable, errors.New("connection refused")))
}

func TestStatusAnswersDuringStoreOutage(t *testing.T) {
	h := manySources(t, 5)
	h.Store = downStore{h.Store}
	rep := getReport(t, h, "/api/status")
	if rep.Healthy || !strings.Contains(rep.StoreError, "store unavailable") || len(rep.Sources) != 5 || rep.Sources[0].Health != "unknown" {
		t.Errorf("outage report: healthy %v error %q sources %d", rep.Healthy, rep.StoreError, len(rep.Sources))
	}
	rec := httptest.NewRecorder()
	h.HTML(rec, httptest.NewRequest("GET", "/status", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "store unavailable") {
		t.Errorf("outage page: %d", rec.Code)
	}
}

// hangingStore never answers, as a Redis that stopped responding.
type hangingStore struct{ feedsvc.Store }

func (hangingStore) SourceState(ctx context.Context, _ string) (feedsvc.SourceState, error) {
	<-ctx.Done()
	return feedsvc.SourceState{}, ctx.Err()
}

func TestStatusGivesUpOnAHangingStore(t *testing.T) {
	h := manySources(t, 50)
	h.Store, h.StoreTimeout = hangingStore{h.Store}, 100*time.Millisecond
	start := time.Now()
	rep := getReport(t, h, "/api/status")
	if d := time.Since(start); d > 3*time.Second || rep.StoreError == "" || rep.Total != 50 {
		t.Errorf("took %s, store error %q, %d sources: want one timeout, then the rest unknown", d, rep.StoreError, rep.Total)
	}
}
