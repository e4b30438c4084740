package status

import (
	"context"
	"errors"
	"fmt"
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
	// StoreTimeout bounds each store read of a report (default 1s): once
	// one fails, the report answers with what it has.
	StoreTimeout time.Duration
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

// sectionStatus is a section's health: the worst of its sources.
type sectionStatus struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	Health  string `json:"health"`
	Sources int    `json:"sources"`
}

// Report is the whole status document. Sources holds one page of the
// sources that match the filters, unhealthy first; Sections lists only
// the filtered section when there is a section filter. A page holds at
// most 1000 sources, so the document stays small at any number of them.
type Report struct {
	Generated time.Time       `json:"generated"`
	Healthy   bool            `json:"healthy"`
	Sections  []sectionStatus `json:"sections"`
	// StoreError is set when the store could not be read: health values
	// of the sources not read are "unknown".
	StoreError string `json:"store_error,omitempty"`
	// Counts are the sources per health value among those in scope (the
	// section and text filters; all sources when neither is given).
	Counts  map[string]int `json:"counts"`
	Filter  string         `json:"health_filter,omitempty"`
	Section string         `json:"section_filter,omitempty"`
	Text    string         `json:"text_filter,omitempty"`
	Total   int            `json:"total"` // sources matching every filter
	Page    int            `json:"page"`
	Pages   int            `json:"pages"`
	PerPage int            `json:"per_page"`
	Sources []SourceStatus `json:"sources"`
}

// Health values a status report uses besides the feedsvc ones.
const (
	healthPending = "pending" // never polled yet
	healthUnknown = "unknown" // no health recorded, or the store could not be read
)

// rank orders health values from best to worst.
var rank = map[string]int{feedsvc.HealthOK: 0, healthPending: 1, feedsvc.HealthDrift: 2,
	feedsvc.HealthFailing: 3, feedsvc.HealthBlocked: 4, feedsvc.HealthGone: 5, healthUnknown: 6}

// build reads every source's state and derives section health; q selects
// the page of sources and the health filter.
func (h *Handler) build(ctx context.Context, q query) (Report, error) {
	now := time.Now()
	if h.Now != nil {
		now = h.Now()
	}
	rep := Report{Generated: now.UTC().Truncate(time.Second), Healthy: true, Counts: map[string]int{}}
	all, err := h.read(ctx, now)
	if err != nil {
		rep.StoreError = "store unavailable: " + err.Error()
		rep.Healthy = false
	}
	worst, count := map[string]string{}, map[string]int{}
	for i, ss := range all {
		if q.inScope(&all[i]) {
			rep.Counts[ss.Health]++
		}
		for _, sec := range ss.Sections {
			count[sec]++
			if rank[ss.Health] >= rank[worst[sec]] {
				worst[sec] = ss.Health
			}
		}
		if rank[ss.Health] >= rank[feedsvc.HealthDrift] {
			rep.Healthy = false
		}
	}
	for _, sec := range h.Sections() {
		if q.Section != "" && sec.Slug != q.Section {
			continue
		}
		health := worst[sec.Slug]
		if health == "" {
			health = "no sources"
		}
		rep.Sections = append(rep.Sections, sectionStatus{Slug: sec.Slug, Title: sec.Title, Health: health, Sources: count[sec.Slug]})
	}
	all = slices.DeleteFunc(all, func(s SourceStatus) bool { return !q.inScope(&s) })
	slices.SortStableFunc(all, func(a, b SourceStatus) int {
		if d := rank[b.Health] - rank[a.Health]; d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	q.apply(&rep, all)
	return rep, nil
}

// read returns every source's status. When the store fails, the sources
// not read yet are reported with health "unknown" and the error.
func (h *Handler) read(ctx context.Context, now time.Time) ([]SourceStatus, error) {
	var failed error
	var all []SourceStatus
	for _, src := range h.Sources() {
		st := feedsvc.SourceState{SourceID: src.ID, Health: healthUnknown}
		if failed == nil {
			var err error
			st, err = h.state(ctx, src)
			if err != nil {
				failed = fmt.Errorf("read state of %s: %w", src.ID, err)
				st = feedsvc.SourceState{SourceID: src.ID, Health: healthUnknown}
			}
		}
		ss := SourceStatus{ID: src.ID, URL: redact(src.URL), Sections: src.Sections, SourceState: st, LagSeconds: -1}
		if !st.NewestItem.IsZero() {
			ss.LagSeconds = int64(now.Sub(st.NewestItem).Seconds())
		}
		all = append(all, ss)
	}
	return all, failed
}

// state reads one source's state, redacted for the public views.
func (h *Handler) state(ctx context.Context, src feedsvc.Source) (feedsvc.SourceState, error) {
	timeout := h.StoreTimeout
	if timeout <= 0 {
		timeout = time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	st, err := h.Store.SourceState(ctx, src.ID)
	switch {
	case errors.Is(err, feedsvc.ErrNotFound):
		return feedsvc.SourceState{SourceID: src.ID, Health: healthPending}, nil
	case err != nil:
		return st, err
	case st.Health == "":
		st.Health = healthUnknown
	}
	st.URL = ""
	st.LastError = strings.ReplaceAll(st.LastError, src.URL, redact(src.URL))
	return st, nil
}

// States returns every source's state as the status views see it (for
// the per-health gauges of /metrics).
func (h *Handler) States(ctx context.Context) ([]feedsvc.SourceState, error) {
	all, err := h.read(ctx, time.Now())
	out := make([]feedsvc.SourceState, len(all))
	for i := range all {
		out[i] = all[i].SourceState
	}
	return out, err
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
