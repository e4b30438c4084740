package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// BeforeDial sees each host:port before DNS and can refuse it.
func TestBeforeDialSeesAndRefuses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("<rss/>")) }))
	defer srv.Close()
	var mu sync.Mutex
	var seen []string
	errOff := errors.New("off loopback")
	c := local(Options{Timeout: 5 * time.Second, BeforeDial: func(_, addr string) error {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, addr)
		if !strings.HasPrefix(addr, "127.0.0.1:") {
			return errOff
		}
		return nil
	}})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Head(context.Background(), "https://img.example.com/a.jpg"); !errors.Is(err, errOff) {
		t.Errorf("HEAD off loopback: got %v, want the hook's refusal", err)
	}
	want := []string{strings.TrimPrefix(srv.URL, "http://"), "img.example.com:443"}
	if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] {
		t.Errorf("dialled %q, want %q", seen, want)
	}
}
