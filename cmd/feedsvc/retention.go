package main

import (
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
)

// pruner builds the retention loop. The default policy of a section that
// sets none is the store's (Redis: retention.RedisDefault, which bounds
// memory; the embedded stores keep everything) overridden by RETAIN and
// RETAIN_ITEMS; a section's own retain and retain_items override that.
func (a *App) pruner(store feedsvc.Store, cat *catalog.Catalog, api *httpapi.Server) *retention.Pruner {
	def := a.retentionDefault()
	log := a.Log.With("component", "retention")
	log.Info("retention: default policy", "max_age", def.MaxAge.String(), "max_items", def.MaxItems)
	return &retention.Pruner{Store: store, Sections: cat.Sections, Default: def, OnChange: api.Invalidate, Log: log}
}

// retentionDefault is the policy of a section that sets none.
func (a *App) retentionDefault() retention.Policy {
	base := retention.Policy{}
	if a.Config.RedisURL != "" {
		base = retention.RedisDefault
	}
	return retention.Defaults(base, a.Config.Retain, a.Config.RetainItems)
}

// admit lets ingest skip what the pruner would remove at once.
func (a *App) admit(store feedsvc.Store, cat *catalog.Catalog) ingest.Admit {
	return (&retention.Pruner{Store: store, Sections: cat.Sections, Default: a.retentionDefault()}).Admit
}
