package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

var oneSection = config.File{Sections: []feedsvc.Section{{Slug: "news", Title: "News"}}}

func TestMetricsAndStatusProtection(t *testing.T) {
	app := startAppEnv(t, memstore.New(), oneSection, map[string]string{
		"METRICS_TOKEN": "m-tok", "METRICS_ALLOWED_NETWORKS": "127.0.0.0/8", "STATUS_PUBLIC": "false"})
	for _, tt := range []struct {
		path, auth string
		want       int
	}{
		{"/metrics", "", http.StatusUnauthorized},
		{"/metrics", "Bearer " + adminToken, http.StatusUnauthorized},
		{"/metrics", "Bearer m-tok", http.StatusOK},
		{"/status", "", http.StatusUnauthorized},
		{"/api/status", "", http.StatusUnauthorized},
		{"/api/status", "Bearer m-tok", http.StatusUnauthorized},
		{"/status", "Bearer " + adminToken, http.StatusOK},
		{"/api/status?health=error&page=1", "Bearer " + adminToken, http.StatusOK},
	} {
		resp, body := httpGet(t, app.Base+tt.path, map[string]string{"Authorization": tt.auth})
		if resp.StatusCode != tt.want {
			t.Errorf("GET %s (%q): %d, want %d", tt.path, tt.auth, resp.StatusCode, tt.want)
		}
		if tt.path == "/metrics" && tt.want == http.StatusOK && (!strings.Contains(string(body), "feedsvc_build_info{") ||
			!strings.Contains(string(body), `feedsvc_sources{health="ok"} 0`)) {
			t.Errorf("metrics lack build_info or sources gauges")
		}
	}
	if !strings.Contains(logText(t, app), "catalog is empty") {
		t.Errorf("no warning about the empty catalog")
	}
}

func TestMetricsNetworkRefusesOtherClients(t *testing.T) {
	app := startAppEnv(t, memstore.New(), oneSection, map[string]string{"METRICS_ALLOWED_NETWORKS": "10.0.0.0/8"})
	if resp, _ := httpGet(t, app.Base+"/metrics", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("loopback client outside METRICS_ALLOWED_NETWORKS: %d, want 403", resp.StatusCode)
	}
	if resp, _ := httpGet(t, app.Base+"/status", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("status is public by default: %d", resp.StatusCode)
	}
}

func TestWarnsOfLoopbackBaseURLOnWildcardListener(t *testing.T) {
	app := startAppEnv(t, memstore.New(), oneSection, map[string]string{"LISTEN_ADDR": "0.0.0.0:0"})
	if !strings.Contains(logText(t, app), "BASE_URL is a loopback address") {
		t.Errorf("no BASE_URL warning")
	}
	quiet := startAppEnv(t, memstore.New(), oneSection, nil)
	if strings.Contains(logText(t, quiet), "BASE_URL is a loopback") {
		t.Errorf("warned on a loopback listener")
	}
}

func logText(t *testing.T, app *runningApp) string {
	var b strings.Builder
	for _, r := range app.Log.Records(t) {
		if m, ok := r["msg"].(string); ok {
			b.WriteString(m + "\n")
		}
	}
	return b.String()
}
