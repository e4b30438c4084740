package httpapi

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// archiveMaxAge is the Cache-Control max-age of complete monthly archives.
const archiveMaxAge = 30 * 24 * time.Hour

// headers are an entry's precomputed response headers (identity and
// gzip), assigned without canonicalisation on the hot path.
type headers struct {
	plain, gzip http.Header
}

// prepare computes e's response headers once (the entry is immutable).
func (s *Server) prepare(e *entry) {
	maxAge := s.MaxAge
	if maxAge <= 0 {
		maxAge = 5 * time.Minute
	}
	if e.archive {
		maxAge = archiveMaxAge
	}
	vary := "Accept-Encoding"
	if s.HTML != nil {
		vary = "Accept, Accept-Encoding" // browsers get the HTML page at the same URL
	}
	common := http.Header{
		"Vary":                   {vary},
		"Content-Type":           {e.contentType},
		"Cache-Control":          {"public, max-age=" + strconv.Itoa(int(maxAge.Seconds()))},
		"X-Content-Type-Options": {"nosniff"},
	}
	if link := s.linkHeader(e.self); link != "" {
		common["Link"] = []string{link}
	}
	if !e.lastMod.IsZero() {
		common["Last-Modified"] = []string{e.lastMod.Format(http.TimeFormat)}
	}
	plain, gz := common.Clone(), common.Clone()
	plain["Etag"] = []string{e.etag}
	gz["Etag"] = []string{e.gzEtag}
	gz["Content-Encoding"] = []string{"gzip"}
	plain["Content-Length"] = []string{strconv.Itoa(len(e.body))}
	gz["Content-Length"] = []string{strconv.Itoa(len(e.gz))}
	e.hdr = headers{plain: plain, gzip: gz}
}

// serveEntry writes e with validators, answering conditional requests
// with 304 and gzip-capable clients with the precompressed copy.
func (s *Server) serveEntry(w http.ResponseWriter, r *http.Request, e *entry) {
	body, etag, src := e.body, e.etag, e.hdr.plain
	if len(e.gz) > 0 && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag, src = e.gz, e.gzEtag, e.hdr.gzip
	}
	h := w.Header()
	for k, v := range src {
		h[k] = v
	}
	if notModified(r, etag, e.lastMod) {
		delete(h, "Content-Encoding")
		delete(h, "Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return
	}
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
