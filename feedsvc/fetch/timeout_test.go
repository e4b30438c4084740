package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A body that drips past the client's timeout fails with an error that
// says "timeout" (operators read it in /status).
func TestGetBodyTimeoutSaysTimeout(t *testing.T) {
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		for range 100 {
			_, _ = w.Write([]byte("<"))
			w.(http.Flusher).Flush()
			select {
			case <-time.After(50 * time.Millisecond):
			case <-done:
				return
			case <-r.Context().Done():
				return
			}
		}
	}))
	defer srv.Close()
	defer close(done)
	_, err := local(Options{Timeout: 300 * time.Millisecond}).Get(context.Background(), Request{URL: srv.URL})
	if err == nil || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("got %v, want an error mentioning timeout", err)
	}
}
