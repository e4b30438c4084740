package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redisenv"
)

const replicaInterval = 10 * time.Second

func replicaFile(srcURL string, ids ...string) config.File {
	f := config.File{Sections: []feedsvc.Section{{Slug: "news", Title: "News", Language: "en"}}}
	for _, id := range ids {
		f.Sources = append(f.Sources, feedsvc.Source{ID: id, URL: srcURL + "/" + id + ".xml",
			Sections: []string{"news"}, Location: time.UTC, Interval: replicaInterval})
	}
	return f
}

// replicaEnv points an App at the single Redis node under prefix.
func replicaEnv(t *testing.T, prefix string) map[string]string {
	return engineEnv(redisenv.Engine{Mode: redisenv.Single, URL: testenv.RedisURL(t)}, prefix)
}

// engineEnv points an App at the Redis deployment e (REDIS_URL and
// REDIS_MODE in the README's forms) under prefix; all replicas publish
// under one BASE_URL so their documents can be byte-identical. The test
// feeds are dated 2025: RETAIN=forever keeps ingest from skipping them
// under Redis's default retention (90 days).
func engineEnv(e redisenv.Engine, prefix string) map[string]string {
	env := e.Env()
	env["REDIS_PREFIX"], env["BASE_URL"], env["RETAIN"] = prefix, "http://feeds.example.test", "forever"
	return env
}

// TestReplicasShareOneRedis runs three Apps on one Redis key space with
// the same configuration file: each source is fetched once per cycle, all
// replicas serve the same bytes, an admin change on one reaches the
// others, and when one stops the others keep fetching its sources. It
// runs on the single node, the Redis Cluster and the Sentinel set at once
// (`make test` starts all three; with CI=true a missing one fails).
func TestReplicasShareOneRedis(t *testing.T) {
	for _, e := range redisenv.Engines(t) {
		t.Run(e.Mode, func(t *testing.T) {
			t.Parallel()
			e.Use(t)
			testReplicasShare(t, e)
		})
	}
}

func testReplicasShare(t *testing.T, e redisenv.Engine) {
	ids := []string{"s1", "s2", "s3", "s4", "s5", "s6"}
	srv := newCountingSources(t, append(ids, "late")...)
	file := replicaFile(srv.URL, ids...)
	env := engineEnv(e, uniquePrefix("replicas"))
	var reps []*runningApp
	for range 3 {
		reps = append(reps, startAppEnv(t, nil, file, env))
	}
	start := time.Now()
	var want []testItem
	for _, id := range ids {
		want = append(want, itemsFor("http://example.test", id, 0, 3)...)
	}
	for _, r := range reps {
		waitURLs(t, r.Base, "news", want, 20*time.Second)
	}
	checkSameBytes(t, reps, "/sections/news/json", "/sections/news/atom")
	checkAdminPropagates(t, reps, srv.URL)

	time.Sleep(time.Until(start.Add(2*replicaInterval + 3*time.Second)))
	checkFetches(t, srv, reps, ids)
	var owned []string // sources replica 0 polled
	for _, id := range ids {
		if pollsSince(t, reps[0].Log, id, time.Time{}) > 0 {
			owned = append(owned, id)
		}
	}
	reps[0].Stop()
	stopped := time.Now() // Stop waited for replica 0's polls in flight
	t.Logf("replica 0 stopped after polling %q", owned)
	time.Sleep(time.Until(stopped.Add(replicaInterval + 6*time.Second)))
	for _, id := range ids {
		// A poll logs once it stored what it fetched: one whose fetch just
		// happened may log a moment later (a slow store: a cluster under
		// the race detector).
		var after, polls int
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			after = 0
			for _, f := range srv.feeds[id].Fetches() {
				if f.After(stopped) {
					after++
				}
			}
			polls = pollsSince(t, reps[1].Log, id, stopped) + pollsSince(t, reps[2].Log, id, stopped)
			if after > 0 && polls >= after || time.Now().After(deadline) {
				break
			}
		}
		if after == 0 || polls < after {
			t.Errorf("%s: %d fetches since replica 0 stopped (%d polls logged by replicas 1 and 2), want >= 1, all by replicas 1 and 2", id, after, polls)
		}
	}
	checkFetches(t, srv, reps, ids)
}

// checkSameBytes asserts every replica serves each path with one ETag
// and one body.
func checkSameBytes(t *testing.T, reps []*runningApp, paths ...string) {
	t.Helper()
	for _, p := range paths {
		first, body := httpGet(t, reps[0].Base+p, nil)
		for i, r := range reps[1:] {
			resp, b := httpGet(t, r.Base+p, nil)
			if resp.Header.Get("ETag") != first.Header.Get("ETag") || !bytes.Equal(b, body) {
				t.Errorf("%s: replica %d ETag %s, replica 0 ETag %s (same bytes %t)",
					p, i+1, resp.Header.Get("ETag"), first.Header.Get("ETag"), bytes.Equal(b, body))
			}
		}
	}
}

