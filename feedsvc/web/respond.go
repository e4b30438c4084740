package web

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// maxAge is the Cache-Control max-age of every document this package
// serves.
const maxAge = time.Minute

// serve writes body with a strong ETag (a hash of the bytes) and caching
// headers, answering a matching If-None-Match with 304 Not Modified.
// Identical pages hash alike, so replicas agree on validators.
func serve(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	d := respond.NewDoc(body, nil, time.Time{})
	d.Prepare(respond.Meta{ContentType: contentType, MaxAge: maxAge})
	d.Serve(w, r)
}

// fail maps err to a status: 404 for an unknown section, 503 when the
// store is unreachable, else 500. Server-side failures are logged here,
// once.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, errNoSection):
		respond.Plain(w, http.StatusNotFound, err.Error())
		return
	case errors.Is(err, feedsvc.ErrUnavailable):
		p.log().Warn("page", "path", r.URL.Path, slog.Any("error", err))
		respond.Plain(w, http.StatusServiceUnavailable, "store unavailable")
		return
	}
	p.log().Error("page", "path", r.URL.Path, slog.Any("error", err))
	respond.Plain(w, http.StatusInternalServerError, "internal error")
}
