package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// keepOpen lets a test restart the App on the same in-process store: Run
// closes its store when it returns, which would empty a memstore.
type keepOpen struct{ feedsvc.Store }

func (keepOpen) Close() error { return nil }

// publicIDs reads every public id the App at base serves for the test
// file's sections: the Atom feed id and the item ids of each format.
func publicIDs(t *testing.T, base string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, slug := range []string{"ent", "world", "all"} {
		_, ab := httpGet(t, base+"/sections/"+slug+"/atom", nil)
		var atom atomDoc
		if err := xml.Unmarshal(ab, &atom); err != nil {
			t.Fatalf("%s atom: %v", slug, err)
		}
		out[slug+" feed id"] = []string{atom.ID}
		for _, e := range atom.Entries {
			out[slug+" atom"] = append(out[slug+" atom"], e.ID)
		}
		_, rb := httpGet(t, base+"/sections/"+slug+"/rss", nil)
		var rss rssDoc
		if err := xml.Unmarshal(rb, &rss); err != nil {
			t.Fatalf("%s rss: %v", slug, err)
		}
		for _, it := range rss.Channel.Items {
			out[slug+" rss"] = append(out[slug+" rss"], it.GUID)
		}
		items, err := channelItems(t, base, slug)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			out[slug+" json"] = append(out[slug+" json"], it.ID)
		}
	}
	return out
}

// TestIDsSurviveBaseURLChange restarts the service on the same store with
// another BASE_URL: every item id and feed id stays what it was (issue
// 11.3); only self links follow the new BASE_URL.
func TestIDsSurviveBaseURLChange(t *testing.T) {
	checkIDsSurvive(t, keepOpen{memstore.New()}, nil)
}

// TestIDsSurviveBaseURLChangeRedis is the same on Redis, each start
// opening its own connection to the same keys.
func TestIDsSurviveBaseURLChangeRedis(t *testing.T) {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	checkIDsSurvive(t, nil, map[string]string{"REDIS_URL": testenv.RedisURL(t), "RETAIN": "forever", "REDIS_PREFIX": "ids:" + hex.EncodeToString(b) + ":"})
}

func checkIDsSurvive(t *testing.T, store feedsvc.Store, env map[string]string) {
	src := fixtureServer(t)
	file := testFile(src.URL)
	first := startAppEnv(t, store, file, env)
	waitItems(t, first.Base, "ent", 5)
	waitItems(t, first.Base, "world", 2)
	before := publicIDs(t, first.Base)
	first.Stop()
	if got := before["ent feed id"][0]; !strings.HasPrefix(got, "tag:127.0.0.1,") {
		t.Fatalf("first start: feed id %q, want the authority of the first BASE_URL", got)
	}

	env2 := map[string]string{"BASE_URL": "https://news.example.org/feeds"}
	for k, v := range env {
		env2[k] = v
	}
	second := startAppEnv(t, store, file, env2)
	after := publicIDs(t, second.Base)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("ids changed with BASE_URL (-before +after):\n%s", diff)
	}
	_, rb := httpGet(t, second.Base+"/sections/ent/rss", nil)
	var rss rssDoc
	if err := xml.Unmarshal(rb, &rss); err != nil {
		t.Fatal(err)
	}
	if self := rss.Channel.Links; len(self) == 0 || self[0].Href != "https://news.example.org/feeds/sections/ent/rss" {
		t.Errorf("self link does not follow the new BASE_URL: %+v", self)
	}
}

// TestIDAuthoritySetOnce: ID_AUTHORITY names the authority of a new
// store, and a later start with a different ID_AUTHORITY is refused
// instead of re-identifying every article.
func TestIDAuthoritySetOnce(t *testing.T) {
	src := fixtureServer(t)
	store := keepOpen{memstore.New()}
	file := testFile(src.URL)
	app := startAppEnv(t, store, file, map[string]string{"ID_AUTHORITY": "feeds.example.org"})
	waitItems(t, app.Base, "world", 2)
	ids := publicIDs(t, app.Base)
	app.Stop()
	today := time.Now().UTC().Format("2006-01-02")
	for _, id := range append(ids["world feed id"], ids["world json"]...) {
		if !strings.HasPrefix(id, "tag:feeds.example.org,") || !strings.Contains(id, ","+today[:4]) {
			t.Errorf("id %q: want tag:feeds.example.org,%s:…", id, today)
		}
	}
	err := runOnce(t, store, file, map[string]string{"ID_AUTHORITY": "other.example.org"})
	if err == nil || !strings.Contains(err.Error(), "ID_AUTHORITY") {
		t.Errorf("start with another ID_AUTHORITY: got %v, want an error naming ID_AUTHORITY", err)
	}
}

// runOnce starts the App and returns Run's error; it fails the test when
// the App starts serving instead.
func runOnce(t *testing.T, store feedsvc.Store, file config.File, extra map[string]string) error {
	t.Helper()
	env := map[string]string{"LISTEN_ADDR": "127.0.0.1:0", "FEEDSVC_ALLOW_PRIVATE_NETWORKS": "true"}
	for k, v := range extra {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app := &App{Config: cfg, File: file, Log: newLogger(io.Discard, "text", "warn"), Store: store}
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- app.Run(ctx, ready) }()
	select {
	case err := <-done:
		return err
	case <-ready:
		cancel()
		<-done
		t.Fatal("service started")
	case <-time.After(15 * time.Second):
		t.Fatal("Run neither failed nor started within 15s")
	}
	return nil
}
