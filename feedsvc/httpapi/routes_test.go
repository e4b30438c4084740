package httpapi

import (
	"io"
	"net/http"
	"net/http/httptest"
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

// TestRouteList requests one URL of each route and checks which part
// answers it and that it went through the guard of its Access.
func TestRouteList(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	s.Pages, s.Status, s.Metrics = fakePages{}, fakeStatus{}, named("metrics")
	s.Admin = map[string]http.Handler{}
	for _, rt := range s.routes() {
		if strings.Contains(rt.pattern, " /api/") && !strings.HasSuffix(rt.pattern, "/api/status") {
			s.Admin[rt.pattern] = named("admin " + rt.pattern)
		}
	}
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
		{"POST", "/api/sources/x/refresh", "admin POST /api/sources/{id}/refresh", "admins"},
		{"GET", "/api/partners/p/usage", "admin GET /api/partners/{id}/usage", "admins"},
		{"DELETE", "/api/tombstones/x", "admin DELETE /api/tombstones/{id}", "admins"},
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

// TestUnlistedAdminRoutePanics: a route the list does not name is never
// mounted silently.
func TestUnlistedAdminRoutePanics(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	s.Admin = map[string]http.Handler{"GET /api/secret": named("secret")}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "GET /api/secret") {
			t.Errorf("got %v, want a panic naming the route", r)
		}
	}()
	s.Handler()
}
