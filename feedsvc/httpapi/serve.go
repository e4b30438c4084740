package httpapi

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// archiveMaxAge is the Cache-Control max-age of complete monthly archives.
const archiveMaxAge = 30 * 24 * time.Hour

// serveEntry writes e with validators, answering conditional requests
// with 304 and gzip-capable clients with the precompressed copy.
func (s *Server) serveEntry(w http.ResponseWriter, r *http.Request, e *entry) {
	body, etag := e.body, e.etag
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag = e.gz, e.gzEtag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", e.contentType)
	h.Set("ETag", etag)
	maxAge := s.MaxAge
	if maxAge <= 0 {
		maxAge = 5 * time.Minute
	}
	if e.archive {
		maxAge = archiveMaxAge
	}
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(maxAge.Seconds())))
	h.Set("X-Content-Type-Options", "nosniff")
	if link := s.linkHeader(e.self); link != "" {
		h.Set("Link", link)
	}
	if !e.lastMod.IsZero() {
		h.Set("Last-Modified", e.lastMod.Format(http.TimeFormat))
	}
	if notModified(r, etag, e.lastMod) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// notModified applies RFC 9110 §13.2.2: If-None-Match (weak comparison)
// wins; If-Modified-Since counts only without it.
func notModified(r *http.Request, etag string, lastMod time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == etag {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || lastMod.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !lastMod.After(t)
}

// acceptsGzip reports whether an Accept-Encoding value allows gzip.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		if !strings.EqualFold(name, "gzip") && name != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// linkHeader advertises the WebSub hubs and the document's self URL.
func (s *Server) linkHeader(self string) string {
	var parts []string
	for _, h := range s.Hubs {
		parts = append(parts, "<"+h+`>; rel="hub"`)
	}
	if self != "" {
		parts = append(parts, "<"+self+`>; rel="self"`)
	}
	return strings.Join(parts, ", ")
}
