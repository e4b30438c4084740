package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// fakeService answers like feedsvc's channel, admin and metrics routes.
type fakeService struct {
	token     string
	failAdmin bool
	puts      atomic.Int64
	refreshes atomic.Int64
}

func (f *fakeService) handler() http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /sections/{slug}/{format}", f.channel)
	mux.HandleFunc("GET /sections/{slug}/archive/{month}/{format}", f.channel)
	mux.HandleFunc("GET /api/sections", f.admin(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `[{"slug":"news","title":"News","description":"d","language":"zh-CN","limit":50}]`)
	}))
	mux.HandleFunc("GET /api/sources", f.admin(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `[{"id":"feed-1","url":"http://127.0.0.1/x","sections":["news"]}]`)
	}))
	mux.HandleFunc("PUT /api/sections/{slug}", f.admin(f.putSection))
	mux.HandleFunc("POST /api/sources/{id}/refresh", f.admin(func(w http.ResponseWriter, r *http.Request) {
		f.refreshes.Add(1)
		w.WriteHeader(http.StatusAccepted)
	}))
	return mux
}

func (f *fakeService) admin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+f.token {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		if f.failAdmin && r.Method != http.MethodGet {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		next(w, r)
	}
}

func (f *fakeService) putSection(w http.ResponseWriter, r *http.Request) {
	var sec struct {
		Slug, Title, Description, Language string
		Limit                              int
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sec); err != nil || sec.Slug != r.PathValue("slug") || !strings.HasPrefix(sec.Description, "load ") || sec.Limit != 50 {
		http.Error(w, fmt.Sprintf("bad section %+v: %v", sec, err), http.StatusBadRequest)
		return
	}
	f.puts.Add(1)
	w.WriteHeader(http.StatusOK)
}

// channel serves a document per URL with a strong ETag, 304s and gzip.
func (f *fakeService) channel(w http.ResponseWriter, r *http.Request) {
	body := []byte("<doc>" + r.URL.String() + "</doc>")
	sum := sha256.Sum256(body)
	etag := fmt.Sprintf(`"%x"`, sum[:8])
	gz := strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
	if gz {
		etag = etag[:len(etag)-1] + `-gz"`
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		_, _ = zw.Write(body)
		_ = zw.Close()
		body = b.Bytes()
		w.Header().Set("Content-Encoding", "gzip")
	}
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	_, _ = w.Write(body)
}

func testOptions(t *testing.T, base string) loadOptions {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	return loadOptions{base: u, token: "secret", conns: 4, duration: 400 * time.Millisecond, settle: 10 * time.Millisecond,
		sampleEvery: 100 * time.Millisecond, timeout: 5 * time.Second, weights: defaultWeights, months: []string{"2025-11"},
		seed: 1, meta: metaFlag{"store": "fake"}}
}

