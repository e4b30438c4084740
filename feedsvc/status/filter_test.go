package status

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// atScale returns a handler over 10,000 sources in 1,000 sections (source
// i in section i mod 1000, on host h(i mod 200)), every seventh failing.
func atScale(t *testing.T) *Handler {
	t.Helper()
	st := memstore.New()
	srcs := make([]feedsvc.Source, 0, 10000)
	secs := make([]feedsvc.Section, 1000)
	for i := range secs {
		secs[i] = feedsvc.Section{Slug: fmt.Sprintf("sec-%04d", i), Title: fmt.Sprintf("Section %d", i)}
	}
	for i := range 10000 {
		id := fmt.Sprintf("src-%05d", i)
		health := feedsvc.HealthOK
		if i%7 == 0 {
			health = feedsvc.HealthFailing
		}
		if err := st.PutSourceState(context.Background(), feedsvc.SourceState{SourceID: id, Health: health,
			LastError: strings.Repeat("e", 100*(i%7/6))}); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, feedsvc.Source{ID: id, URL: fmt.Sprintf("https://h%d.example/feed/%d.xml?key=secret%d", i%200, i, i),
			Sections: []string{secs[i%1000].Slug}})
	}
	return &Handler{Store: st, Sources: func() []feedsvc.Source { return srcs }, Sections: func() []feedsvc.Section { return secs }}
}

// Issue 16.5: at 10,000 sources the views page and filter by health,
// section and text, list the unhealthy first and stay small.
func TestStatusFiltersAtScale(t *testing.T) {
	h := atScale(t)
	rec := httptest.NewRecorder()
	h.JSON(rec, httptest.NewRequest("GET", "/api/status?per_page=1000", nil))
	if n := rec.Body.Len(); n > 2<<20 {
		t.Errorf("/api/status at the largest page is %d bytes, want at most 2 MiB", n)
	}
	rep := getReport(t, h, "/api/status")
	if rep.Total != 10000 || len(rep.Sources) != defaultPerPage || rep.Sources[0].Health != "failing" || rep.Counts["failing"] != 1429 {
		t.Fatalf("all: total %d, %d listed, first %s, counts %v", rep.Total, len(rep.Sources), rep.Sources[0].Health, rep.Counts)
	}
	// section: its 10 sources (i ≡ 42 mod 1000), the failing first, and only its row.
	rep = getReport(t, h, "/api/status?section=sec-0042")
	if rep.Total != 10 || len(rep.Sections) != 1 || rep.Sections[0].Slug != "sec-0042" || rep.Section != "sec-0042" {
		t.Fatalf("section: total %d, sections %v", rep.Total, rep.Sections)
	}
	for i, s := range rep.Sources {
		if s.Sections[0] != "sec-0042" {
			t.Errorf("section filter listed %s of %v", s.ID, s.Sections)
		}
		if i > 0 && rank[s.Health] > rank[rep.Sources[i-1].Health] {
			t.Errorf("%s (%s) after %s (%s): unhealthy not first", s.ID, s.Health, rep.Sources[i-1].ID, rep.Sources[i-1].Health)
		}
	}
	wantFailing := 0
	for i := 42; i < 10000; i += 1000 {
		if i%7 == 0 {
			wantFailing++
		}
	}
	if rep.Counts["failing"] != wantFailing {
		t.Errorf("section counts %v, want %d failing", rep.Counts, wantFailing)
	}
	// text: in the id or the URL, any case; never in the redacted query.
	if rep = getReport(t, h, "/api/status?q=SRC-0999"); rep.Total != 10 { // src-09990 … src-09999
		t.Errorf("q on id: total %d, want 10", rep.Total)
	}
	if rep = getReport(t, h, "/api/status?q=h17.example/"); rep.Total != 50 {
		t.Errorf("q on URL host: total %d, want 50", rep.Total)
	}
	if rep = getReport(t, h, "/api/status?q=secret"); rep.Total != 0 {
		t.Errorf("q matched %d sources on the hidden query string", rep.Total)
	}
	// the section, text and health filters together.
	want := 0
	for i := 7; i < 10000; i += 1000 { // section sec-0007, all on host h7
		if i%7 == 0 {
			want++
		}
	}
	rep = getReport(t, h, "/api/status?q=h7.example&section=sec-0007&health=error")
	if rep.Total != want || rep.Text != "h7.example" || rep.Filter != "error" {
		t.Errorf("combined: total %d, want %d", rep.Total, want)
	}
	for _, bad := range []string{"?q=" + strings.Repeat("x", 201), "?section=%ff"} {
		rec := httptest.NewRecorder()
		h.JSON(rec, httptest.NewRequest("GET", "/api/status"+bad, nil))
		if rec.Code != 400 {
			t.Errorf("%s: status %d, want 400", bad, rec.Code)
		}
	}
}

func TestStatusHTMLAtScale(t *testing.T) {
	h := atScale(t)
	rec := httptest.NewRecorder()
	h.HTML(rec, httptest.NewRequest("GET", "/status", nil))
	body := rec.Body.String()
	if len(body) > 1<<20 {
		t.Errorf("/status is %d bytes at 10,000 sources, want at most 1 MiB", len(body))
	}
	src := body[strings.Index(body, "<h2>Sources</h2>"):]
	if f, o := strings.Index(src, `class="failing">failing`), strings.Index(src, `class="ok">ok`); f < 0 || o >= 0 && o < f {
		t.Errorf("/status does not list the unhealthy first")
	}
	rec = httptest.NewRecorder()
	h.HTML(rec, httptest.NewRequest("GET", "/status?section=sec-0042&q=src&health=error", nil))
	body = rec.Body.String()
	for _, want := range []string{`href="/status?q=src&amp;section=sec-0042">all (10)</a>`, `name="q" value="src"`, `name="section" value="sec-0042"`} {
		if !strings.Contains(body, want) {
			t.Errorf("filtered page lacks %s", want)
		}
	}
	if strings.Contains(body, "sec-0043") {
		t.Errorf("a section filter shows other sections")
	}
}
