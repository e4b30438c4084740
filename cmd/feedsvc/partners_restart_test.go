package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// TestPartnerRestartDisk and ...Redis: a partner's key and its usage
// (flushed at shutdown) survive a restart on the same store.
func TestPartnerRestartDisk(t *testing.T) {
	checkPartnerRestart(t, map[string]string{"DATA_DIR": t.TempDir()})
}

func TestPartnerRestartRedis(t *testing.T) {
	checkPartnerRestart(t, map[string]string{"REDIS_URL": testenv.RedisURL(t), "REDIS_PREFIX": uniquePrefix("partners"),
		"RETAIN": "forever"}) // the fixture's 2025 items outlive the Redis default retention
}

func checkPartnerRestart(t *testing.T, env map[string]string) {
	src := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		_, _ = w.Write(partnerFeed("news", 2))
	}))
	defer src.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News"}},
		Sources:  []feedsvc.Source{{ID: "news", URL: src.URL, Sections: []string{"news"}, Location: time.UTC, Timezone: "UTC", Interval: time.Hour}},
	}
	app := startAppEnv(t, nil, file, env)
	waitItems(t, app.Base, "news", 2)
	p := createPartner(t, app.Base, `{"name":"Restart","policy":"summary"}`)
	for range 5 {
		if resp, _ := httpGet(t, app.Base+"/sections/news/rss", bearer(p.key)); resp.StatusCode != 200 {
			t.Fatalf("partner request: %d", resp.StatusCode)
		}
	}
	app.Stop()

	app = startAppEnv(t, nil, file, env)
	resp, b := httpGet(t, app.Base+"/sections/news/json", bearer(p.key))
	if resp.StatusCode != 200 {
		t.Fatalf("key after restart: %d %s", resp.StatusCode, b)
	}
	mustHave(t, "after restart", b, []string{teaserMark}, []string{bodyMark})
	code, b := adminCall(t, "GET", app.Base+"/api/partners/"+p.ID+"/usage", "")
	var u feedsvc.PartnerUsage
	if err := json.Unmarshal(b, &u); code != 200 || err != nil {
		t.Fatalf("usage: %d %v %s", code, err, b)
	}
	if u.Day.Requests != 6 || u.Day.Status["200"] != 6 {
		t.Errorf("usage after restart: %+v, want 6 requests (5 before the restart, flushed at shutdown, and 1 after)", u)
	}
}
