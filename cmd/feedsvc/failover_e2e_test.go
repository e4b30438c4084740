package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redisenv"
)

// Timing of the failover tests.
const (
	farmStep    = 4 * time.Second // a farm source publishes an item this often
	farmInitial = 3               // items a farm source has at the start
	// switchSlack is the clock slack allowed between the test's own store
	// probe and what the replicas see (each client follows the failover
	// on its own).
	switchSlack = time.Second
	// readyWithin bounds how long /readyz may stay not ready after the
	// store answers again.
	readyWithin = 5 * time.Second
	// resumeWithin bounds how long after its publication an item of the
	// farm appears in every replica's channel once the store is back:
	// one poll interval (10 s), a backoff after a poll the outage failed
	// (about one more) and slack.
	resumeWithin = 40 * time.Second
)

// TestFailoverClusterPrimaryE2E kills (SIGKILL) the Redis Cluster primary
// that holds the news section's index while three replicas ingest from a
// source farm and serve channels (see testFailoverE2E).
func TestFailoverClusterPrimaryE2E(t *testing.T) {
	e := redisenv.ClusterEngine(t)
	if e.URL == "" {
		t.Skip("REDIS_CLUSTER_URL not set (make test starts a cluster; CI=true fails instead)")
	}
	testFailoverE2E(t, e, []string{"news"})
}

// TestFailoverSentinelPrimaryE2E kills the Sentinel-managed primary while
// three replicas ingest and serve (see testFailoverE2E).
func TestFailoverSentinelPrimaryE2E(t *testing.T) {
	e := redisenv.SentinelEngine(t)
	if e.URL == "" {
		t.Skip("REDIS_SENTINEL_URL not set (make test starts a Sentinel set; CI=true fails instead)")
	}
	testFailoverE2E(t, e, []string{"news", "world"})
}

// testFailoverE2E runs three replicas on e, ingesting from a farm of
// loopback sources whose feeds gain an item every farmStep and serving
// the channels of two sections, which the test reads (plain and
// conditional GETs) with /readyz all along. It kills the primary of the
// news section's index; dead lists the sections all of whose store reads
// fail until the failover is done. It asserts:
//
//   - channels answer 200 (304 to a conditional GET) throughout, every
//     document lists what the replica listed before the kill, and while
//     the store is down the dead sections' documents are bytes the
//     replica served before (the last good bytes);
//   - /readyz is 200 before the kill, 503 while the store is down, never
//     200 then, and 200 again within readyWithin of the store answering;
//   - items the farm publishes after the failover reach every replica's
//     channels within resumeWithin, with no refresh asked for;
//   - every article stored before the kill is still stored and listed.
//
// The CI scripts restart the killed server as a replica; the test waits
// until the engine is whole again so later tests find it so.
func testFailoverE2E(t *testing.T, e redisenv.Engine, dead []string) {
	e.Own(t)
	raw := e.Client(t)
	t.Cleanup(func() { e.WaitWhole(t, raw, 90*time.Second) })
	slugs := []string{"news", "world"}
	farm := newSourceFarm(t, 2, slugs)
	prefix := uniquePrefix("failover")
	env := engineEnv(e, prefix)
	var reps []*runningApp
	for range 3 {
		reps = append(reps, startAppEnv(t, nil, farm.file(), env))
	}
	for i, r := range reps {
		for _, src := range farm.sources {
			waitListed(t, r.Base, src.section, []string{farm.link(src.id, farmInitial-1)}, 30*time.Second,
				fmt.Sprintf("replica %d: %s lists %s's first items", i, src.section, src.id))
		}
	}
	store, err := redisstore.New(t.Context(), redisstore.Options{URL: e.URL, Mode: e.Mode, SentinelMaster: e.Master, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })

	mon := watchReplicas(t, reps, slugs, store)
	time.Sleep(2 * time.Second) // every replica has served every channel
	before := make([]map[string][]string, len(reps))
	for i, r := range reps {
		before[i] = map[string][]string{}
		for _, slug := range slugs {
			before[i][slug] = channelURLs(t, r.Base, slug)
		}
	}
	storedIDs := storedArticles(t, store, slugs)
	killedAt := time.Now()
	e.KillPrimary(t, raw, prefix+"s:{news}")

	down, up := mon.waitRecovered(t, killedAt, 60*time.Second)
	t.Logf("%s: store probe failed from %s to %s after the kill", e.Mode,
		down.Sub(killedAt).Round(time.Millisecond), up.Sub(killedAt).Round(time.Millisecond))
	resumed := checkIngestResumes(t, farm, reps, up)
	time.Sleep(time.Until(up.Add(readyWithin + 2*time.Second)))
	mon.Stop()

	checkChannelsThrough(t, mon, before, dead, down, up)
	checkReadyHonest(t, mon, len(reps), killedAt, down, up)
	checkStoredKept(t, store, reps, storedIDs, before)
	first, last, why := staleWindow(t, reps, killedAt)
	t.Logf("%s: store down %s; stale channel answers from %s to %s after the kill %v; ingest resumed %s after the store was back",
		e.Mode, up.Sub(down).Round(time.Millisecond), first.Round(time.Millisecond), last.Round(time.Millisecond), why,
		resumed.Round(time.Millisecond))
}

