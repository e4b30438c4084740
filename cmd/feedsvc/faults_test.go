package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/status"
)

// faultCase is one faulty source: it serves a good document first, then
// its fault.
type faultCase struct {
	name   string // source id and section slug
	kind   string
	fault  faultFunc
	health string // health after the fault: failing, drift or ok
	errHas string // lower-case substring of last_error when failing
	// extra is how many more requests than polls the server may see: the
	// Go transport retries a GET once when a reused connection is reset.
	extra int64
	// after, when set, checks the section after the fault.
	after func(t *testing.T, base string)
}

const (
	faultTimeout  = 2 * time.Second
	faultMaxBytes = 1 << 20
	faultRounds   = 2 // fault-mode polls per source
)

// wrongCharsetTitle is the item the wrong-charset source adds, sent as GBK
// bytes under a utf-8 label.
const wrongCharsetTitle = "工人日报：职工书屋建设稳步推进"

func faultCases(t *testing.T) []faultCase {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(rssBytes("wrong-charset",
		append(itemsFor("http://example.test", "wrong-charset", 0, 3), testItem{wrongCharsetTitle, "http://example.test/wrong-charset/zh.html"})))
	if err != nil {
		t.Fatal(err)
	}
	return []faultCase{
		{name: "timeout", fault: sleepFault, health: feedsvc.HealthFailing, errHas: "timeout"},
		{name: "slow-drip", fault: dripFault, health: feedsvc.HealthFailing, errHas: "timeout"},
		{name: "conn-reset", fault: resetFault, health: feedsvc.HealthFailing, errHas: "reset", extra: faultRounds},
		{name: "status-500", fault: status500Fault, health: feedsvc.HealthFailing, errHas: "500"},
		{name: "redirect-loop", fault: redirectLoopFault("/feed.xml"), health: feedsvc.HealthFailing, errHas: "redirect"},
		{name: "huge-length", fault: hugeFault(true), health: feedsvc.HealthFailing, errHas: "too large"},
		{name: "huge-chunked", fault: hugeFault(false), health: feedsvc.HealthFailing, errHas: "too large"},
		{name: "gzip-bomb", fault: gzipBombFault(gzipBomb(t)), health: feedsvc.HealthFailing, errHas: "too large"},
		{name: "invalid-xml", kind: feedsvc.KindFeed, health: feedsvc.HealthFailing, errHas: "parse",
			fault: bodyFault([]byte("\x00\x01 {this is not XML} <<< & >>> \xff\xfe"), "application/rss+xml")},
		// Malformed XML under an RSS root: repair gets past the syntax
		// error but recovers no item, so the poll fails with the XML error.
		{name: "malformed-xml", kind: feedsvc.KindFeed, health: feedsvc.HealthFailing, errHas: "malformed",
			fault: bodyFault([]byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title><item><title>a\x00\x01 < & </wrong></channel>"), "application/rss+xml")},
		{name: "invalid-html", kind: feedsvc.KindHTML, health: feedsvc.HealthDrift,
			fault: bodyFault([]byte("\x00\xff<<html<<body>>>\x1b</div></table><a href=>%%%"), "text/html; charset=utf-8")},
		{name: "wrong-charset", fault: bodyFault(gbk, "application/rss+xml; charset=utf-8"), health: feedsvc.HealthOK, after: checkWrongCharset},
		{name: "empty-feed", fault: bodyFault(rssBytes("empty", nil), "application/rss+xml"), health: feedsvc.HealthDrift},
	}
}

// checkWrongCharset: GBK bytes mislabelled utf-8 are not valid UTF-8, so
// the service must sniff them rather than publish U+FFFD garbage.
func checkWrongCharset(t *testing.T, base string) {
	items, err := channelItems(t, base, "wrong-charset")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
		if strings.ContainsRune(it.Title, '\uFFFD') {
			t.Errorf("title %q holds U+FFFD", it.Title)
		}
	}
	if !slices.Contains(titles, wrongCharsetTitle) {
		t.Errorf("got titles %q, want one %q", titles, wrongCharsetTitle)
	}
}

// TestFaultySourcesKeepPublishedItems runs one App over a healthy source
// and one source per fault. Each faulty source first publishes, then fails
// faultRounds polls; its section must keep its items, its status must say
// what went wrong, each failed attempt must log exactly one error, and
// the healthy source must keep updating.
func TestFaultySourcesKeepPublishedItems(t *testing.T) {
	cases := faultCases(t)
	file := config.File{}
	servers := map[string]*faultServer{}
	for _, c := range cases {
		srv := faultSource(t, c)
		servers[c.name] = srv
		file.Sections = append(file.Sections, feedsvc.Section{Slug: c.name, Title: c.name, Language: "en"})
		file.Sources = append(file.Sources, feedsvc.Source{ID: c.name, URL: srv.SourceURL(), Kind: c.kind,
			Sections: []string{c.name}, Location: time.UTC, Interval: time.Hour})
	}
	healthy := &feedHandler{}
	healthy.Set(rssBytes("healthy", itemsFor("http://example.test", "healthy", 0, 3)))
	hsrv := httptest.NewServer(healthy)
	t.Cleanup(hsrv.Close)
	file.Sections = append(file.Sections, feedsvc.Section{Slug: "healthy", Title: "Healthy", Language: "en"})
	file.Sources = append(file.Sources, feedsvc.Source{ID: "healthy", URL: hsrv.URL + "/feed.xml",
		Sections: []string{"healthy"}, Location: time.UTC, Interval: time.Hour})

	app := startAppEnv(t, memstore.New(), file, map[string]string{"FETCH_TIMEOUT": faultTimeout.String(),
		"FETCH_MAX_BYTES": fmt.Sprint(faultMaxBytes), "INGEST_CONCURRENCY": "16"})
	before := publishAll(t, app.Base, file.Sources)

	start := time.Now()
	for round := 1; round <= faultRounds; round++ {
		since := time.Now()
		for _, c := range cases {
			servers[c.name].Break()
			refresh(t, app.Base, c.name)
		}
		if round == 1 {
			healthy.Set(rssBytes("healthy", itemsFor("http://example.test", "healthy", 0, 4)))
			refresh(t, app.Base, "healthy")
		}
		waitAttempted(t, app.Base, cases, since)
	}
	t.Logf("%d fault rounds over %d sources took %s", faultRounds, len(cases), time.Since(start).Round(time.Millisecond))
	waitURLs(t, app.Base, "healthy", itemsFor("http://example.test", "healthy", 0, 4), 10*time.Second)

	states := sourceStates(t, app.Base)
	if st := states["healthy"]; st.Health != feedsvc.HealthOK || st.Failures != 0 {
		t.Errorf("healthy source: health %q failures %d, want ok 0", st.Health, st.Failures)
	}
	if n := app.Log.Count(t, "ERROR", "", "healthy"); n != 0 {
		t.Errorf("healthy source: %d error log lines, want 0", n)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkFault(t, app, c, servers[c.name], states[c.name], before[c.name])
		})
	}
}

