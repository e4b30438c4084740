package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestServeDirPlaceholderImages(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "real.jpg"), []byte("not a placeholder"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(withPlaceholders(dir, http.FileServer(http.Dir(dir))))
	defer srv.Close()
	for _, tc := range []struct {
		method, path string
		status       int
		ctype        string
		length       int
	}{
		{http.MethodHead, "/img/2025/11/20/900100.jpg", 200, "image/jpeg", len(placeholderJPEG())},
		{http.MethodGet, "/site1/img/a.jpg", 200, "image/jpeg", len(placeholderJPEG())},
		{http.MethodGet, "/real.jpg", 200, "image/jpeg", len("not a placeholder")},
		{http.MethodGet, "/missing.xml", 404, "", -1},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, resp.StatusCode, tc.status)
			continue
		}
		if tc.ctype != "" && resp.Header.Get("Content-Type") != tc.ctype {
			t.Errorf("%s %s: type %q, want %q", tc.method, tc.path, resp.Header.Get("Content-Type"), tc.ctype)
		}
		if tc.length >= 0 && resp.Header.Get("Content-Length") != strconv.Itoa(tc.length) {
			t.Errorf("%s %s: length %s, want %d", tc.method, tc.path, resp.Header.Get("Content-Length"), tc.length)
		}
	}
}
