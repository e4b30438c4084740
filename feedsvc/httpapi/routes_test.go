package httpapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// fakePages answers every page with its name.
type fakePages struct{}

func (fakePages) Index(w http.ResponseWriter, r *http.Request)   { respond.Plain(w, 200, "index") }
func (fakePages) Section(w http.ResponseWriter, r *http.Request) { respond.Plain(w, 200, "page") }
func (fakePages) OPML(w http.ResponseWriter, r *http.Request)    { respond.Plain(w, 200, "opml") }
func (fakePages) NewsSitemap(w http.ResponseWriter, r *http.Request) {
	respond.Plain(w, 200, "sitemap")
}

type fakeStatus struct{}

func (fakeStatus) HTML(w http.ResponseWriter, r *http.Request) { respond.Plain(w, 200, "status html") }
func (fakeStatus) JSON(w http.ResponseWriter, r *http.Request) { respond.Plain(w, 200, "status json") }

func named(name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { respond.Plain(w, 200, name) })
}

// fakeAdmin answers each admin handler with its name, behind an
// Authorize that marks what it let through.
type fakeAdmin struct{}

func (fakeAdmin) Authorize(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Authorized", "yes")
		next.ServeHTTP(w, r)
	})
}

func (fakeAdmin) say(w http.ResponseWriter, name string) { respond.Plain(w, 200, "admin "+name) }

func (f fakeAdmin) ListSources(w http.ResponseWriter, r *http.Request)    { f.say(w, "ListSources") }
func (f fakeAdmin) CreateSource(w http.ResponseWriter, r *http.Request)   { f.say(w, "CreateSource") }
func (f fakeAdmin) GetSource(w http.ResponseWriter, r *http.Request)      { f.say(w, "GetSource") }
func (f fakeAdmin) UpdateSource(w http.ResponseWriter, r *http.Request)   { f.say(w, "UpdateSource") }
func (f fakeAdmin) DeleteSource(w http.ResponseWriter, r *http.Request)   { f.say(w, "DeleteSource") }
func (f fakeAdmin) RefreshSource(w http.ResponseWriter, r *http.Request)  { f.say(w, "RefreshSource") }
func (f fakeAdmin) ListSections(w http.ResponseWriter, r *http.Request)   { f.say(w, "ListSections") }
func (f fakeAdmin) CreateSection(w http.ResponseWriter, r *http.Request)  { f.say(w, "CreateSection") }
func (f fakeAdmin) GetSection(w http.ResponseWriter, r *http.Request)     { f.say(w, "GetSection") }
func (f fakeAdmin) UpdateSection(w http.ResponseWriter, r *http.Request)  { f.say(w, "UpdateSection") }
func (f fakeAdmin) DeleteSection(w http.ResponseWriter, r *http.Request)  { f.say(w, "DeleteSection") }
func (f fakeAdmin) ListPartners(w http.ResponseWriter, r *http.Request)   { f.say(w, "ListPartners") }
func (f fakeAdmin) CreatePartner(w http.ResponseWriter, r *http.Request)  { f.say(w, "CreatePartner") }
func (f fakeAdmin) GetPartner(w http.ResponseWriter, r *http.Request)     { f.say(w, "GetPartner") }
func (f fakeAdmin) UpdatePartner(w http.ResponseWriter, r *http.Request)  { f.say(w, "UpdatePartner") }
func (f fakeAdmin) DeletePartner(w http.ResponseWriter, r *http.Request)  { f.say(w, "DeletePartner") }
func (f fakeAdmin) PartnerUsage(w http.ResponseWriter, r *http.Request)   { f.say(w, "PartnerUsage") }
func (f fakeAdmin) FindArticle(w http.ResponseWriter, r *http.Request)    { f.say(w, "FindArticle") }
func (f fakeAdmin) GetArticle(w http.ResponseWriter, r *http.Request)     { f.say(w, "GetArticle") }
func (f fakeAdmin) TakeDown(w http.ResponseWriter, r *http.Request)       { f.say(w, "TakeDown") }
func (f fakeAdmin) ListTombstones(w http.ResponseWriter, r *http.Request) { f.say(w, "ListTombstones") }
func (f fakeAdmin) LiftTombstone(w http.ResponseWriter, r *http.Request)  { f.say(w, "LiftTombstone") }

// requestFor is a request that pattern matches: each {wildcard} filled
// with a value its handler accepts.
func requestFor(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	return method, strings.NewReplacer("{$}", "", "{slug}", "ent", "{month}", "2023-11",
		"{format}", "rss", "{id}", "x").Replace(path)
}

