package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestProbeCmd: the probe child reads section channels until its stdin
// closes and reports every request, counting non-200 answers as errors.
func TestProbeCmd(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "sec-0001/rss") {
			http.Error(w, "gone", http.StatusGone)
			return
		}
		_, _ = io.WriteString(w, "<rss/>")
	}))
	defer srv.Close()
	pr, pw := io.Pipe()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- probeCmd([]string{"-base", srv.URL, "-sections", "2"}, pr, &out) }()
	time.Sleep(600 * time.Millisecond)
	_ = pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var r probeResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("probe output %q: %v", out.String(), err)
	}
	if len(r.LatenciesNs)+r.Errors < 4 {
		t.Fatalf("probe made %d requests in 600 ms, want at least 4", len(r.LatenciesNs)+r.Errors)
	}
	if len(r.LatenciesNs) == 0 || r.Errors == 0 {
		t.Errorf("ok %d, errors %d: want both sections' answers counted (sec-0000 ok, sec-0001 an error)", len(r.LatenciesNs), r.Errors)
	}
	for _, ns := range r.LatenciesNs {
		if ns <= 0 || ns > int64(10*time.Second) {
			t.Errorf("latency %d ns out of range", ns)
		}
	}
	if err := probeCmd([]string{"-sections", "2"}, strings.NewReader(""), io.Discard); err == nil {
		t.Error("probe without -base: no error")
	}
}
