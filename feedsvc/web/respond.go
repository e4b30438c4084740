package web

import (
	"net/http"
	"time"

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

// fail answers err (respond.Status decides the status): an unknown
// section is 404, an unreachable store 503, anything else 500.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, err error) {
	respond.Fail(w, r, p.log(), err, "store")
}
