package admin

import (
	"fmt"
	"net/http"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
)

// sourceJSON is a source on the wire: interval as a duration string.
type sourceJSON struct {
	ID       string               `json:"id"`
	URL      string               `json:"url"`
	Kind     string               `json:"kind,omitempty"`
	Sections []string             `json:"sections"`
	Timezone string               `json:"timezone,omitempty"`
	Interval string               `json:"interval,omitempty"`
	Rights   string               `json:"rights,omitempty"`
	Fulltext string               `json:"fulltext,omitempty"`
	List     feedsvc.ListRules    `json:"list"`
	Article  feedsvc.ArticleRules `json:"article"`
}

func toJSON(s feedsvc.Source) sourceJSON {
	return sourceJSON{ID: s.ID, URL: s.URL, Kind: s.Kind, Sections: s.Sections, Timezone: s.Timezone,
		Interval: s.Interval.String(), Rights: s.Rights, Fulltext: s.Fulltext, List: s.List, Article: s.Article}
}

func (j sourceJSON) source() (feedsvc.Source, error) {
	s := feedsvc.Source{ID: j.ID, URL: j.URL, Kind: j.Kind, Sections: j.Sections, Timezone: j.Timezone,
		Rights: j.Rights, Fulltext: j.Fulltext, List: j.List, Article: j.Article}
	if j.Interval != "" {
		d, err := time.ParseDuration(j.Interval)
		if err != nil {
			return s, &catalog.ValidationError{Field: "interval", Err: fmt.Errorf("interval: %q is not a duration like 15m", j.Interval)}
		}
		s.Interval = d
	}
	return s, httpOnly(j.URL) // the rest: config.ValidateSource, through the catalog
}

func (a *API) listSources(w http.ResponseWriter, r *http.Request) {
	out := []sourceJSON{}
	for _, s := range a.Catalog.Sources() {
		out = append(out, toJSON(s))
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

func (a *API) getSource(w http.ResponseWriter, r *http.Request) {
	s, ok := a.findSource(r.PathValue("id"))
	if !ok {
		writeError(w, http.StatusNotFound, "no source "+r.PathValue("id"), "")
		return
	}
	writeJSON(w, http.StatusOK, toJSON(s))
}

func (a *API) createSource(w http.ResponseWriter, r *http.Request) {
	a.putSource(w, r, "", true)
}

func (a *API) updateSource(w http.ResponseWriter, r *http.Request) {
	a.putSource(w, r, r.PathValue("id"), false)
}

func (a *API) putSource(w http.ResponseWriter, r *http.Request, id string, create bool) {
	var j sourceJSON
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
	src, err := j.source()
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
	writeJSON(w, status, toJSON(stored))
}

func (a *API) deleteSource(w http.ResponseWriter, r *http.Request) {
	if err := a.Catalog.DeleteSource(r.Context(), r.PathValue("id")); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) refreshSource(w http.ResponseWriter, r *http.Request) {
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
