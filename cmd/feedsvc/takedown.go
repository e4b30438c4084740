package main

import (
	"context"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/admin"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/membership"
	"github.com/feedsvc/feedsvc/feedsvc/metrics"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
	"github.com/feedsvc/feedsvc/feedsvc/takedown"
)

// takedown builds the takedown service: tombstones, removal from every
// section, the render cache told, counted in /metrics.
func (a *App) takedown(store feedsvc.Store, api *httpapi.Server, sched *ingest.Scheduler, m *metrics.Metrics) *takedown.Service {
	return &takedown.Service{Store: store, Canonical: normalize.CanonicalURL, OnChange: api.Purge,
		Refresh: sched.PollNow, Count: m.Takedown, Log: a.Log.With("component", "takedown")}
}

// membership builds the section backfill, or nil when the store cannot
// list its articles.
func (a *App) membership(store feedsvc.Store, cat *catalog.Catalog, api *httpapi.Server) *membership.Reconciler {
	raw := store
	if u, ok := store.(interface{ Unwrap() feedsvc.Store }); ok {
		raw = u.Unwrap()
	}
	d, ok := raw.(feedsvc.Dumper)
	if !ok {
		a.Log.Warn("membership backfill off: the store cannot list its articles")
		return nil
	}
	base := retention.Policy{}
	if a.Config.RedisURL != "" {
		base = retention.RedisDefault
	}
	def := retention.Defaults(base, a.Config.Retain, a.Config.RetainItems)
	keep := func(slug string, art *feedsvc.Article) bool {
		for _, sec := range cat.Sections() {
			if sec.Slug == slug {
				age := retention.For(sec, def).MaxAge
				return age <= 0 || art.SortTime().After(time.Now().Add(-age))
			}
		}
		return false
	}
	r := &membership.Reconciler{Store: store, Dump: d, Sources: cat.SourcesAt, Keep: keep,
		OnChange: api.Invalidate, Log: a.Log.With("component", "membership")}
	r.Init()
	return r
}

// refreshers tells several parts of a source change (admin PUT).
type refreshers []admin.Refresher

func (rs refreshers) PollNow(id string) {
	for _, r := range rs {
		r.PollNow(id)
	}
}

// runMembership runs r until ctx ends (nothing when r is nil).
func runMembership(r *membership.Reconciler) func(context.Context) {
	return func(ctx context.Context) {
		if r != nil {
			r.Run(ctx)
		}
	}
}
