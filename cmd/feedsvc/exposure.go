package main

import (
	"net"
	"net/http"
	"net/netip"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/access"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/metrics"
	"github.com/feedsvc/feedsvc/feedsvc/status"
)

// guard puts a route behind the check of who may call it: /metrics
// behind METRICS_TOKEN and METRICS_ALLOWED_NETWORKS (open when neither is
// set), the status views behind ADMIN_TOKEN when STATUS_PUBLIC=false. The
// channels check partner keys and the admin API its token themselves.
func (a *App) guard(who httpapi.Access, h http.Handler) http.Handler {
	switch {
	case who == httpapi.Operators:
		return access.Policy{Token: a.Config.MetricsToken, Networks: a.Config.MetricsNetworks,
			Realm: "metrics", Hint: "METRICS_TOKEN"}.Guard(h)
	case who == httpapi.StatusReaders && !a.Config.StatusPublic:
		return access.Policy{Token: a.Config.AdminToken, Realm: "status", Hint: "ADMIN_TOKEN (STATUS_PUBLIC=false)"}.Guard(h)
	}
	return h
}

// instrument adds the build and per-source gauges to m.
func instrument(m *metrics.Metrics, st *status.Handler) {
	b := readBuildInfo()
	m.SetBuild(b.Version, b.Commit, b.GoVersion)
	m.WatchSources(st.States)
}

// startWarnings logs what an operator most likely did not mean: an empty
// catalog, and links to a loopback BASE_URL served on other interfaces.
func (a *App) startWarnings(sections []feedsvc.Section, sources []feedsvc.Source, listen net.Addr) {
	if len(sources) == 0 {
		a.Log.Warn("catalog is empty: no sources to poll; add sources to the config file or through the admin API",
			"sections", len(sections))
	}
	if loopbackHost(a.Config.BaseURL.Hostname()) && !loopbackAddr(listen) {
		a.Log.Warn("BASE_URL is a loopback address but the server listens on other interfaces: feed links will not work for other machines; set BASE_URL to the public URL",
			"base_url", a.Config.BaseURL.String(), "listen_addr", listen.String())
	}
}

func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

func loopbackAddr(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
