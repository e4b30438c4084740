package status

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Handler serves the status views.
type Handler struct {
	Store    feedsvc.Store
	Sources  func() []feedsvc.Source
	Sections func() []feedsvc.Section
	Now      func() time.Time
}

// SourceStatus is one source's health.
type SourceStatus struct {
	ID       string   `json:"id"`
	URL      string   `json:"url"`
	Sections []string `json:"sections"`
	feedsvc.SourceState
	// LagSeconds is the age of the newest item (freshness lag), -1 when unknown.
	LagSeconds int64 `json:"freshness_lag_seconds"`
}

// SectionStatus is a section's health: the worst of its sources.
type SectionStatus struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	Health  string `json:"health"`
	Sources int    `json:"sources"`
}

// Report is the whole status document.
type Report struct {
	Generated time.Time       `json:"generated"`
	Healthy   bool            `json:"healthy"`
	Sections  []SectionStatus `json:"sections"`
	Sources   []SourceStatus  `json:"sources"`
}

// rank orders health values from best to worst.
var rank = map[string]int{feedsvc.HealthOK: 0, "pending": 1, feedsvc.HealthDrift: 2,
	feedsvc.HealthFailing: 3, feedsvc.HealthBlocked: 4, feedsvc.HealthGone: 5, "unknown": 6}

// Build reads every source's state and derives section health.
func (h *Handler) Build(ctx context.Context) (Report, error) {
	now := time.Now()
	if h.Now != nil {
		now = h.Now()
	}
	rep := Report{Generated: now.UTC().Truncate(time.Second), Healthy: true}
	worst := map[string]string{}
	count := map[string]int{}
	for _, src := range h.Sources() {
		st, err := h.Store.SourceState(ctx, src.ID)
		switch {
		case errors.Is(err, feedsvc.ErrNotFound):
			st = feedsvc.SourceState{SourceID: src.ID, Health: "pending"}
		case err != nil:
			return rep, err
		case st.Health == "":
			st.Health = "unknown"
		}
		st.URL = ""
		st.LastError = strings.ReplaceAll(st.LastError, src.URL, redact(src.URL))
		ss := SourceStatus{ID: src.ID, URL: redact(src.URL), Sections: src.Sections, SourceState: st, LagSeconds: -1}
		if !st.NewestItem.IsZero() {
			ss.LagSeconds = int64(now.Sub(st.NewestItem).Seconds())
		}
		rep.Sources = append(rep.Sources, ss)
		for _, sec := range src.Sections {
			count[sec]++
			if rank[st.Health] >= rank[worst[sec]] {
				worst[sec] = st.Health
			}
		}
		if rank[st.Health] >= rank[feedsvc.HealthDrift] {
			rep.Healthy = false
		}
	}
	for _, sec := range h.Sections() {
		health := worst[sec.Slug]
		if health == "" {
			health = "no sources"
		}
		rep.Sections = append(rep.Sections, SectionStatus{Slug: sec.Slug, Title: sec.Title, Health: health, Sources: count[sec.Slug]})
	}
	slices.SortStableFunc(rep.Sources, func(a, b SourceStatus) int { return rank[b.Health] - rank[a.Health] })
	return rep, nil
}

// redact hides credentials and query parameters (API keys) of a source
// URL on the public status views.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	if u.User != nil {
		u.User = url.User("…")
	}
	if u.RawQuery != "" {
		u.RawQuery = "…"
	}
	return u.String()
}

// JSON serves GET /api/status.
func (h *Handler) JSON(w http.ResponseWriter, r *http.Request) {
	rep, err := h.Build(r.Context())
	if err != nil {
		http.Error(w, "status unavailable: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(rep)
}

//go:embed status.html
var pageSrc string

var page = template.Must(template.New("status").Funcs(template.FuncMap{
	"ago": func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.UTC().Format("2006-01-02 15:04:05Z")
	},
	"lag": func(s int64) string {
		if s < 0 {
			return "–"
		}
		return (time.Duration(s) * time.Second).String()
	},
}).Parse(pageSrc))

// HTML serves GET /status.
func (h *Handler) HTML(w http.ResponseWriter, r *http.Request) {
	rep, err := h.Build(r.Context())
	if err != nil {
		http.Error(w, "status unavailable: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	_ = page.Execute(w, rep)
}
