package admin

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// fakeTakedown knows article "a1" at URL u1 and a tombstone for "gone".
type fakeTakedown struct{ deleted []string }

func (f *fakeTakedown) Find(_ context.Context, id string) (feedsvc.Article, error) {
	switch id {
	case "a1":
		return feedsvc.Article{ID: "a1", URL: "https://n.example/u1"}, nil
	case "gone":
		return feedsvc.Article{}, fmt.Errorf("article %s: %w", id, feedsvc.ErrGone)
	case "down":
		return feedsvc.Article{}, fmt.Errorf("article %s: %w", id, feedsvc.ErrUnavailable)
	case "bug":
		return feedsvc.Article{}, fmt.Errorf("article %s: decoding failed", id)
	}
	return feedsvc.Article{}, fmt.Errorf("article %s: %w", id, feedsvc.ErrNotFound)
}

func (f *fakeTakedown) FindURL(ctx context.Context, u string) (feedsvc.Article, error) {
	if u == "https://n.example/u1" {
		return f.Find(ctx, "a1")
	}
	return feedsvc.Article{}, fmt.Errorf("url %s: %w", u, feedsvc.ErrNotFound)
}

func (f *fakeTakedown) Delete(_ context.Context, id string) (feedsvc.Tombstone, error) {
	f.deleted = append(f.deleted, id)
	return feedsvc.Tombstone{ID: id}, nil
}

func (f *fakeTakedown) Lift(_ context.Context, id string) (feedsvc.Tombstone, error) {
	return feedsvc.Tombstone{}, fmt.Errorf("tombstone %s: %w", id, feedsvc.ErrNotFound)
}

func (f *fakeTakedown) List(context.Context) (feedsvc.Tombstones, error) { return nil, nil }

// TestArticleRoutes: the takedown routes need the token and map errors to
// statuses (unknown 404, taken down 410, missing url 400, store down 503
// — it was 500 before the admin API used respond.Status —, a bug 500).
func TestArticleRoutes(t *testing.T) {
	f := &fakeTakedown{}
	mux := serve(&API{Token: "tok", Takedown: f})
	tests := []struct {
		name, method, target, token string
		want                        int
	}{
		{"no token", "DELETE", "/api/articles/a1", "", http.StatusUnauthorized},
		{"wrong token", "GET", "/api/tombstones", "nope", http.StatusUnauthorized},
		{"by url", "GET", "/api/articles?url=https%3A%2F%2Fn.example%2Fu1", "tok", http.StatusOK},
		{"no url", "GET", "/api/articles", "tok", http.StatusBadRequest},
		{"unknown url", "GET", "/api/articles?url=https%3A%2F%2Fx.example%2F", "tok", http.StatusNotFound},
		{"by id", "GET", "/api/articles/a1", "tok", http.StatusOK},
		{"taken down", "GET", "/api/articles/gone", "tok", http.StatusGone},
		{"store down", "GET", "/api/articles/down", "tok", http.StatusServiceUnavailable},
		{"internal", "GET", "/api/articles/bug", "tok", http.StatusInternalServerError},
		{"delete", "DELETE", "/api/articles/a1", "tok", http.StatusOK},
		{"list", "GET", "/api/tombstones", "tok", http.StatusOK},
		{"lift unknown", "DELETE", "/api/tombstones/zz", "tok", http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.target, nil)
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Errorf("got %d, want %d: %s", rec.Code, tc.want, rec.Body)
			}
		})
	}
	if len(f.deleted) != 1 || f.deleted[0] != "a1" {
		t.Errorf("deleted %q, want only the authorized a1", f.deleted)
	}
}

// TestUnwiredPartsAnswer404: an API built without Partners or Takedown
// answers their routes 404 naming the part (after the token check), and
// still serves the catalog.
func TestUnwiredPartsAnswer404(t *testing.T) {
	h, _, _ := newAPI(t, "tk")
	for _, tt := range []struct{ method, target, part string }{
		{"GET", "/api/partners", "partners"},
		{"POST", "/api/partners", "partners"},
		{"GET", "/api/partners/p/usage", "partners"},
		{"GET", "/api/articles/a1", "takedown"},
		{"DELETE", "/api/tombstones/x", "takedown"},
	} {
		code, body := do(t, h, tt.method, tt.target, "tk", "")
		if want := tt.part + " API not configured"; code != http.StatusNotFound || body["error"] != want {
			t.Errorf("%s %s: got %d %v, want 404 %q", tt.method, tt.target, code, body, want)
		}
		if code, _ := do(t, h, tt.method, tt.target, "", ""); code != http.StatusUnauthorized {
			t.Errorf("%s %s without the token: got %d, want 401", tt.method, tt.target, code)
		}
	}
	if code, _ := do(t, h, "GET", "/api/sources", "tk", ""); code != http.StatusOK {
		t.Errorf("sources: got %d, want 200", code)
	}
}
