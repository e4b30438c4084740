package main

import (
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
)

// pruner builds the retention loop. The default policy of a section that
// sets none is the store's (Redis: retention.RedisDefault, which bounds
// memory; the embedded stores keep everything) overridden by RETAIN and
// RETAIN_ITEMS; a section's own retain and retain_items override that.
func (a *App) pruner(store feedsvc.Store, cat *catalog.Catalog, api *httpapi.Server) *retention.Pruner {
	base := retention.Policy{}
	if a.Config.RedisURL != "" {
		base = retention.RedisDefault
	}
	def := retention.Defaults(base, a.Config.Retain, a.Config.RetainItems)
	log := a.Log.With("component", "retention")
	log.Info("retention: default policy", "max_age", def.MaxAge.String(), "max_items", def.MaxItems)
	return &retention.Pruner{Store: store, Sections: cat.Sections, Default: def, OnChange: api.Invalidate, Log: log}
}
