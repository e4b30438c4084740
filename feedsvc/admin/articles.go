package admin

import (
	"context"
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Takedown finds articles, takes them down and lifts tombstones
// (*takedown.Service).
type Takedown interface {
	Find(ctx context.Context, id string) (feedsvc.Article, error)
	FindURL(ctx context.Context, url string) (feedsvc.Article, error)
	Delete(ctx context.Context, id string) (feedsvc.Tombstone, error)
	Lift(ctx context.Context, id string) (feedsvc.Tombstone, error)
	List(ctx context.Context) (feedsvc.Tombstones, error)
}

// ArticleRoutes returns the takedown handlers (admin token required):
// /api/articles and /api/tombstones.
func (a *API) ArticleRoutes(t Takedown) map[string]http.Handler {
	h := map[string]http.HandlerFunc{
		"GET /api/articles":           func(w http.ResponseWriter, r *http.Request) { a.findURL(w, r, t) },
		"GET /api/articles/{id}":      func(w http.ResponseWriter, r *http.Request) { a.findArticle(w, r, t) },
		"DELETE /api/articles/{id}":   func(w http.ResponseWriter, r *http.Request) { a.takeDown(w, r, t) },
		"GET /api/tombstones":         func(w http.ResponseWriter, r *http.Request) { a.listTombstones(w, r, t) },
		"DELETE /api/tombstones/{id}": func(w http.ResponseWriter, r *http.Request) { a.lift(w, r, t) },
	}
	out := make(map[string]http.Handler, len(h))
	for p, f := range h {
		out[p] = a.auth(f)
	}
	return out
}

func (a *API) findURL(w http.ResponseWriter, r *http.Request, t Takedown) {
	u := r.URL.Query().Get("url")
	if u == "" {
		writeError(w, http.StatusBadRequest, "url: query parameter required (?url=…)", "url")
		return
	}
	art, err := t.FindURL(r.Context(), u)
	a.answerArticle(w, r, art, err)
}

func (a *API) findArticle(w http.ResponseWriter, r *http.Request, t Takedown) {
	art, err := t.Find(r.Context(), r.PathValue("id"))
	a.answerArticle(w, r, art, err)
}

func (a *API) answerArticle(w http.ResponseWriter, r *http.Request, art feedsvc.Article, err error) {
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

func (a *API) takeDown(w http.ResponseWriter, r *http.Request, t Takedown) {
	ts, err := t.Delete(r.Context(), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ts)
}

func (a *API) listTombstones(w http.ResponseWriter, r *http.Request, t Takedown) {
	ts, err := t.List(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if ts == nil {
		ts = feedsvc.Tombstones{}
	}
	writeJSON(w, http.StatusOK, ts)
}

func (a *API) lift(w http.ResponseWriter, r *http.Request, t Takedown) {
	ts, err := t.Lift(r.Context(), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ts)
}