// TestRouteList requests one URL of each route and checks which part
// answers it and that it went through the guard of its Access.
func TestRouteList(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	s.Pages, s.Status, s.Metrics, s.Admin = fakePages{}, fakeStatus{}, named("metrics"), fakeAdmin{}
	var guarded []string
	s.Guard = func(who Access, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			guarded = append(guarded, r.Pattern+"="+[]string{"anyone", "partner", "operators", "status", "admins"}[who])
			h.ServeHTTP(w, r)
		})
	}
	h := s.Handler()
	for _, tt := range []struct{ method, target, body, guard string }{
		{"GET", "/healthz", "ok", "anyone"},
		{"GET", "/sections/ent/rss", "rss self=", "partner"},
		{"GET", "/sections/ent/archive/2023-11/rss", "rss self=", "partner"},
		{"GET", "/", "index", "anyone"},
		{"GET", "/sections/ent", "page", "anyone"},
		{"GET", "/opml", "opml", "anyone"},
		{"GET", "/sections/ent/news-sitemap.xml", "sitemap", "anyone"},
		{"GET", "/metrics", "metrics", "operators"},
		{"GET", "/status", "status html", "status"},
		{"GET", "/api/status", "status json", "status"},
		{"GET", "/api/sources", "admin ListSources", "admins"},
		{"POST", "/api/sources/x/refresh", "admin RefreshSource", "admins"},
		{"DELETE", "/api/sections/ent", "admin DeleteSection", "admins"},
		{"GET", "/api/partners/p/usage", "admin PartnerUsage", "admins"},
		{"GET", "/api/articles", "admin FindArticle", "admins"},
		{"DELETE", "/api/tombstones/x", "admin LiftTombstone", "admins"},
	} {
		guarded = nil
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.target, nil))
		r := rec.Result()
		b, _ := io.ReadAll(r.Body)
		if r.StatusCode != 200 || !strings.HasPrefix(string(b), tt.body) {
			t.Errorf("%s %s: got %d %q, want %q", tt.method, tt.target, r.StatusCode, b, tt.body)
		}
		if len(guarded) != 1 || !strings.HasSuffix(guarded[0], "="+tt.guard) {
			t.Errorf("%s %s: guards %v, want one %q", tt.method, tt.target, guarded, tt.guard)
		}
		if admin := tt.guard == "admins"; admin != (r.Header.Get("X-Authorized") == "yes") {
			t.Errorf("%s %s: behind Admin.Authorize %v, want %v", tt.method, tt.target, !admin, admin)
		}
	}
}

// TestEveryRouteServed: with every part wired, each route of the list is
// mounted under its own pattern, answers through its guard (admin routes
// also behind Authorize), and no two admin routes share a handler.
func TestEveryRouteServed(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	s.Pages, s.Status, s.Metrics, s.Admin = fakePages{}, fakeStatus{}, named("metrics"), fakeAdmin{}
	var matched string
	s.Guard = func(who Access, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			matched = r.Pattern
			h.ServeHTTP(w, r)
		})
	}
	h := s.Handler()
	adminBodies := map[string]string{}
	for _, rt := range s.routes() {
		if rt.handler == nil {
			t.Errorf("%s: not mounted with every part wired", rt.pattern)
			continue
		}
		matched = ""
		method, path := requestFor(rt.pattern)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
		if matched != rt.pattern || rec.Code != 200 {
			t.Errorf("%s %s: pattern %q answered %d, want %q with 200", method, path, matched, rec.Code, rt.pattern)
		}
		if rt.who != Admins {
			continue
		}
		if rec.Header().Get("X-Authorized") != "yes" {
			t.Errorf("%s: not behind Admin.Authorize", rt.pattern)
		}
		body := rec.Body.String()
		if prev, ok := adminBodies[body]; ok {
			t.Errorf("%s and %s both answered %q", prev, rt.pattern, body)
		}
		adminBodies[body] = rt.pattern
	}
	if n := reflect.TypeFor[Admin]().NumMethod() - 1; len(adminBodies) != n {
		t.Errorf("%d admin routes, want one per handler of Admin (%d)", len(adminBodies), n)
	}
}

// TestUnwiredPartsAreNotMounted: without pages, status, metrics or admin
// their routes are 404 (channels still serve).
func TestUnwiredPartsAreNotMounted(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	h := s.Handler()
	for _, target := range []string{"/", "/opml", "/metrics", "/status", "/api/sources"} {
		if r := get(t, h, target, nil); r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: got %d, want 404", target, r.StatusCode)
		}
	}
	if r := get(t, h, "/sections/ent/rss", map[string]string{"Accept": "text/html"}); r.StatusCode != 200 {
		t.Errorf("channel without pages: %d", r.StatusCode)
	}
}