// faultSource starts the server of one fault case, serving good items.
func faultSource(t *testing.T, c faultCase) *faultServer {
	if c.kind == feedsvc.KindHTML {
		origin := &lockedValue{}
		srv := newFaultServer(t, "/c/zgyl/", siteHandler(t, origin.Get), c.fault)
		origin.Set(srv.URL)
		return srv
	}
	good := rssBytes(c.name, itemsFor("http://example.test", c.name, 0, 3))
	return newFaultServer(t, "/feed.xml", rssHandler(good, "application/rss+xml; charset=utf-8"), c.fault)
}

// publishAll waits until every source was polled successfully and its
// section lists its items; it returns each section's item URLs.
func publishAll(t *testing.T, base string, sources []feedsvc.Source) map[string][]string {
	t.Helper()
	waitFor(t, 40*time.Second, "first poll of every source", func() (bool, string) {
		states := sourceStates(t, base)
		for _, src := range sources {
			if st := states[src.ID]; st.LastSuccess.IsZero() || st.Health != feedsvc.HealthOK {
				return false, fmt.Sprintf("%s: health %q error %q", src.ID, st.Health, st.LastError)
			}
		}
		return true, ""
	})
	out := map[string][]string{}
	for _, src := range sources {
		want := 3
		if src.Kind == feedsvc.KindHTML {
			want = 4 // the article pages the site serves
		}
		out[src.ID] = channelURLs(t, base, src.ID)
		if len(out[src.ID]) != want {
			t.Fatalf("%s published %d items, want %d: %q", src.ID, len(out[src.ID]), want, out[src.ID])
		}
	}
	return out
}

