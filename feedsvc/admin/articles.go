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

// takedown returns the takedown service, or answers 404 when none is
// wired (the article and tombstone routes then serve nothing).
func (a *API) takedown(w http.ResponseWriter) (Takedown, bool) {
	if a.Takedown == nil {
		writeError(w, http.StatusNotFound, "takedown API not configured", "")
		return nil, false
	}
	return a.Takedown, true
}

// FindArticle shows the stored article at the ?url= query parameter.
func (a *API) FindArticle(w http.ResponseWriter, r *http.Request) {
	t, ok := a.takedown(w)
	if !ok {
		return
	}
	u := r.URL.Query().Get("url")
	if u == "" {
		writeError(w, http.StatusBadRequest, "url: query parameter required (?url=…)", "url")
		return
	}
	art, err := t.FindURL(r.Context(), u)
	a.answerArticle(w, r, art, err)
}

// GetArticle shows the stored article {id} (410 when taken down).
func (a *API) GetArticle(w http.ResponseWriter, r *http.Request) {
	t, ok := a.takedown(w)
	if !ok {
		return
	}
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

// TakeDown takes the article {id} down and answers its tombstone.
func (a *API) TakeDown(w http.ResponseWriter, r *http.Request) {
	t, ok := a.takedown(w)
	if !ok {
		return
	}
	ts, err := t.Delete(r.Context(), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ts)
}

// ListTombstones lists the articles taken down.
func (a *API) ListTombstones(w http.ResponseWriter, r *http.Request) {
	t, ok := a.takedown(w)
	if !ok {
		return
	}
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

// LiftTombstone lifts the tombstone {id}, so the article may come back.
func (a *API) LiftTombstone(w http.ResponseWriter, r *http.Request) {
	t, ok := a.takedown(w)
	if !ok {
		return
	}
	ts, err := t.Lift(r.Context(), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ts)
}
