package httpapi

import (
	"net/http"
)

// Access says who may call a route.
type Access int

const (
	// Anyone may call the route.
	Anyone Access = iota
	// AnyoneOrPartner: anyone, and partners with their key (Authorization:
	// Bearer or ?key=, checked by the channel handler), who also see their
	// private sections.
	AnyoneOrPartner
	// Operators: clients with METRICS_TOKEN from METRICS_ALLOWED_NETWORKS
	// (Server.Guard).
	Operators
	// StatusReaders: anyone, or with STATUS_PUBLIC=false only clients with
	// ADMIN_TOKEN (Server.Guard).
	StatusReaders
	// Admins: clients with ADMIN_TOKEN (the admin API checks it itself).
	Admins
)

// route is one entry of the route list.
type route struct {
	pattern string // ServeMux pattern: method and path
	who     Access
	handler http.Handler // nil: the part is not wired, the route is not mounted
}

// routes lists every route the service answers, top to bottom. The
// channels are this package's; the rest are the concrete parts
// cmd/feedsvc wires into the Server. WebSub is outbound only: channels
// advertise the hubs in Link headers, the hubs call no route here.
func (s *Server) routes() []route {
	w := s.wired()
	return []route{
		// Probes (load balancers, orchestrators).
		{"GET /healthz", Anyone, http.HandlerFunc(s.healthz)},
		{"GET /readyz", Anyone, http.HandlerFunc(s.readyz)}, // pings the store

		// Channels: RSS, Atom and JSON Feed per section, the combined
		// channel (feedsvc.AllSlug) and monthly archives (RFC 5005).
		{"GET /sections", Anyone, http.HandlerFunc(s.sections)},
		{"GET /sections/{slug}/{format}", AnyoneOrPartner, http.HandlerFunc(s.channel)}, // browsers get the page
		{"GET /sections/{slug}/archive/{month}/{format}", AnyoneOrPartner, http.HandlerFunc(s.archive)},

		// Pages for people (web.Pages): index, section pages, OPML, news sitemaps.
		{"GET /{$}", Anyone, w.index},
		{"GET /sections/{slug}", Anyone, w.page},
		{"GET /opml", Anyone, w.opml},
		{"GET /sections/{slug}/news-sitemap.xml", Anyone, w.sitemap},

		// Operators: Prometheus metrics and the health views (status.Handler).
		{"GET /metrics", Operators, s.Metrics},
		{"GET /status", StatusReaders, w.statusHTML},
		{"GET /api/status", StatusReaders, w.statusJSON},

		// Admin API (admin.API): the catalog's sources and sections.
		{"GET /api/sources", Admins, s.admin(Admin.ListSources)},
		{"POST /api/sources", Admins, s.admin(Admin.CreateSource)},
		{"GET /api/sources/{id}", Admins, s.admin(Admin.GetSource)},
		{"PUT /api/sources/{id}", Admins, s.admin(Admin.UpdateSource)},
		{"DELETE /api/sources/{id}", Admins, s.admin(Admin.DeleteSource)},
		{"POST /api/sources/{id}/refresh", Admins, s.admin(Admin.RefreshSource)},
		{"GET /api/sections", Admins, s.admin(Admin.ListSections)},
		{"POST /api/sections", Admins, s.admin(Admin.CreateSection)},
		{"GET /api/sections/{slug}", Admins, s.admin(Admin.GetSection)},
		{"PUT /api/sections/{slug}", Admins, s.admin(Admin.UpdateSection)},
		{"DELETE /api/sections/{slug}", Admins, s.admin(Admin.DeleteSection)},
		// Partners API: keys, policies, limits, usage.
		{"GET /api/partners", Admins, s.admin(Admin.ListPartners)},
		{"POST /api/partners", Admins, s.admin(Admin.CreatePartner)},
		{"GET /api/partners/{id}", Admins, s.admin(Admin.GetPartner)},
		{"PUT /api/partners/{id}", Admins, s.admin(Admin.UpdatePartner)},
		{"DELETE /api/partners/{id}", Admins, s.admin(Admin.DeletePartner)},
		{"GET /api/partners/{id}/usage", Admins, s.admin(Admin.PartnerUsage)},
		// Takedown: find an article, take it down, lift its tombstone.
		{"GET /api/articles", Admins, s.admin(Admin.FindArticle)}, // ?url=
		{"GET /api/articles/{id}", Admins, s.admin(Admin.GetArticle)},
		{"DELETE /api/articles/{id}", Admins, s.admin(Admin.TakeDown)},
		{"GET /api/tombstones", Admins, s.admin(Admin.ListTombstones)},
		{"DELETE /api/tombstones/{id}", Admins, s.admin(Admin.LiftTombstone)},
	}
}

// Handler returns the routes, each behind the check of who may call it,
// instrumented.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		if rt.handler == nil {
			continue
		}
		h := rt.handler
		if s.Guard != nil {
			h = s.Guard(rt.who, h)
		}
		mux.Handle(rt.pattern, h)
	}
	return s.instrument(mux)
}

// admin is the admin API's handler h behind its token check (nil: the
// API is not wired).
func (s *Server) admin(h func(Admin, http.ResponseWriter, *http.Request)) http.Handler {
	if s.Admin == nil {
		return nil
	}
	a := s.Admin
	return a.Authorize(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h(a, w, r) }))
}

// parts are the handlers of the parts wired into the Server (nil: not
// wired, the route is not mounted).
type parts struct {
	index, page, opml, sitemap, statusHTML, statusJSON http.Handler
}

func (s *Server) wired() parts {
	var w parts
	if s.Pages != nil {
		w.index, w.page = http.HandlerFunc(s.Pages.Index), http.HandlerFunc(s.Pages.Section)
		w.opml, w.sitemap = http.HandlerFunc(s.Pages.OPML), http.HandlerFunc(s.Pages.NewsSitemap)
	}
	if s.Status != nil {
		w.statusHTML, w.statusJSON = http.HandlerFunc(s.Status.HTML), http.HandlerFunc(s.Status.JSON)
	}
	return w
}
