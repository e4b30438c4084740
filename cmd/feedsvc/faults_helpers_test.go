package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// faultServer serves a good source until Break, then its fault handler at
// the source path. It counts the fault-mode attempts: GETs of the source
// path that are not redirect hops (the Go client sends Referer on those).
type faultServer struct {
	*httptest.Server
	path     string
	good     http.Handler
	fault    faultFunc
	broken   atomic.Bool
	attempts atomic.Int64
	written  atomic.Int64 // body bytes the fault handler wrote
}

func newFaultServer(t *testing.T, path string, good http.Handler, fault faultFunc) *faultServer {
	t.Helper()
	fs := &faultServer{path: path, good: good, fault: fault}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	// Close hangs on hijacked or streaming connections the client gave up
	// on; CloseClientConnections first ends them.
	t.Cleanup(func() { fs.CloseClientConnections(); fs.Close() })
	return fs
}

func (fs *faultServer) serve(w http.ResponseWriter, r *http.Request) {
	if !fs.broken.Load() || (r.URL.Path != fs.path && !strings.HasPrefix(r.URL.Path, "/loop")) {
		fs.good.ServeHTTP(w, r)
		return
	}
	if r.URL.Path == fs.path && r.Header.Get("Referer") == "" {
		fs.attempts.Add(1)
	}
	fs.fault(w, r, &fs.written)
}

// Break switches the source path to the fault.
func (fs *faultServer) Break() { fs.broken.Store(true) }

// URL of the source.
func (fs *faultServer) SourceURL() string { return fs.URL + fs.path }

// faultFunc is a fault handler; written counts the body bytes it sent.
type faultFunc func(w http.ResponseWriter, r *http.Request, written *atomic.Int64)

// rssHandler serves fixed RSS bytes.
func rssHandler(body []byte, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(body)
	}
}

// sleepFault answers nothing until the client gives up (or 15s).
func sleepFault(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
	select {
	case <-r.Context().Done():
	case <-time.After(15 * time.Second):
	}
}

// dripFault sends a valid start of a feed one byte every 500ms.
func dripFault(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
	w.Header().Set("Content-Type", "application/rss+xml")
	w.WriteHeader(http.StatusOK)
	msg := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>drip</title>` + strings.Repeat(" ", 64))
	rc := http.NewResponseController(w)
	for i := 0; i < len(msg); i++ {
		if _, err := w.Write(msg[i : i+1]); err != nil || rc.Flush() != nil {
			return
		}
		written.Add(1)
		select {
		case <-r.Context().Done():
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// resetFault hijacks the connection and closes it with an RST.
func resetFault(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

func status500Fault(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// redirectLoopFault bounces between the source path and /loop.
func redirectLoopFault(path string) faultFunc {
	return func(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
		to := "/loop"
		if r.URL.Path != path {
			to = path
		}
		http.Redirect(w, r, to, http.StatusFound)
	}
}

// hugeFault streams 2 GiB of feed-like bytes produced lazily, declaring the
// length or chunked.
func hugeFault(declareLength bool) faultFunc {
	const size = 2 << 30
	return func(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
		w.Header().Set("Content-Type", "application/rss+xml")
		if declareLength {
			w.Header().Set("Content-Length", "2147483648")
		}
		w.WriteHeader(http.StatusOK)
		n, _ := io.Copy(w, io.LimitReader(&repeatReader{pattern: []byte("<item><title>huge</title></item>\n")}, size))
		written.Add(n)
	}
}

// repeatReader yields pattern forever without holding more than one copy.
type repeatReader struct {
	pattern []byte
	off     int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], r.pattern[r.off:])
		n += k
		r.off = (r.off + k) % len(r.pattern)
	}
	return n, nil
}

// gzipBomb returns ~10 MB of zeros gzip-compressed (about 10 KB).
func gzipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(make([]byte, 10<<20)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipBombFault(bomb []byte) faultFunc {
	return func(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		n, _ := w.Write(bomb)
		written.Add(int64(n))
	}
}

// bodyFault serves fixed bytes with a content type.
func bodyFault(body []byte, contentType string) faultFunc {
	return func(w http.ResponseWriter, r *http.Request, written *atomic.Int64) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(body)
	}
}

// siteHandler serves the shared section list page under /c/zgyl/ and the
// four article pages it links to, with the list's links pointed at origin().
func siteHandler(t *testing.T, origin func() string) http.Handler {
	t.Helper()
	pages := filepath.Join(testenv.Shared(t), "pages")
	list, err := os.ReadFile(filepath.Join(pages, "list.html"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /c/zgyl/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(bytes.ReplaceAll(list, []byte("https://www.workercn.cn"), []byte(origin())))
	})
	for _, name := range []string{"seed-article", "zh-article", "gbk-article", "jsonld-article"} {
		var exp struct{ URL string }
		b, _ := os.ReadFile(filepath.Join(pages, name+".expected.json"))
		if err := json.Unmarshal(b, &exp); err != nil {
			t.Fatal(err)
		}
		body, _ := os.ReadFile(filepath.Join(pages, name+".html"))
		mux.HandleFunc("GET "+strings.TrimPrefix(exp.URL, "https://www.workercn.cn"), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(body)
		})
	}
	return mux
}

// lockedValue is a string set once after the server starts.
type lockedValue struct {
	mu sync.Mutex
	v  string
}

func (l *lockedValue) Set(v string) { l.mu.Lock(); l.v = v; l.mu.Unlock() }
func (l *lockedValue) Get() string  { l.mu.Lock(); defer l.mu.Unlock(); return l.v }
