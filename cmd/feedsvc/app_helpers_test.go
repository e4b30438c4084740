package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/status"
)

// adminToken is the ADMIN_TOKEN the fault, outage and replica tests set.
const adminToken = "test-admin-token"

// runningApp is one App started by startAppEnv.
type runningApp struct {
	Base string      // http://127.0.0.1:PORT
	Log  *syncBuffer // the App's JSON log lines
	stop func()
}

// Stop cancels the App's context and waits until Run returned.
func (r *runningApp) Stop() { r.stop() }

// startAppEnv runs the whole service like startApp, with extra environment
// variables (FETCH_TIMEOUT, REDIS_URL, ...) and its log captured as JSON
// at info level. store may be nil: the App then opens the store Config
// names (Redis when env sets REDIS_URL).
func startAppEnv(t *testing.T, store feedsvc.Store, file config.File, extra map[string]string) *runningApp {
	t.Helper()
	env := map[string]string{"LISTEN_ADDR": "127.0.0.1:0", "FEEDSVC_ALLOW_PRIVATE_NETWORKS": "true",
		"LOG_LEVEL": "info", "LOG_FORMAT": "json", "ADMIN_TOKEN": adminToken, "DATA_DIR": t.TempDir()}
	for k, v := range extra {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	app := &App{Config: cfg, File: file, Log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo})), Store: store}
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- app.Run(ctx, ready) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Errorf("Run did not return within 30s of cancel")
			}
		})
	}
	t.Cleanup(stop)
	select {
	case addr := <-ready:
		return &runningApp{Base: "http://" + addr, Log: logs, stop: stop}
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(15 * time.Second):
		t.Fatal("service did not start within 15s")
	}
	return nil
}

// syncBuffer is an io.Writer safe for concurrent log handlers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Records decodes every JSON log line written so far.
func (b *syncBuffer) Records(t *testing.T) []map[string]any {
	t.Helper()
	b.mu.Lock()
	data := append([]byte(nil), b.buf.Bytes()...)
	b.mu.Unlock()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("log line is not JSON: %v\n%s", err, sc.Bytes())
		}
		out = append(out, rec)
	}
	return out
}

// Count returns how many log records have the level and msg (either may
// be empty for any) and the source_id.
func (b *syncBuffer) Count(t *testing.T, level, msg, sourceID string) int {
	t.Helper()
	n := 0
	for _, r := range b.Records(t) {
		if (level == "" || r["level"] == level) && (msg == "" || r["msg"] == msg) && r["source_id"] == sourceID {
			n++
		}
	}
	return n
}

// adminDo sends an authenticated admin API request and returns the status.
func adminDo(t *testing.T, method, url, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+adminToken)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

// refresh asks the App at base to poll source id now.
func refresh(t *testing.T, base, id string) {
	t.Helper()
	if code := adminDo(t, "POST", base+"/api/sources/"+id+"/refresh", ""); code != http.StatusAccepted {
		t.Fatalf("refresh %s: got %d, want 202", id, code)
	}
}

// statusReport reads /api/status.
func statusReport(t *testing.T, base string) (status.Report, error) {
	t.Helper()
	resp, b := httpGet(t, base+"/api/status", nil)
	var rep status.Report
	if resp.StatusCode != http.StatusOK {
		return rep, fmt.Errorf("/api/status: %d %s", resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return rep, fmt.Errorf("/api/status: %w", err)
	}
	return rep, nil
}

// sourceStates returns the status of every source by id.
func sourceStates(t *testing.T, base string) map[string]status.SourceStatus {
	t.Helper()
	rep, err := statusReport(t, base)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]status.SourceStatus{}
	for _, s := range rep.Sources {
		out[s.ID] = s
	}
	return out
}

// waitFor polls cond every 100ms until it holds or timeout passes; then
// it fails the test with cond's last explanation.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not reached within %s: %s", what, timeout, why)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
