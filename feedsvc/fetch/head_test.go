package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHead(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			t.Errorf("method %s, want HEAD", r.Method)
		}
		if r.URL.Path == "/missing.jpg" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/JPEG; charset=binary")
		w.Header().Set("Content-Length", "12345")
	}))
	defer srv.Close()
	c := New(Options{AllowPrivate: true})
	ct, n, err := c.Head(context.Background(), srv.URL+"/a.jpg")
	if err != nil || ct != "image/jpeg" || n != 12345 {
		t.Errorf("got %q %d %v, want image/jpeg 12345", ct, n, err)
	}
	var he *HTTPError
	if _, _, err := c.Head(context.Background(), srv.URL+"/missing.jpg"); !errors.As(err, &he) || he.StatusCode != 404 {
		t.Errorf("missing: got %v", err)
	}
	if _, _, err := New(Options{}).Head(context.Background(), srv.URL+"/a.jpg"); err == nil {
		t.Errorf("private address allowed by default")
	}
	if _, _, err := c.Head(context.Background(), "file:///etc/passwd"); err == nil {
		t.Errorf("file URL accepted")
	}
}
