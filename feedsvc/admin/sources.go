package admin

import (
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// ListSources lists every source in its wire form (feedsvc.SourceSpec).
func (a *API) ListSources(w http.ResponseWriter, r *http.Request) {
	out := []feedsvc.SourceSpec{}
	for _, s := range a.Catalog.Sources() {
		out = append(out, s.Spec())
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) findSource(id string) (feedsvc.Source, bool) {
	for _, s := range a.Catalog.Sources() {
		if s.ID == id {
			return s, true
		}
	}
	return feedsvc.Source{}, false
}

// GetSource shows the source named by the path's {id}.
func (a *API) GetSource(w http.ResponseWriter, r *http.Request) {
	s, ok := a.findSource(r.PathValue("id"))
	if !ok {
		writeError(w, http.StatusNotFound, "no source "+r.PathValue("id"), "")
		return
	}
	writeJSON(w, http.StatusOK, s.Spec())
}

// CreateSource adds the source in the body (201 with its Location) and polls it soon.
func (a *API) CreateSource(w http.ResponseWriter, r *http.Request) {
	a.putSource(w, r, "", true)
}

// UpdateSource replaces the source {id} with the body and polls it soon.
func (a *API) UpdateSource(w http.ResponseWriter, r *http.Request) {
	a.putSource(w, r, r.PathValue("id"), false)
}

func (a *API) putSource(w http.ResponseWriter, r *http.Request, id string, create bool) {
	var j feedsvc.SourceSpec
	if err := decode(w, r, &j); err != nil {
		a.fail(w, r, err)
		return
	}
	if !create {
		if j.ID == "" {
			j.ID = id
		}
		if j.ID != id {
			writeError(w, http.StatusBadRequest, "id: the body's id differs from the URL's", "id")
			return
		}
	}
	src, err := j.Source() // validated by the catalog (feedsvc.ValidateSource)
	if err == nil {
		err = a.Catalog.PutSource(r.Context(), src, create)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if a.Refresh != nil {
		a.Refresh.PollNow(src.ID)
	}
	stored, _ := a.findSource(src.ID)
	status := http.StatusOK
	if create {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/sources/"+src.ID)
	}
	writeJSON(w, status, stored.Spec())
}

// DeleteSource removes the source {id} (204).
func (a *API) DeleteSource(w http.ResponseWriter, r *http.Request) {
	if err := a.Catalog.DeleteSource(r.Context(), r.PathValue("id")); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// RefreshSource polls the source {id} soon (202).
func (a *API) RefreshSource(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, ok := a.findSource(id); !ok {
		writeError(w, http.StatusNotFound, "no source "+id, "")
		return
	}
	if a.Refresh != nil {
		a.Refresh.PollNow(id)
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "refresh queued", "source": id})
}
