package fetch

import (
	"net/http"
	"net/url"

	"golang.org/x/net/http/httpproxy"
)

// proxyFromEnv returns the proxy function of HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY (or their lower-case forms) read through getenv, with the
// rules of net/http's ProxyFromEnvironment: requests to localhost and
// loopback addresses are never proxied.
func proxyFromEnv(getenv func(string) string) func(*http.Request) (*url.URL, error) {
	either := func(upper, lower string) string {
		if v := getenv(upper); v != "" {
			return v
		}
		return getenv(lower)
	}
	f := (&httpproxy.Config{
		HTTPProxy:  either("HTTP_PROXY", "http_proxy"),
		HTTPSProxy: either("HTTPS_PROXY", "https_proxy"),
		NoProxy:    either("NO_PROXY", "no_proxy"),
		CGI:        getenv("REQUEST_METHOD") != "",
	}).ProxyFunc()
	return func(r *http.Request) (*url.URL, error) { return f(r.URL) }
}
