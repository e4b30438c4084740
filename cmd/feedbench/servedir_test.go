package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

func TestServeDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "feed-1.xml"), []byte("<rss/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := listenLoopback("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveDir(ctx, ln, dir) }()
	base := "http://" + ln.Addr().String()
	for _, tc := range []struct {
		name, path string
		status     int
		body       string
	}{
		{"file", "/feed-1.xml", 200, "<rss/>"},
		{"missing", "/feed-9.xml", 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Get(base + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status || tc.body != "" && string(b) != tc.body {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, b, tc.status, tc.body)
			}
		})
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serveDir after cancel: %v", err)
	}
}

func TestListenLoopbackRefuses(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "nohostport"} {
		if ln, err := listenLoopback(addr, false); err == nil {
			ln.Close()
			t.Errorf("listenLoopback(%q) succeeded", addr)
		}
	}
}
