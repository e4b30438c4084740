package httpapi

import (
	"net/http"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// maxURLLen bounds the request target (path and query) in bytes.
const maxURLLen = 2048

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
		sw := &countingWriter{ResponseWriter: w}
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

// countingWriter remembers the status a handler wrote and counts the
// body bytes.
type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}
