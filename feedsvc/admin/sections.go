package admin

import (
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// ListSections lists every section.
func (a *API) ListSections(w http.ResponseWriter, r *http.Request) {
	out := a.Catalog.Sections()
	if out == nil {
		out = []feedsvc.Section{}
	}
	writeJSON(w, http.StatusOK, out)
}

// GetSection shows the section named by the path's {slug}.
func (a *API) GetSection(w http.ResponseWriter, r *http.Request) {
	for _, s := range a.Catalog.Sections() {
		if s.Slug == r.PathValue("slug") {
			writeJSON(w, http.StatusOK, s)
			return
		}
	}
	writeError(w, http.StatusNotFound, "no section "+r.PathValue("slug"), "")
}

// CreateSection adds the section in the body (201 with its Location).
func (a *API) CreateSection(w http.ResponseWriter, r *http.Request) {
	a.putSection(w, r, "", true)
}

// UpdateSection replaces the section {slug} with the body.
func (a *API) UpdateSection(w http.ResponseWriter, r *http.Request) {
	a.putSection(w, r, r.PathValue("slug"), false)
}

func (a *API) putSection(w http.ResponseWriter, r *http.Request, slug string, create bool) {
	var sec feedsvc.Section
	if err := decode(w, r, &sec); err != nil {
		a.fail(w, r, err)
		return
	}
	if !create {
		if sec.Slug == "" {
			sec.Slug = slug
		}
		if sec.Slug != slug {
			writeError(w, http.StatusBadRequest, "slug: the body's slug differs from the URL's", "slug")
			return
		}
	}
	if err := a.Catalog.PutSection(r.Context(), sec, create); err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if create {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/sections/"+sec.Slug)
	}
	writeJSON(w, status, sec)
}

// DeleteSection removes the section {slug} (204; 409 while sources use it).
func (a *API) DeleteSection(w http.ResponseWriter, r *http.Request) {
	if err := a.Catalog.DeleteSection(r.Context(), r.PathValue("slug")); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