// sourceFarm serves, on several loopback HTTP servers (hosts), one RSS
// feed per source that gains an item every farmStep.
type sourceFarm struct {
	start   time.Time
	sources []farmSource
}

type farmSource struct{ id, url, section string }

func newSourceFarm(t *testing.T, hosts int, slugs []string) *sourceFarm {
	t.Helper()
	f := &sourceFarm{start: time.Now()}
	for h := range hosts {
		mux := http.NewServeMux()
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		for _, slug := range slugs {
			id := fmt.Sprintf("h%d-%s", h, slug)
			f.sources = append(f.sources, farmSource{id: id, url: srv.URL + "/" + id + ".xml", section: slug})
			mux.HandleFunc("GET /"+id+".xml", func(w http.ResponseWriter, r *http.Request) {
				items := itemsFor(farmHost, id, 0, f.count(time.Now()))
				slices.Reverse(items) // newest first: rssBytes then dates item k at a fixed hour
				w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
				_, _ = w.Write(rssBytes(id, items))
			})
		}
	}
	return f
}

const farmHost = "http://farm.example.test"

// count is how many items each source lists at instant at.
func (f *sourceFarm) count(at time.Time) int {
	return farmInitial + int(at.Sub(f.start)/farmStep)
}

// published is when item k of every source appeared.
func (f *sourceFarm) published(k int) time.Time {
	if k < farmInitial {
		return f.start
	}
	return f.start.Add(time.Duration(k-farmInitial+1) * farmStep)
}

func (f *sourceFarm) link(id string, k int) string { return itemsFor(farmHost, id, k, 1)[0].Link }

// file is the replicas' configuration: one section per slug, each fed by
// one source of every host, polled every 10 s (the shortest interval).
func (f *sourceFarm) file() config.File {
	var file config.File
	seen := map[string]bool{}
	for _, s := range f.sources {
		if !seen[s.section] {
			seen[s.section] = true
			file.Sections = append(file.Sections, feedsvc.Section{Slug: s.section, Title: s.section, Language: "en"})
		}
		file.Sources = append(file.Sources, feedsvc.Source{ID: s.id, URL: s.url, Sections: []string{s.section},
			Location: time.UTC, Interval: 10 * time.Second})
	}
	return file
}

// waitListed waits until a section's channel lists every URL of want.
func waitListed(t *testing.T, base, slug string, want []string, timeout time.Duration, what string) {
	t.Helper()
	waitFor(t, timeout, what, func() (bool, string) {
		got := channelURLs(t, base, slug)
		for _, u := range want {
			if !slices.Contains(got, u) {
				return false, fmt.Sprintf("%s missing from %d listed", u, len(got))
			}
		}
		return true, ""
	})
}

