package httpapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
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
		{"GET /api/sources", Admins, s.admin("GET /api/sources")},
		{"POST /api/sources", Admins, s.admin("POST /api/sources")},
		{"GET /api/sources/{id}", Admins, s.admin("GET /api/sources/{id}")},
		{"PUT /api/sources/{id}", Admins, s.admin("PUT /api/sources/{id}")},
		{"DELETE /api/sources/{id}", Admins, s.admin("DELETE /api/sources/{id}")},
		{"POST /api/sources/{id}/refresh", Admins, s.admin("POST /api/sources/{id}/refresh")},
		{"GET /api/sections", Admins, s.admin("GET /api/sections")},
		{"POST /api/sections", Admins, s.admin("POST /api/sections")},
		{"GET /api/sections/{slug}", Admins, s.admin("GET /api/sections/{slug}")},
		{"PUT /api/sections/{slug}", Admins, s.admin("PUT /api/sections/{slug}")},
		{"DELETE /api/sections/{slug}", Admins, s.admin("DELETE /api/sections/{slug}")},
		// Partners API: keys, policies, limits, usage.
		{"GET /api/partners", Admins, s.admin("GET /api/partners")},
		{"POST /api/partners", Admins, s.admin("POST /api/partners")},
		{"GET /api/partners/{id}", Admins, s.admin("GET /api/partners/{id}")},
		{"PUT /api/partners/{id}", Admins, s.admin("PUT /api/partners/{id}")},
		{"DELETE /api/partners/{id}", Admins, s.admin("DELETE /api/partners/{id}")},
		{"GET /api/partners/{id}/usage", Admins, s.admin("GET /api/partners/{id}/usage")},
		// Takedown: find an article, take it down, lift its tombstone.
		{"GET /api/articles", Admins, s.admin("GET /api/articles")}, // ?url=
		{"GET /api/articles/{id}", Admins, s.admin("GET /api/articles/{id}")},
		{"DELETE /api/articles/{id}", Admins, s.admin("DELETE /api/articles/{id}")},
		{"GET /api/tombstones", Admins, s.admin("GET /api/tombstones")},
		{"DELETE /api/tombstones/{id}", Admins, s.admin("DELETE /api/tombstones/{id}")},
	}
}

// Handler returns the routes, each behind the check of who may call it,
// instrumented. It panics when Admin serves a pattern the list lacks: no
// route is answered that the list does not name.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	listed := map[string]bool{}
	for _, rt := range s.routes() {
		listed[rt.pattern] = true
		if rt.handler == nil {
			continue
		}
		h := rt.handler
		if s.Guard != nil {
			h = s.Guard(rt.who, h)
		}
		mux.Handle(rt.pattern, h)
	}
	var extra []string
	for p := range s.Admin {
		if !listed[p] {
			extra = append(extra, p)
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		panic(fmt.Sprintf("httpapi: admin routes missing from the route list: %s", strings.Join(extra, ", ")))
	}
	return s.instrument(mux)
}

// admin is the admin API's handler of pattern (nil: not served).
func (s *Server) admin(pattern string) http.Handler {
	if h, ok := s.Admin[pattern]; ok {
		return h
	}
	return nil
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
