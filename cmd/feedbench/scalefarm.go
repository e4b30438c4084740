package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// scaleFarm is the source farm of `feedbench scale`: n RSS feeds of
// `items` items spread over loopback hosts 127.0.H.L (one listener per
// address), so that the service's per-host politeness applies as it would
// to real publishers. Feed j lives on host j mod hosts at /f/J.xml; every
// URL in it points back to that host, and any /img/ path answers the
// placeholder JPEG, so nothing the service fetches leaves the address.
// The farm answers If-None-Match with 304 until bump makes every feed
// show one newer item, and counts what it served.
type scaleFarm struct {
	n, items int
	addrs    []string // host:port per host
	shift    time.Duration
	gen      atomic.Int64 // bumps so far (0..maxBumps)
	ok, nm   atomic.Int64 // feed answers 200 and 304
	seen     []atomic.Bool
	distinct atomic.Int64
	allSeen  chan struct{}
	once     sync.Once
	srvs     []*http.Server
}

// maxBumps is how many times the feeds can change.
const maxBumps = 3

// farmAddr is the loopback address of host i: 127.0.10.1, 127.0.10.2, …
// 127.0.10.250, 127.0.11.1, … (never 127.0.0.1, which other services use).
func farmAddr(i int) string { return fmt.Sprintf("127.0.%d.%d", 10+i/250, 1+i%250) }

func startScaleFarm(n, hosts, items int) (*scaleFarm, error) {
	if hosts > 250*200 {
		return nil, errors.New("too many hosts")
	}
	f := &scaleFarm{n: n, items: items, seen: make([]atomic.Bool, n), allSeen: make(chan struct{}),
		shift: time.Since(feedBase).Truncate(time.Hour) - time.Hour}
	for i := range hosts {
		ln, err := net.Listen("tcp", farmAddr(i)+":0")
		if err != nil {
			f.close()
			return nil, fmt.Errorf("farm: %w (Linux routes all of 127.0.0.0/8 to lo)", err)
		}
		srv := &http.Server{Handler: f, ReadHeaderTimeout: 10 * time.Second}
		f.srvs = append(f.srvs, srv)
		f.addrs = append(f.addrs, ln.Addr().String())
		go func() { _ = srv.Serve(ln) }()
	}
	return f, nil
}

func (f *scaleFarm) close() {
	for _, s := range f.srvs {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = s.Shutdown(ctx)
		cancel()
	}
}

// url is feed j's address.
func (f *scaleFarm) url(j int) string {
	return fmt.Sprintf("http://%s/f/%d.xml", f.addrs[j%len(f.addrs)], j)
}

// bump makes every feed show one newer item.
func (f *scaleFarm) bump() { f.gen.Add(1) }

func (f *scaleFarm) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if strings.Contains(p, "/img/") && strings.HasSuffix(p, ".jpg") {
		w.Header().Set("Content-Type", "image/jpeg")
		http.ServeContent(w, r, "p.jpg", placeholderTime, bytes.NewReader(placeholderJPEG()))
		return
	}
	num, ok := strings.CutSuffix(strings.TrimPrefix(p, "/f/"), ".xml")
	j, err := strconv.Atoi(num)
	if !ok || err != nil || j < 0 || j >= f.n || f.addrs[j%len(f.addrs)] != r.Host {
		http.NotFound(w, r)
		return
	}
	if !f.seen[j].Swap(true) && f.distinct.Add(1) == int64(f.n) {
		f.once.Do(func() { close(f.allSeen) })
	}
	gen := f.gen.Load()
	etag := fmt.Sprintf(`"%d-%d"`, j, gen)
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		f.nm.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	f.ok.Add(1)
	var b bytes.Buffer
	_ = writeRSS(&b, f.feedItems(j, int(gen)), fmt.Sprintf("http://%s/f/%d/", r.Host, j))
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

// feedItems is feed j at generation gen: a window of `items` items over a
// deterministic list, one newer item per generation, dated near now and
// with full-text bodies (over the service's teaser threshold, so it has
// no article page to fetch).
func (f *scaleFarm) feedItems(j, gen int) []feedItem {
	base := fmt.Sprintf("http://%s/f/%d/", f.addrs[j%len(f.addrs)], j)
	all := genItems(f.items+maxBumps, uint64(j)+1, base)
	gen = min(gen, maxBumps)
	items := all[maxBumps-gen : maxBumps-gen+f.items]
	for i := range items {
		rng := rand.New(rand.NewPCG(uint64(j), uint64(maxBumps-gen+i))) // per item: a kept item keeps its bytes
		items[i].Published = items[i].Published.Add(f.shift)
		for utf8.RuneCountInString(items[i].Description) < 900 {
			items[i].Description += "<p>" + fillSentence(rng, "") + fillSentence(rng, "") + "</p>"
		}
	}
	return items
}
