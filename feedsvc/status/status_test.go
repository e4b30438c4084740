package status

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

func TestSectionHealthIsWorstOfSources(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	now := time.Date(2023, 11, 15, 12, 0, 0, 0, time.UTC)
	for _, s := range []feedsvc.SourceState{
		{SourceID: "good", Health: feedsvc.HealthOK, NewestItem: now.Add(-time.Hour)},
		{SourceID: "bad", Health: feedsvc.HealthFailing, Failures: 3, LastError: "fetch: 502 <b>"},
		{SourceID: "drifty", Health: feedsvc.HealthDrift, Alarms: []string{"no items (earlier polls yielded up to 9)"}},
	} {
		if err := st.PutSourceState(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	h := &Handler{Store: st, Now: func() time.Time { return now },
		Sections: func() []feedsvc.Section {
			return []feedsvc.Section{{Slug: "a", Title: "A"}, {Slug: "b", Title: "B"}, {Slug: "c", Title: "C"}, {Slug: "d", Title: "D"}}
		},
		Sources: func() []feedsvc.Source {
			return []feedsvc.Source{{ID: "good", Sections: []string{"a", "b"}}, {ID: "bad", Sections: []string{"b"}},
				{ID: "drifty", Sections: []string{"c"}}, {ID: "new", Sections: []string{"c"}}}
		}}
	rep, err := h.build(ctx, query{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range rep.Sections {
		got[s.Slug] = s.Health
	}
	want := map[string]string{"a": "ok", "b": "failing", "c": "drift", "d": "no sources"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("section %s: got %q, want %q", k, got[k], v)
		}
	}
	if rep.Healthy || rep.Sources[0].ID != "bad" {
		t.Errorf("healthy=%v first=%s; want unhealthy with the worst source first", rep.Healthy, rep.Sources[0].ID)
	}
	for _, s := range rep.Sources {
		if s.ID == "good" && s.LagSeconds != 3600 {
			t.Errorf("lag: got %d, want 3600", s.LagSeconds)
		}
	}
	rec := httptest.NewRecorder()
	h.JSON(rec, httptest.NewRequest("GET", "/api/status", nil))
	var decoded Report
	if err := json.Unmarshal(rec.Body.Bytes(), &decoded); err != nil || len(decoded.Sources) != 4 {
		t.Errorf("json: %v %d", err, len(decoded.Sources))
	}
	rec = httptest.NewRecorder()
	h.HTML(rec, httptest.NewRequest("GET", "/status", nil))
	body, _ := io.ReadAll(rec.Body)
	if !strings.Contains(string(body), "no items (earlier polls yielded up to 9)") || strings.Contains(string(body), "<b>") {
		t.Errorf("html page lacks alarms or does not escape errors")
	}
}

func TestStatusRedactsSecrets(t *testing.T) {
	st := memstore.New()
	src := "https://user:pw@feeds.example/rss?key=SECRET"
	if err := st.PutSourceState(context.Background(), feedsvc.SourceState{SourceID: "s", Health: feedsvc.HealthFailing, LastError: "fetch " + src + ": 500"}); err != nil {
		t.Fatal(err)
	}
	h := &Handler{Store: st, Sections: func() []feedsvc.Section { return nil },
		Sources: func() []feedsvc.Source { return []feedsvc.Source{{ID: "s", URL: src}} }}
	rec := httptest.NewRecorder()
	h.JSON(rec, httptest.NewRequest("GET", "/api/status", nil))
	if body := rec.Body.String(); strings.Contains(body, "SECRET") || strings.Contains(body, "pw@") {
		t.Errorf("status leaks credentials: %s", body)
	}
}
