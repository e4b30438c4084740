package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/media"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// dialLog records every host:port a fetch client connects to and refuses
// (before any DNS lookup) those outside 127.0.0.0/8.
type dialLog struct {
	mu  sync.Mutex
	all []string
	off []string
}

var errOffLoopback = errors.New("connection outside 127.0.0.0/8")

func (d *dialLog) check(_, addr string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.all = append(d.all, addr)
	host, _, err := net.SplitHostPort(addr)
	if ip, perr := netip.ParseAddr(host); err != nil || perr != nil || !netip.MustParsePrefix("127.0.0.0/8").Contains(ip) {
		d.off = append(d.off, addr)
		return errOffLoopback
	}
	return nil
}

// serveLoopback serves dir as `feedbench serve-dir` does, on 127.0.0.1.
func serveLoopback(t *testing.T, dir string) string {
	t.Helper()
	ln, err := listenLoopback("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveDir(ctx, ln, dir) }()
	t.Cleanup(func() { cancel(); <-done })
	return "http://" + ln.Addr().String() + "/"
}

// A load run's ingest (the feed fetch and the media prober's HEADs, as
// .ci/load-mixed runs them) connects only inside 127.0.0.0/8, and every
// URL gen-feed writes points at the loopback server that serves the feed
// (issue 15 item 14).
func TestLoadRunStaysOnLoopback(t *testing.T) {
	dir := t.TempDir()
	base := serveLoopback(t, dir)
	feedPath := filepath.Join(dir, "feed-1.xml")
	if err := genFeedCmd(genArgs(base, feedPath), os.Stderr); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(feedPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range regexp.MustCompile(`https?://[^\s"'<>\]]+`).FindAllString(string(raw), -1) {
		if !strings.HasPrefix(u, base) && u != "http://purl.org/dc/elements/1.1/" { // a namespace name, never fetched
			t.Errorf("generated URL %q is not on the loopback server %s", u, base)
		}
	}

	log := &dialLog{}
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second, BeforeDial: log.check})
	store := memstore.New()
	prober := &media.Prober{Head: client.Head, Store: store, MaxPerBatch: 100}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	prober.Log = quiet
	in := &ingest.Ingester{Pipeline: &ingest.Pipeline{Fetch: client, Log: quiet}, Store: store, Log: quiet,
		NearDupDistance: -1, Enrich: prober.Enrich}
	src := &feedsvc.Source{ID: "feed-1", URL: base + "feed-1.xml", Kind: feedsvc.KindFeed, Sections: []string{"news"},
		Location: time.UTC, Interval: time.Minute}
	if _, err := in.Poll(context.Background(), src); err != nil {
		t.Fatalf("poll: %v", err)
	}
	arts, err := store.SectionArticles(context.Background(), "news", feedsvc.Query{Limit: 100})
	if err != nil || len(arts) != 20 {
		t.Fatalf("stored %d articles (%v), want 20", len(arts), err)
	}
	if len(log.off) > 0 {
		t.Errorf("the run tried %d connections outside 127.0.0.0/8, e.g. %q", len(log.off), log.off[0])
	}
	probed := 0
	for _, a := range arts {
		if len(a.Images) > 0 && a.Images[0].Type == "image/jpeg" && a.Images[0].Length == int64(len(placeholderJPEG())) {
			probed++
		}
	}
	if probed != len(arts) {
		t.Errorf("%d of %d enclosures were completed by the prober from the loopback server", probed, len(arts))
	}
	if len(log.all) == 0 {
		t.Error("the dial log is empty: the hook saw no connection")
	}
}

// genArgs are the gen-feed arguments of a 20-item feed served at base.
func genArgs(base, out string) []string {
	return []string{"-n", "20", "-seed", "3", "-base", base, "-o", out}
}