// sample is one request the monitor made.
type sample struct {
	rep        int
	what       string // "readyz", or the channel's slug (and " if-none-match")
	start, end time.Time
	status     int
	etag       string
	urls       []string // a 200 channel's item URLs
	err        error
}

// probe is one store read of the monitor.
type probe struct {
	at time.Time
	ok bool
}

// monitor reads every replica's channels and /readyz, and the news
// section's version from the store, until Stop.
type monitor struct {
	mu      sync.Mutex
	samples []sample
	probes  []probe
	stop    chan struct{}
	wg      sync.WaitGroup
}

func watchReplicas(t *testing.T, reps []*runningApp, slugs []string, store *redisstore.Store) *monitor {
	m := &monitor{stop: make(chan struct{})}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	for i, r := range reps {
		for _, slug := range slugs {
			m.every(func() {
				url := r.Base + "/sections/" + slug + "/json"
				s := m.get(client, i, url, slug, "")
				if s.status == http.StatusOK {
					m.get(client, i, url, slug+" if-none-match", s.etag)
				}
			})
		}
		m.every(func() { m.get(client, i, r.Base+"/readyz", "readyz", "") })
	}
	m.every(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		_, err := store.SectionVersion(ctx, "news")
		cancel()
		m.mu.Lock()
		m.probes = append(m.probes, probe{at: time.Now(), ok: err == nil})
		m.mu.Unlock()
	})
	t.Cleanup(m.Stop)
	return m
}

// every runs f, then again 100 ms after it returned, until Stop.
func (m *monitor) every(f func()) {
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		for m.running() {
			f()
			time.Sleep(100 * time.Millisecond)
		}
	}()
}

func (m *monitor) running() bool {
	select {
	case <-m.stop:
		return false
	default:
		return true
	}
}

// Stop ends the monitor and waits for its requests in flight.
func (m *monitor) Stop() {
	if m.running() {
		close(m.stop)
	}
	m.wg.Wait()
}

// get requests url (conditionally when etag is set) and records it.
func (m *monitor) get(c *http.Client, rep int, url, what, etag string) sample {
	s := sample{rep: rep, what: what, start: time.Now()}
	req, _ := http.NewRequest("GET", url, nil)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := c.Do(req)
	if err == nil {
		var body []byte
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		s.status, s.etag = resp.StatusCode, resp.Header.Get("ETag")
		if what != "readyz" && resp.StatusCode == http.StatusOK {
			var doc struct{ Items []struct{ URL string } }
			if err = json.Unmarshal(body, &doc); err == nil {
				for _, it := range doc.Items {
					s.urls = append(s.urls, it.URL)
				}
			}
		}
	}
	s.err, s.end = err, time.Now()
	m.mu.Lock()
	m.samples = append(m.samples, s)
	m.mu.Unlock()
	return s
}

func (m *monitor) snapshot() ([]sample, []probe) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.samples), slices.Clone(m.probes)
}

// waitRecovered waits until the store probe, having failed after since,
// succeeded for 2 s in a row; it returns the first and the last failed
// probe's times (down, up: the store is back from up on).
func (m *monitor) waitRecovered(t *testing.T, since time.Time, timeout time.Duration) (down, up time.Time) {
	t.Helper()
	waitFor(t, timeout, "store reads fail, then succeed for 2 s", func() (bool, string) {
		_, probes := m.snapshot()
		down, up = time.Time{}, time.Time{}
		for _, p := range probes {
			switch {
			case p.at.Before(since):
			case !p.ok && down.IsZero():
				down, up = p.at, p.at
			case !p.ok:
				up = p.at
			}
		}
		if down.IsZero() {
			return false, "no store read has failed since the kill"
		}
		return time.Since(up) > 2*time.Second, fmt.Sprintf("last failed read %s ago", time.Since(up).Round(time.Millisecond))
	})
	return down, up
}