// checkAdminPropagates creates a section and a source through replica 0
// and waits until replicas 1 and 2 know both and serve the new items.
func checkAdminPropagates(t *testing.T, reps []*runningApp, srcURL string) {
	t.Helper()
	changed := time.Now()
	if code := adminDo(t, "POST", reps[0].Base+"/api/sections", `{"slug":"late","title":"Late"}`); code != http.StatusCreated {
		t.Fatalf("create section: got %d, want 201", code)
	}
	body := fmt.Sprintf(`{"id":"late","url":%q,"sections":["late"],"interval":"10s"}`, srcURL+"/late.xml")
	if code := adminDo(t, "POST", reps[0].Base+"/api/sources", body); code != http.StatusCreated {
		t.Fatalf("create source: got %d, want 201", code)
	}
	for i, r := range reps[1:] {
		waitFor(t, 6*time.Second, fmt.Sprintf("replica %d sees the admin change", i+1), func() (bool, string) {
			sec := adminDo(t, "GET", r.Base+"/api/sections/late", "")
			src := adminDo(t, "GET", r.Base+"/api/sources/late", "")
			return sec == http.StatusOK && src == http.StatusOK, fmt.Sprintf("section %d source %d", sec, src)
		})
	}
	t.Logf("admin change visible on all replicas after %s", time.Since(changed).Round(time.Millisecond))
	for _, r := range reps {
		waitURLs(t, r.Base, "late", itemsFor("http://example.test", "late", 0, 3), 15*time.Second)
	}
}

// checkFetches asserts once-per-cycle fetching and that the replicas'
// poll log lines account for every fetch.
func checkFetches(t *testing.T, srv *countingSources, reps []*runningApp, ids []string) {
	t.Helper()
	now := time.Now()
	for _, id := range ids {
		fetches := srv.feeds[id].Fetches()
		checkOncePerCycle(t, id, fetches, replicaInterval, now)
		polls := make([]string, len(reps))
		total := 0
		for i, r := range reps {
			n := pollsSince(t, r.Log, id, time.Time{})
			polls[i], total = fmt.Sprint(n), total+n
		}
		t.Logf("%s: %d fetches, polls per replica %s", id, len(fetches), strings.Join(polls, "/"))
		if total != len(fetches) {
			t.Errorf("%s: %d fetches but %d polls logged (per replica %s)", id, len(fetches), total, strings.Join(polls, "/"))
		}
	}
}

// pollsSince counts a replica's successful poll log lines for source id
// at or after since.
func pollsSince(t *testing.T, logs *syncBuffer, id string, since time.Time) int {
	t.Helper()
	n := 0
	for _, r := range logs.Records(t) {
		if r["msg"] != "poll" || r["source_id"] != id {
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, fmt.Sprint(r["time"]))
		if err != nil {
			t.Fatalf("log time %v: %v", r["time"], err)
		}
		if !at.Before(since) {
			n++
		}
	}
	return n
}

// openStore opens a redisstore on the shared Redis under prefix.
func openStore(t *testing.T, prefix string) *redisstore.Store {
	t.Helper()
	st, err := redisstore.New(context.Background(), redisstore.Options{URL: testenv.RedisURL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestReplicaCrashMidPollLeaseExpires: a replica that dies while it fetches
// a source (its store calls fail, so it cannot release the poll lease)
// keeps the other replicas off that source until the lease expires, after
// which one of them fetches it.
func TestReplicaCrashMidPollLeaseExpires(t *testing.T) {
	const leaseTTL = 4 * time.Second // POLL_LEASE_TTL below (default 30s)
	srv, started := stallFirstFetch(t)
	file := replicaFile(srv.URL, "stall")
	prefix := uniquePrefix("crash")
	env := replicaEnv(t, prefix)
	env["POLL_LEASE_TTL"] = leaseTTL.String()
	crashing := &killableStore{Store: openStore(t, prefix)}
	begin := time.Now()
	victim := startAppEnv(t, crashing, file, env)
	var leased time.Time
	select {
	case leased = <-started:
	case <-time.After(15 * time.Second):
		t.Fatal("the first replica did not start fetching within 15s")
	}
	others := []*runningApp{startAppEnv(t, nil, file, env), startAppEnv(t, nil, file, env)}
	crashing.Kill()
	victim.Stop()
	killed := time.Now()
	var second time.Time
	select {
	case second = <-started:
	case <-time.After(time.Until(leased.Add(leaseTTL + 15*time.Second))):
		t.Fatalf("no replica fetched the source within %s of the crashed replica's lease", leaseTTL+15*time.Second)
	}
	t.Logf("lease taken %s after the start; replica killed %s and the source refetched %s after the lease",
		leased.Sub(begin).Round(time.Millisecond), killed.Sub(leased).Round(time.Millisecond), second.Sub(leased).Round(time.Millisecond))
	if second.Before(leased.Add(leaseTTL - time.Second)) {
		t.Errorf("source refetched %s after the crashed replica took its lease, want >= the %s lease TTL",
			second.Sub(leased).Round(time.Millisecond), leaseTTL)
	}
	for i, r := range others {
		waitURLs(t, r.Base, "news", itemsFor("http://example.test", "stall", 0, 3), 10*time.Second)
		if st := sourceStates(t, r.Base)["stall"]; st.Health != feedsvc.HealthOK {
			t.Errorf("replica %d: source health %q (%s), want ok", i+1, st.Health, st.LastError)
		}
	}
}
