package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealthcheck(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	if code, _, errOut := cli(t, map[string]string{"LISTEN_ADDR": addr}, "healthcheck"); code != 0 {
		t.Errorf("healthy via LISTEN_ADDR: exit %d (%s)", code, errOut)
	}
	if code, _, errOut := cli(t, nil, "healthcheck", "-url", srv.URL+"/healthz"); code != 0 {
		t.Errorf("healthy via -url: exit %d (%s)", code, errOut)
	}
	status = http.StatusServiceUnavailable
	if code, _, errOut := cli(t, nil, "healthcheck", "-url", srv.URL+"/healthz"); code != 1 || !strings.Contains(errOut, "503") {
		t.Errorf("unhealthy: exit %d, stderr %q; want 1 naming 503", code, errOut)
	}
	srv.Close()
	if code, _, errOut := cli(t, map[string]string{"LISTEN_ADDR": addr}, "healthcheck"); code != 1 || !strings.Contains(errOut, "refused") {
		t.Errorf("down: exit %d, stderr %q; want 1 with the reason", code, errOut)
	}
}

func TestHealthzURLFromListenAddr(t *testing.T) {
	for listen, want := range map[string]string{"": "http://127.0.0.1:8080/healthz", "0.0.0.0:9000": "http://127.0.0.1:9000/healthz",
		":8081": "http://127.0.0.1:8081/healthz", "[::]:80": "http://[::1]:80/healthz", "10.0.0.5:8080": "http://10.0.0.5:8080/healthz"} {
		if got := healthzURL(listen); got != want {
			t.Errorf("healthzURL(%q) = %q, want %q", listen, got, want)
		}
	}
}