// waitAttempted waits until every fault source's last attempt started
// after since and was recorded.
func waitAttempted(t *testing.T, base string, cases []faultCase, since time.Time) {
	t.Helper()
	waitFor(t, 30*time.Second, "a poll of every faulty source", func() (bool, string) {
		states := sourceStates(t, base)
		for _, c := range cases {
			if st := states[c.name]; st.LastAttempt.Before(since) {
				return false, fmt.Sprintf("%s: last attempt %s before %s", c.name, st.LastAttempt, since)
			}
		}
		return true, ""
	})
}

// checkFault asserts one faulty source's outcome after faultRounds polls.
func checkFault(t *testing.T, app *runningApp, c faultCase, srv *faultServer, st status.SourceStatus, before []string) {
	t.Logf("health %q status %d failures %d alarms %q error %q; server attempts %d, body bytes sent %d",
		st.Health, st.LastStatus, st.Failures, st.Alarms, st.LastError, srv.attempts.Load(), srv.written.Load())
	if got := srv.attempts.Load(); got < faultRounds || got > faultRounds+c.extra {
		t.Errorf("server saw %d requests, want %d..%d", got, faultRounds, faultRounds+c.extra)
	}
	if st.Health != c.health {
		t.Errorf("health: got %q, want %q", st.Health, c.health)
	}
	wantErrors := 0
	if c.health == feedsvc.HealthFailing {
		wantErrors = faultRounds
		if !strings.Contains(strings.ToLower(st.LastError), c.errHas) {
			t.Errorf("last_error: got %q, want it to mention %q", st.LastError, c.errHas)
		}
	}
	if st.Failures != wantErrors {
		t.Errorf("consecutive_failures: got %d, want %d", st.Failures, wantErrors)
	}
	if n := app.Log.Count(t, "ERROR", "", c.name); n != wantErrors {
		t.Errorf("error log lines for %s: got %d, want %d (one per failed attempt)", c.name, n, wantErrors)
	}
	if c.health == feedsvc.HealthDrift && len(st.Alarms) == 0 {
		t.Errorf("drift without alarms")
	}
	// The 2 GiB bodies: what the server could write is the cap plus the
	// loopback socket buffers (a few MB), far from the declared size.
	if n := srv.written.Load(); n > 32*faultMaxBytes*faultRounds {
		t.Errorf("server streamed %d bytes: the client did not stop reading at the %d-byte cap", n, faultMaxBytes)
	}
	after := channelURLs(t, app.Base, c.name)
	for _, u := range before {
		if !slices.Contains(after, u) {
			t.Errorf("previously published %s is gone from the section", u)
		}
	}
	if c.after != nil {
		c.after(t, app.Base)
	} else if len(after) != len(before) {
		t.Errorf("section lists %d items after the fault, want the %d published before: %q", len(after), len(before), after)
	}
	if resp, _ := httpGet(t, app.Base+"/sections/"+c.name+"/atom", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("atom channel: got %d, want 200", resp.StatusCode)
	}
}