// checkIngestResumes waits until the item every farm source published
// first after up is listed by every replica, and returns how long after
// up the last one appeared.
func checkIngestResumes(t *testing.T, farm *sourceFarm, reps []*runningApp, up time.Time) time.Duration {
	t.Helper()
	k := farm.count(up) // the first item published after up
	for i, r := range reps {
		for _, src := range farm.sources {
			waitListed(t, r.Base, src.section, []string{farm.link(src.id, k)}, time.Until(farm.published(k).Add(resumeWithin)),
				fmt.Sprintf("replica %d lists %s's item %d, published %s after the store was back", i, src.id, k,
					farm.published(k).Sub(up).Round(time.Millisecond)))
		}
	}
	return time.Since(up)
}

// checkChannelsThrough asserts what the monitor's channel requests got.
func checkChannelsThrough(t *testing.T, m *monitor, before []map[string][]string, dead []string, down, up time.Time) {
	t.Helper()
	samples, _ := m.snapshot()
	served := map[string]bool{} // rep|slug|etag served before the store went down
	bad := 0
	fail := func(format string, args ...any) {
		if bad++; bad <= 10 {
			t.Errorf(format, args...)
		}
	}
	slowest := time.Duration(0)
	for _, s := range samples {
		if s.what == "readyz" {
			continue
		}
		slug, conditional := strings.CutSuffix(s.what, " if-none-match")
		slowest = max(slowest, s.end.Sub(s.start))
		switch {
		case s.err != nil:
			fail("replica %d %s at %s: %v", s.rep, s.what, s.start.Format(time.StampMilli), s.err)
			continue
		case s.status == http.StatusNotModified && conditional:
			continue
		case s.status != http.StatusOK:
			fail("replica %d %s at %s: status %d, want 200 (or 304)", s.rep, s.what, s.start.Format(time.StampMilli), s.status)
			continue
		}
		key := fmt.Sprint(s.rep, "|", slug, "|")
		if s.end.Before(down) {
			served[key+s.etag] = true
		}
		if slices.Contains(dead, slug) && s.start.After(down.Add(switchSlack)) && s.end.Before(up.Add(-switchSlack)) && !served[key+s.etag] {
			fail("replica %d %s at %s, store down: ETag %s was not served before", s.rep, s.what, s.start.Format(time.StampMilli), s.etag)
		}
		if s.start.After(down) {
			for _, u := range before[s.rep][slug] {
				if !slices.Contains(s.urls, u) {
					fail("replica %d %s at %s: %s, listed before the kill, is missing", s.rep, s.what, s.start.Format(time.StampMilli), u)
					break
				}
			}
		}
	}
	if bad > 10 {
		t.Errorf("... %d channel answers wrong in all", bad)
	}
	t.Logf("%d channel requests, slowest %s", len(samples), slowest.Round(time.Millisecond))
}

// checkReadyHonest asserts /readyz was ready before the kill, not ready
// while the store was down and ready again soon after, on each replica.
func checkReadyHonest(t *testing.T, m *monitor, reps int, killed, down, up time.Time) {
	t.Helper()
	samples, _ := m.snapshot()
	for rep := range reps {
		var first, last time.Time // of the 503s after the kill
		bad := 0
		fail := func(format string, args ...any) {
			if bad++; bad <= 3 {
				t.Errorf(format, args...)
			}
		}
		for _, s := range samples {
			if s.what != "readyz" || s.rep != rep {
				continue
			}
			at := s.start.Format(time.StampMilli)
			switch {
			case s.err != nil:
				fail("replica %d /readyz at %s: %v", rep, at, s.err)
			case s.status == http.StatusOK && s.start.After(down.Add(switchSlack)) && s.end.Before(up.Add(-switchSlack)):
				fail("replica %d /readyz at %s: 200 while every read of the dead primary failed", rep, at)
			case s.status == http.StatusOK:
			case s.status != http.StatusServiceUnavailable:
				fail("replica %d /readyz at %s: status %d", rep, at, s.status)
			case s.end.Before(killed):
				fail("replica %d /readyz at %s: 503 before the kill", rep, at)
			case s.start.After(up.Add(readyWithin)):
				fail("replica %d /readyz at %s: 503 %s after the store was back", rep, at, s.start.Sub(up).Round(time.Millisecond))
			default:
				if first.IsZero() {
					first = s.start
				}
				last = s.end
			}
		}
		if first.IsZero() {
			if up.Sub(down) > 2*switchSlack {
				t.Errorf("replica %d: /readyz never 503 while the store was down for %s (%s)", rep, up.Sub(down).Round(time.Millisecond),
					readyTimeline(samples, rep, killed))
			}
			continue
		}
		t.Logf("replica %d: /readyz not ready from %s to %s after the kill (%s)", rep,
			first.Sub(killed).Round(time.Millisecond), last.Sub(killed).Round(time.Millisecond), readyTimeline(samples, rep, killed))
	}
}

