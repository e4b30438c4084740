package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"sync"
	"testing"
	"time"
)

// fakeResolver answers from a table, so no test asks a real DNS server.
type fakeResolver map[string][]netip.Addr

func (f fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if a, ok := f[host]; ok {
		return a, nil
	}
	return nil, errors.New("no such host " + host)
}

// forwardProxy is a tiny HTTP forward proxy on loopback: it records what
// it was asked and answers for every destination itself.
type forwardProxy struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string // "METHOD absolute-URL UA"
}

func newForwardProxy(t *testing.T) *forwardProxy {
	p := &forwardProxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.seen = append(p.seen, r.Method+" "+r.URL.String()+" "+r.UserAgent())
		p.mu.Unlock()
		if r.Method == http.MethodConnect {
			http.Error(w, "no tunnels here", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte("<rss>via proxy</rss>"))
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *forwardProxy) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

// The guarded client (private networks refused) goes through the proxy
// HTTP_PROXY names, even though the proxy itself is on loopback; the
// destination is still checked: an internal one is refused before the
// proxy is asked. NO_PROXY hosts go direct, through the dial-time guard.
// The User-Agent is the configured one (issue 10 item 6).
func TestGuardedClientUsesEnvProxy(t *testing.T) {
	p := newForwardProxy(t)
	env := map[string]string{"HTTP_PROXY": p.URL, "HTTPS_PROXY": p.URL, "NO_PROXY": "direct.example,10.0.0.1"}
	c := New(Options{Timeout: 5 * time.Second, UserAgent: "feedsvc-test/9.9", Proxy: proxyFromEnv(func(k string) string { return env[k] }),
		Resolver: fakeResolver{
			"news.example":     {netip.MustParseAddr("93.184.216.34")},
			"intranet.example": {netip.MustParseAddr("10.1.2.3")},
			"rebind.example":   {netip.MustParseAddr("93.184.216.34"), netip.MustParseAddr("127.0.0.1")},
			"sneaky.example":   {netip.MustParseAddr("2002:7f00:1::1")},
		}})
	resp, err := c.Get(context.Background(), Request{URL: "http://news.example/feed.xml"})
	if err != nil {
		t.Fatalf("via proxy: %v", err)
	}
	if string(resp.Body) != "<rss>via proxy</rss>" {
		t.Errorf("body %q, want the proxy's answer", resp.Body)
	}
	want := "GET http://news.example/feed.xml feedsvc-test/9.9"
	if got := p.requests(); len(got) != 1 || got[0] != want {
		t.Fatalf("proxy saw %q, want [%q]", got, want)
	}
	for _, u := range []string{"http://intranet.example/", "https://intranet.example/", "http://rebind.example/",
		"http://sneaky.example/", "http://[::127.0.0.1]/", "http://169.254.169.254/latest/meta-data/",
		"http://10.0.0.1/" /* NO_PROXY: direct, refused at dial time */} {
		if _, err := c.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: got %v, want ErrPrivateAddress", u, err)
		}
	}
	if _, err := c.Get(context.Background(), Request{URL: "http://unknown.example/"}); err == nil {
		t.Error("unresolvable destination: got nil error, want the lookup failure")
	}
	if got := p.requests(); len(got) != 1 {
		t.Errorf("proxy saw %q: internal or unresolvable destinations reached it", got)
	}
}

// HTTPS goes through the proxy as a CONNECT to the destination, with the
// client's User-Agent.
func TestGuardedClientTunnelsHTTPS(t *testing.T) {
	p := newForwardProxy(t)
	c := New(Options{Timeout: 5 * time.Second, Proxy: func(*http.Request) (*url.URL, error) { return url.Parse(p.URL) },
		Resolver: fakeResolver{"news.example": {netip.MustParseAddr("93.184.216.34")}}})
	_, err := c.Get(context.Background(), Request{URL: "https://news.example/feed.xml"})
	if err == nil {
		t.Fatal("the test proxy refuses tunnels: got nil error")
	}
	want := "CONNECT //news.example:443 " + DefaultUserAgent
	if got := p.requests(); len(got) != 1 || got[0] != want {
		t.Errorf("proxy saw %q, want [%q]", got, want)
	}
}

// With private networks allowed, the proxy is used and nothing is checked.
func TestPrivateClientUsesProxy(t *testing.T) {
	p := newForwardProxy(t)
	c := New(Options{AllowPrivate: true, Timeout: 5 * time.Second,
		Proxy: proxyFromEnv(func(k string) string { return map[string]string{"HTTP_PROXY": p.URL}[k] }), Resolver: fakeResolver{}})
	if _, err := c.Get(context.Background(), Request{URL: "http://intranet.example/a"}); err != nil {
		t.Fatal(err)
	}
	if got := p.requests(); len(got) != 1 || got[0] != "GET http://intranet.example/a "+DefaultUserAgent {
		t.Errorf("proxy saw %q", got)
	}
}

func TestProxyFromEnv(t *testing.T) {
	env := map[string]string{"https_proxy": "http://proxy.example:3128", "NO_PROXY": "skip.example"}
	f := proxyFromEnv(func(k string) string { return env[k] })
	for raw, want := range map[string]string{
		"https://news.example/": "http://proxy.example:3128",
		"http://news.example/":  "",
		"https://skip.example/": "",
	} {
		req, _ := http.NewRequest(http.MethodGet, raw, nil)
		u, err := f(req)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if u != nil {
			got = u.String()
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", raw, got, want)
		}
	}
}
