package web

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Response headers shared by every document this package serves.
const (
	cacheControl = "public, max-age=60"
	nosniff      = "nosniff"
)

// serve writes body with a strong ETag (a hash of the bytes) and caching
// headers, answering a matching If-None-Match with 304 Not Modified.
// Identical pages hash alike, so replicas agree on validators.
func serve(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	sum := sha256.Sum256(body)
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
	h.Set("X-Content-Type-Options", nosniff)
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", contentType)
	_, _ = w.Write(body)
}

// etagMatch reports whether an If-None-Match header value matches etag,
// using the weak comparison RFC 9110 §13.1.2 prescribes.
func etagMatch(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}

// plain writes a short plain-text response, used for errors.
func plain(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", nosniff)
	w.WriteHeader(code)
	_, _ = w.Write([]byte(msg + "\n"))
}

// fail maps err to a status: 404 for an unknown section, 503 when the
// store is unreachable, else 500. Server-side failures are logged here,
// once.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, errNoSection):
		plain(w, http.StatusNotFound, err.Error())
		return
	case errors.Is(err, feedsvc.ErrUnavailable):
		p.log().Warn("page", "path", r.URL.Path, slog.Any("error", err))
		plain(w, http.StatusServiceUnavailable, "store unavailable")
		return
	}
	p.log().Error("page", "path", r.URL.Path, slog.Any("error", err))
	plain(w, http.StatusInternalServerError, "internal error")
}
