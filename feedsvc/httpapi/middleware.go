package httpapi

import (
	"net/http"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// maxURLLen bounds the request target (path and query) in bytes.
const maxURLLen = 2048

// statusWriter remembers the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// instrument rejects over-long request targets and reports every request
// to the observer by route pattern and status.
func (s *Server) instrument(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if len(r.URL.RequestURI()) > maxURLLen {
			respond.Plain(w, http.StatusRequestURITooLong, "request URL too long")
			s.obs().request("too_long", http.StatusRequestURITooLong, time.Since(start))
			return
		}
		sw := &statusWriter{ResponseWriter: w}
		mux.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.obs().request(route, sw.status, time.Since(start))
	})
}
