package httpapi

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// entry is a rendered channel with its gzip copy and validators.
type entry struct {
	body, gz     []byte
	etag, gzEtag string
	contentType  string
	lastMod      time.Time
}

// maxCacheEntries bounds the in-process cache; it is cleared when full.
const maxCacheEntries = 4096

// entry returns the rendered channel for (sec, format, q) at the section's
// current version, rendering it on a miss.
func (s *Server) entry(r *http.Request, sec feedsvc.Section, format string, q pageQuery) (*entry, error) {
	ver, err := s.Store.SectionVersion(r.Context(), sec.Slug)
	if err != nil {
		return nil, fmt.Errorf("section version %s: %w", sec.Slug, err)
	}
	key := strings.Join([]string{sec.Slug, format, strconv.Itoa(q.limit), FormatCursor(q.before), strconv.FormatInt(ver, 10)}, "|")
	s.cacheMu.Lock()
	e := s.cache[key]
	s.cacheMu.Unlock()
	if e != nil {
		return e, nil
	}
	ch, err := s.buildChannel(r, sec, format, q)
	if err != nil {
		return nil, err
	}
	body, err := s.Render.Render(format, ch)
	if err != nil {
		return nil, fmt.Errorf("render %s %s: %w", sec.Slug, format, err)
	}
	e = newEntry(body, s.Render.ContentType(format), ch.Updated)
	s.cacheMu.Lock()
	if s.cache == nil || len(s.cache) >= maxCacheEntries {
		s.cache = map[string]*entry{}
	}
	s.cache[key] = e
	s.cacheMu.Unlock()
	return e, nil
}

func newEntry(body []byte, ctype string, lastMod time.Time) *entry {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(body)
	_ = zw.Close()
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:16])
	return &entry{body: body, gz: buf.Bytes(), etag: `"` + tag + `"`, gzEtag: `"` + tag + `-gz"`,
		contentType: ctype, lastMod: lastMod.UTC().Truncate(time.Second)}
}

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
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(maxAge.Seconds())))
	h.Set("X-Content-Type-Options", "nosniff")
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
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.TrimSpace(name) != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
