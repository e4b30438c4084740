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

// FindArticle shows the stored article at the ?url= query parameter.
func (a *API) FindArticle(w http.ResponseWriter, r *http.Request) {
	t, ok := wired(w, a.Takedown, "takedown")
	if !ok {
		return
	}
	u := r.URL.Query().Get("url")
	if u == "" {
		writeError(w, http.StatusBadRequest, "url: query parameter required (?url=…)", "url")
		return
	}
	art, err := t.FindURL(r.Context(), u)
	a.answer(w, r, art, err)
}

// GetArticle shows the stored article {id} (410 when taken down).
func (a *API) GetArticle(w http.ResponseWriter, r *http.Request) {
	if t, ok := wired(w, a.Takedown, "takedown"); ok {
		art, err := t.Find(r.Context(), r.PathValue("id"))
		a.answer(w, r, art, err)
	}
}

// TakeDown takes the article {id} down and answers its tombstone.
func (a *API) TakeDown(w http.ResponseWriter, r *http.Request) {
	if t, ok := wired(w, a.Takedown, "takedown"); ok {
		ts, err := t.Delete(r.Context(), r.PathValue("id"))
		a.answer(w, r, ts, err)
	}
}

// ListTombstones lists the articles taken down.
func (a *API) ListTombstones(w http.ResponseWriter, r *http.Request) {
	if t, ok := wired(w, a.Takedown, "takedown"); ok {
		ts, err := t.List(r.Context())
		if ts == nil {
			ts = feedsvc.Tombstones{}
		}
		a.answer(w, r, ts, err)
	}
}

// LiftTombstone lifts the tombstone {id}, so the article may come back.
func (a *API) LiftTombstone(w http.ResponseWriter, r *http.Request) {
	if t, ok := wired(w, a.Takedown, "takedown"); ok {
		ts, err := t.Lift(r.Context(), r.PathValue("id"))
		a.answer(w, r, ts, err)
	}
}
