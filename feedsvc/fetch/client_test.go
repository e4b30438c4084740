package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// local returns a client allowed to reach httptest servers on 127.0.0.1.
func local(o Options) *Client {
	o.AllowPrivate = true
	return New(o)
}

func TestGetOKAndConditional(t *testing.T) {
	const etag, lm = `"v1"`, "Wed, 15 Nov 2023 07:24:00 GMT"
	var gotINM, gotIMS, gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotINM, gotIMS, gotUA = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.UserAgent()
		if gotINM == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		_, _ = w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := local(Options{})
	resp, err := c.Get(context.Background(), Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<rss/>" || resp.ETag != etag || resp.LastModified != lm || resp.NotModified {
		t.Errorf("first GET: got %+v", resp)
	}
	if gotUA != DefaultUserAgent {
		t.Errorf("User-Agent: got %q, want %q", gotUA, DefaultUserAgent)
	}
	if resp.ContentType != "application/rss+xml; charset=utf-8" || resp.StatusCode != 200 || resp.URL != srv.URL {
		t.Errorf("metadata: got %q %d %q", resp.ContentType, resp.StatusCode, resp.URL)
	}
	resp, err = c.Get(context.Background(), Request{URL: srv.URL, ETag: resp.ETag, LastModified: resp.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if gotINM != etag || gotIMS != lm {
		t.Errorf("conditional headers: got %q %q, want %q %q", gotINM, gotIMS, etag, lm)
	}
	if !resp.NotModified || resp.Body != nil || resp.StatusCode != http.StatusNotModified {
		t.Errorf("304: got NotModified=%v body=%q status=%d", resp.NotModified, resp.Body, resp.StatusCode)
	}
}

func TestGetHTTPErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/429":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/503":
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tests := []struct {
		name     string
		path     string
		status   int
		retryMin time.Duration
		retryMax time.Duration
	}{
		{"not found", "/missing", 404, 0, 0},
		{"too many requests with seconds", "/429", 429, 120 * time.Second, 120 * time.Second},
		{"unavailable with date", "/503", 503, 59 * time.Minute, 61 * time.Minute},
	}
	c := local(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Get(context.Background(), Request{URL: srv.URL + tt.path})
			var he *HTTPError
			if !errors.As(err, &he) {
				t.Fatalf("got %v, want *HTTPError", err)
			}
			if he.StatusCode != tt.status || he.URL != srv.URL+tt.path {
				t.Errorf("got %d %q, want %d %q", he.StatusCode, he.URL, tt.status, srv.URL+tt.path)
			}
			if he.RetryAfter < tt.retryMin || he.RetryAfter > tt.retryMax {
				t.Errorf("RetryAfter: got %v, want in [%v, %v]", he.RetryAfter, tt.retryMin, tt.retryMax)
			}
			if !strings.Contains(he.Error(), strconv.Itoa(tt.status)) {
				t.Errorf("Error(): %q", he.Error())
			}
		})
	}
}

func TestGetTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 4096)
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	_, _ = zw.Write(bytes.Repeat([]byte{0}, 1<<20))
	_ = zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bomb":
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(bomb.Bytes())
		case "/chunked":
			w.(http.Flusher).Flush() // no Content-Length
			_, _ = w.Write(big)
		default:
			_, _ = w.Write(big)
		}
	}))
	defer srv.Close()
	if bomb.Len() >= 4096 {
		t.Fatalf("gzip bomb is %d bytes compressed; it must fit under the cap", bomb.Len())
	}
	c := local(Options{MaxBytes: 4095})
	for _, path := range []string{"/", "/chunked", "/bomb"} {
		t.Run(path, func(t *testing.T) {
			resp, err := c.Get(context.Background(), Request{URL: srv.URL + path})
			if !errors.Is(err, feedsvc.ErrTooLarge) {
				t.Fatalf("got resp=%v err=%v, want ErrTooLarge", resp != nil, err)
			}
		})
	}
	resp, err := local(Options{MaxBytes: 4096}).Get(context.Background(), Request{URL: srv.URL})
	if err != nil || len(resp.Body) != 4096 {
		t.Fatalf("body exactly at the cap: got err=%v", err)
	}
}

func TestGetTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	start := time.Now()
	_, err := local(Options{Timeout: 100 * time.Millisecond}).Get(context.Background(), Request{URL: srv.URL})
	if err == nil {
		t.Fatal("slow server: got no error")
	}
	// Generous bound for loaded CI machines; the server would take 10s.
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeout took %v", d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := local(Options{}).Get(ctx, Request{URL: srv.URL}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("context deadline: got %v", err)
	}
}

func TestGetRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
		default:
			_, _ = w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	c := local(Options{MaxRedirects: 3})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/loop"}); !errors.Is(err, errRedirects) {
		t.Errorf("loop: got %v, want too many redirects", err)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/ftp"}); !errors.Is(err, errScheme) {
		t.Errorf("redirect to ftp: got %v, want unsupported scheme", err)
	}
	resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/old"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/new" {
		t.Errorf("final URL: got %q, want %q", resp.URL, srv.URL+"/new")
	}
}

func TestGetRefusesPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("secret"))
	}))
	defer srv.Close()
	c := New(Options{})
	u, _ := url.Parse(srv.URL)
	for _, target := range []string{srv.URL, "http://localhost:" + u.Port() + "/"} {
		if _, err := c.Get(context.Background(), Request{URL: target}); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: got %v, want ErrPrivateAddress", target, err)
		}
	}
	for _, raw := range []string{"file:///etc/passwd", "gopher://example.com/"} {
		if _, err := c.Get(context.Background(), Request{URL: raw}); !errors.Is(err, feedsvc.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrInvalid", raw, err)
		}
	}
}

func TestIsInternal(t *testing.T) {
	tests := []struct {
		name string
		ip   string
		want bool
	}{
		{"loopback", "127.0.0.1", true},
		{"private 10/8", "10.1.2.3", true},
		{"private 192.168", "192.168.0.1", true},
		{"metadata", "169.254.169.254", true},
		{"cgnat", "100.64.1.1", true},
		{"unspecified", "0.0.0.0", true},
		{"ipv6 loopback", "::1", true},
		{"ipv6 ula", "fd00::1", true},
		{"mapped loopback", "::ffff:127.0.0.1", true},
		{"public v4", "93.184.216.34", false},
		{"public v6", "2606:2800:220:1::1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := refusePrivate("tcp", joinPort(tt.ip), nil)
			if got := err != nil; got != tt.want {
				t.Errorf("got internal=%v, want %v", got, tt.want)
			}
		})
	}
}

func joinPort(ip string) string {
	if strings.Contains(ip, ":") {
		return "[" + ip + "]:80"
	}
	return ip + ":80"
}

func TestGetFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, []byte("<rss/>"), 0o600); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	resp, err := New(Options{AllowFile: true}).Get(context.Background(), Request{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<rss/>" || resp.StatusCode != 200 || !strings.Contains(resp.ContentType, "xml") {
		t.Errorf("got body %q status %d type %q", resp.Body, resp.StatusCode, resp.ContentType)
	}
	if _, err := New(Options{AllowFile: true, MaxBytes: 3}).Get(context.Background(), Request{URL: u}); !errors.Is(err, feedsvc.ErrTooLarge) {
		t.Errorf("capped file: got %v, want ErrTooLarge", err)
	}
}