// storedArticles reads the IDs of every article the sections list in the
// store.
func storedArticles(t *testing.T, store *redisstore.Store, slugs []string) []string {
	t.Helper()
	var ids []string
	for _, slug := range slugs {
		arts, err := store.SectionArticles(t.Context(), slug, feedsvc.Query{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// checkStoredKept asserts that every article stored before the kill is
// still stored and listed, and every replica lists what it listed then.
func checkStoredKept(t *testing.T, store *redisstore.Store, reps []*runningApp, ids []string, before []map[string][]string) {
	t.Helper()
	arts, err := store.Articles(t.Context(), ids)
	if err != nil || len(arts) != len(ids) {
		t.Errorf("after the failover %d of %d articles stored before the kill are readable (%v)", len(arts), len(ids), err)
	}
	now := storedArticles(t, store, []string{"news", "world"})
	for _, id := range ids {
		if !slices.Contains(now, id) {
			t.Errorf("article %s, stored before the kill, is no longer listed", id)
		}
	}
	n := 0
	for i, r := range reps {
		for slug, urls := range before[i] {
			got := channelURLs(t, r.Base, slug)
			for _, u := range urls {
				if n++; !slices.Contains(got, u) {
					t.Errorf("replica %d %s: %s, listed before the kill, is gone", i, slug, u)
				}
			}
		}
	}
	t.Logf("%d stored articles and %d listed URLs from before the kill all kept", len(ids), n)
}

// staleWindow returns when the replicas first and last served a channel's
// last good bytes because the store failed, after since, and how often
// for each reason logged.
func staleWindow(t *testing.T, reps []*runningApp, since time.Time) (first, last time.Duration, why map[string]int) {
	why = map[string]int{}
	n := 0
	t.Helper()
	for _, r := range reps {
		for _, rec := range r.Log.Records(t) {
			msg, _ := rec["msg"].(string)
			if !strings.HasPrefix(msg, "serving stale channel") {
				continue
			}
			at, err := time.Parse(time.RFC3339Nano, fmt.Sprint(rec["time"]))
			if err != nil || at.Before(since) {
				continue
			}
			d := at.Sub(since)
			if n == 0 || d < first {
				first = d
			}
			last = max(last, d)
			n++
			why[strings.TrimPrefix(msg, "serving stale channel: ")]++
		}
	}
	return first, last, why
}

// readyTimeline describes a replica's /readyz answers after killed as runs
// of one status: "200 +0s..+1.2s, 503 +1.3s..+3.2s, ...".
func readyTimeline(samples []sample, rep int, killed time.Time) string {
	var runs []string
	status, from, to := -1, time.Duration(0), time.Duration(0)
	flush := func() {
		if status >= 0 {
			runs = append(runs, fmt.Sprintf("%d +%s..+%s", status, from.Round(100*time.Millisecond), to.Round(100*time.Millisecond)))
		}
	}
	for _, s := range samples {
		if s.what != "readyz" || s.rep != rep || s.start.Before(killed) {
			continue
		}
		at := s.start.Sub(killed)
		if s.status != status {
			flush()
			status, from = s.status, at
		}
		to = at
	}
	flush()
	return strings.Join(runs, ", ")
}
