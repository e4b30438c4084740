package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// TestExportImportToRedis ingests on the disk store, exports it, imports
// the export into Redis and serves from Redis with every source
// unreachable: every channel document is byte-identical (same ETag).
func TestExportImportToRedis(t *testing.T) {
	redisURL, prefix := testenv.RedisURL(t), uniquePrefix("roundtrip")
	rdb := redisClient(t, redisURL, prefix)
	news, world := itemsFor("http://news.test", "news", 1, 6), itemsFor("http://world.test", "world", 1, 4)
	mux := http.NewServeMux()
	mux.Handle("/news.xml", rssHandler(rssBytes("News", news), "application/rss+xml"))
	mux.Handle("/world.xml", rssHandler(rssBytes("World", world), "application/rss+xml"))
	src := httptest.NewServer(mux)
	defer src.Close()
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}, {Slug: "world", Title: "World", Language: "en"}},
		Sources: []feedsvc.Source{
			{ID: "news", URL: src.URL + "/news.xml", Sections: []string{"news"}, Location: time.UTC, Interval: time.Hour},
			{ID: "world", URL: src.URL + "/world.xml", Sections: []string{"world"}, Location: time.UTC, Interval: time.Hour},
		},
	}
	dataDir, addr := t.TempDir(), freeAddr(t)
	disk := startAppEnv(t, nil, file, map[string]string{"LISTEN_ADDR": addr, "DATA_DIR": dataDir})
	waitURLs(t, disk.Base, "news", news, 60*time.Second)
	waitURLs(t, disk.Base, "world", world, 60*time.Second)
	if code := adminDo(t, "POST", disk.Base+"/api/sections", `{"slug":"extra","title":"Extra"}`); code != http.StatusCreated {
		t.Fatalf("create section: got %d, want 201", code)
	}
	before := fetchDocuments(t, disk.Base)
	disk.Stop()
	src.Close()

	export := filepath.Join(t.TempDir(), "export.jsonl")
	out := runOK(t, []string{"export"}, map[string]string{"DATA_DIR": dataDir})
	checkRecords(t, out)
	if err := os.WriteFile(export, out, 0o600); err != nil {
		t.Fatal(err)
	}
	redisEnv := map[string]string{"REDIS_URL": redisURL, "REDIS_PREFIX": prefix}
	runOK(t, []string{"import", "-in", export}, redisEnv)

	// The test feeds are dated 2025: keep them past Redis's default retention.
	red := startAppEnv(t, nil, file, map[string]string{"LISTEN_ADDR": addr, "REDIS_URL": redisURL, "REDIS_PREFIX": prefix, "RETAIN": "forever"})
	after := fetchDocuments(t, red.Base)
	for _, path := range crashChannels {
		b, a := before[path], after[path]
		if a.etag != b.etag || !bytes.Equal(a.body, b.body) {
			t.Errorf("%s differs after the move to Redis: ETag %s -> %s\nbefore: %.300s\nafter:  %.300s", path, b.etag, a.etag, b.body, a.body)
		}
	}
	var stderr bytes.Buffer
	if code := run(t.Context(), []string{"import", "-in", export}, envFunc(redisEnv), &bytes.Buffer{}, &stderr); code == 0 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("import into the filled store: exit %d, stderr %q; want a refusal naming a non-empty store", code, stderr.String())
	}
	if n, err := rdb.Keys(t.Context(), prefix+"b:{"+renderCachePrefix+"*").Result(); err != nil || len(n) == 0 {
		t.Fatalf("Redis holds no rendered documents under %sb:%s (%v): has the render cache prefix moved?", prefix, renderCachePrefix, err)
	}
	if out := runOK(t, []string{"export"}, redisEnv); bytes.Contains(out, []byte(`"key":"`+renderCachePrefix)) {
		t.Errorf("export from Redis holds render cache blobs")
	}
}

// runOK runs a subcommand with env and returns its stdout; a non-zero
// exit fails the test.
func runOK(t *testing.T, args []string, env map[string]string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), args, envFunc(env), &stdout, &stderr); code != 0 {
		t.Fatalf("feedsvc %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.Bytes()
}

func envFunc(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

// checkRecords checks that every line of an export is a JSON object with
// a type and a version, and that it holds articles, states and the catalog.
func checkRecords(t *testing.T, out []byte) {
	t.Helper()
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r struct {
			Type    string `json:"type"`
			Version int    `json:"version"`
			Key     string `json:"key"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.Type == "" || r.Version != feedsvc.RecordVersion {
			t.Fatalf("export line %q: %v (type %q, version %d)", sc.Bytes(), err, r.Type, r.Version)
		}
		seen[r.Type+":"+r.Key]++
	}
	if seen["article:"] != 10 || seen["source_state:"] != 2 || seen["blob:cfg:index"] != 1 ||
		seen["blob:cfg:version"] != 1 || seen["blob:cfg:ids"] != 1 || seen["blob:cfg:sec:extra;"] != 1 {
		t.Errorf("export holds %v; want 10 articles, 2 source states, the catalog (index, version, entries) and the id scheme", seen)
	}
}

// redisClient returns a client on url whose keys under prefix are
// deleted when the test ends.
func redisClient(t *testing.T, url, prefix string) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opt)
	t.Cleanup(func() {
		ctx := context.Background()
		iter := c.Scan(ctx, 0, prefix+"*", 1000).Iterator()
		for iter.Next(ctx) {
			c.Unlink(ctx, iter.Val())
		}
		c.Close()
	})
	return c
}