func TestLoadRunClean(t *testing.T) {
	f := &fakeService{token: "secret"}
	srv := httptest.NewServer(f.handler())
	defer srv.Close()
	opts := testOptions(t, srv.URL)
	// Long enough that a loaded -race run still draws both kinds of admin
	// write (each a few percent of the mix).
	opts.duration = 2 * time.Second
	rep, err := loadRun(context.Background(), opts, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Pass || rep.Errors != 0 || len(rep.FirstErrors) != 0 {
		t.Fatalf("pass %t, %d errors: %v", rep.Pass, rep.Errors, rep.FirstErrors)
	}
	var sum int64
	for _, k := range rep.Kinds {
		if k.Requests == 0 {
			t.Errorf("kind %s never ran", k.Kind)
		}
		sum += k.Requests
	}
	if sum != rep.Requests || rep.RequestsPerSec <= 0 || rep.P99Ms < rep.P50Ms {
		t.Errorf("requests %d (kinds sum %d), %v req/s, p50 %v p99 %v", rep.Requests, sum, rep.RequestsPerSec, rep.P50Ms, rep.P99Ms)
	}
	if rep.Kinds[kindCond].Statuses["304"] == 0 {
		t.Errorf("no 304 among conditional reads: %v", rep.Kinds[kindCond].Statuses)
	}
	if f.puts.Load() == 0 || f.refreshes.Load() == 0 {
		t.Errorf("admin writes reached the service: %d PUTs, %d refreshes", f.puts.Load(), f.refreshes.Load())
	}
	if len(rep.Samples) == 0 || rep.Start.Goroutines == 0 || rep.End.Goroutines == 0 || rep.Peak.Goroutines < rep.End.Goroutines {
		t.Errorf("metrics start %+v end %+v peak %+v, %d samples", rep.Start, rep.End, rep.Peak, len(rep.Samples))
	}
}

func TestLoadRunCountsErrors(t *testing.T) {
	f := &fakeService{token: "secret", failAdmin: true}
	srv := httptest.NewServer(f.handler())
	defer srv.Close()
	var log bytes.Buffer
	rep, err := loadRun(context.Background(), testOptions(t, srv.URL), &log)
	if err != nil {
		t.Fatal(err)
	}
	admin := rep.Kinds[kindAdmin]
	if rep.Pass || admin.Errors == 0 || admin.Errors != admin.Requests || rep.Errors != admin.Errors {
		t.Fatalf("pass %t, %d errors, admin %+v", rep.Pass, rep.Errors, admin)
	}
	if n := len(rep.FirstErrors); n == 0 || n > maxLoggedErrors || !strings.Contains(rep.FirstErrors[0], "status 500") {
		t.Errorf("first errors %q", rep.FirstErrors)
	}
	if got := strings.Count(log.String(), "load: error:"); got != len(rep.FirstErrors) {
		t.Errorf("%d errors printed, want %d", got, len(rep.FirstErrors))
	}
}

func TestLoadCmd(t *testing.T) {
	srv := httptest.NewServer((&fakeService{token: "secret"}).handler())
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "load.json")
	var stdout bytes.Buffer
	args := []string{"load", "-base", srv.URL, "-token", "secret", "-c", "2", "-d", "200ms", "-settle", "0s", "-o", out, "-meta", "k=v"}
	if err := run(args, &stdout, io.Discard); err != nil {
		t.Fatalf("load: %v\n%s", err, stdout.String())
	}
	var rep loadReport
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("report %s: %v", b, err)
	}
	if !rep.Pass || rep.Requests == 0 || rep.Connections != 2 || rep.Meta["k"] != "v" || len(rep.Kinds) != int(numKinds) {
		t.Errorf("report %+v", rep)
	}
	for _, want := range []string{"req/s, 0 errors", "conditional", "start", "peak", "end", "pass true"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout.String())
		}
	}
	args = []string{"load", "-base", srv.URL, "-token", "wrong", "-c", "1", "-d", "50ms"}
	if err := run(args, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("wrong token: got %v, want the 401 of discovery", err)
	}
	srvFail := httptest.NewServer((&fakeService{token: "secret", failAdmin: true}).handler())
	defer srvFail.Close()
	args = []string{"load", "-base", srvFail.URL, "-token", "secret", "-c", "2", "-d", "200ms", "-settle", "0s", "-mix", "read=0,admin=1"}
	if err := run(args, io.Discard, io.Discard); !errors.Is(err, errLoadFailed) {
		t.Errorf("failing admin: got %v, want errLoadFailed", err)
	}
}

func TestCheckBase(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		remote   bool
		ok       bool
	}{
		{"ipv4 loopback", "http://127.0.0.1:8080", false, true},
		{"ipv6 loopback", "http://[::1]:8080/", false, true},
		{"localhost", "http://localhost:8080", false, true},
		{"public host", "http://example.com", false, false},
		{"public host with -remote", "https://example.com", true, true},
		{"private address", "http://10.0.0.5:8080", false, false},
		{"no scheme", "127.0.0.1:8080", false, false},
		{"ftp", "ftp://127.0.0.1/", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checkBase(tc.in, tc.remote)
			if (err == nil) != tc.ok {
				t.Errorf("checkBase(%q, %t) error %v, want ok %t", tc.in, tc.remote, err, tc.ok)
			}
		})
	}
}
