package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// maxLoggedErrors is how many failures are printed and kept in the report.
const maxLoggedErrors = 10

// loadRun scrapes /metrics, runs o.conns workers over the request mix for
// o.duration (sampling /metrics every o.sampleEvery), closes its idle
// connections, waits o.settle and scrapes again. ctx ending stops the load
// early; requests in flight still finish.
func loadRun(ctx context.Context, o loadOptions, stderr io.Writer) (*loadReport, error) {
	m, err := newMix(o.weights)
	if err != nil {
		return nil, err
	}
	tr := newLoadTransport(o.conns)
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: o.timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	t, err := discover(ctx, client, o)
	if err != nil {
		return nil, err
	}
	// /metrics goes over its own short-lived connections, so scrapes leave
	// no idle connection (and server goroutine) behind.
	mc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil}}
	metricsURL := o.base.JoinPath("metrics").String()
	start, err := scrape(ctx, mc, metricsURL)
	if err != nil {
		return nil, err
	}
	start.AtSec = 0
	errs := &errLog{w: stderr}
	began := time.Now()
	stopSampler := sampleEvery(ctx, mc, metricsURL, o.sampleEvery, began, stderr)
	total := runWorkers(ctx, o, m, t, client, errs)
	elapsed := time.Since(began)
	mid := stopSampler()
	tr.CloseIdleConnections()
	select {
	case <-time.After(o.settle):
	case <-ctx.Done():
	}
	end, err := scrape(context.WithoutCancel(ctx), mc, metricsURL)
	if err != nil {
		return nil, err
	}
	end.AtSec = time.Since(began).Seconds()
	return buildReport(o, total, elapsed, errs, start, end, mid), nil
}

// newLoadTransport keeps one connection per worker open to the service.
func newLoadTransport(conns int) *http.Transport {
	return &http.Transport{
		Proxy:               nil, // loopback: never through a proxy
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        2 * conns,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true, // gzip is asked for, and checked, explicitly
	}
}

// runWorkers runs the workers until o.duration passes or ctx ends and
// returns their merged tallies.
func runWorkers(ctx context.Context, o loadOptions, m mix, t *loadTarget, client *http.Client, errs *errLog) *tally {
	var stop atomic.Bool
	timer := time.AfterFunc(o.duration, func() { stop.Store(true) })
	defer timer.Stop()
	go func() { <-ctx.Done(); stop.Store(true) }()
	tallies := make([]*tally, o.conns)
	var wg sync.WaitGroup
	for i := range tallies {
		w := &worker{t: t, client: client, mix: m, errs: errs, tally: &tally{}, etags: map[string]string{},
			rng: rand.New(rand.NewPCG(o.seed, uint64(i)))}
		tallies[i] = w.tally
		wg.Go(func() { w.run(&stop) })
	}
	wg.Wait()
	total := &tally{}
	for _, x := range tallies {
		total.merge(x)
	}
	return total
}

// worker sends one request at a time, as a client on one connection would.
type worker struct {
	t      *loadTarget
	client *http.Client
	mix    mix
	rng    *rand.Rand
	errs   *errLog
	tally  *tally
	etags  map[string]string // last ETag seen by channel URL (and encoding)
	buf    bytes.Buffer
}

func (w *worker) run(stop *atomic.Bool) {
	for !stop.Load() {
		c := w.t.plan(w.mix.pick(w.rng), w.rng, w.etags)
		t0 := time.Now()
		status, err := w.do(&c)
		w.tally.add(c.kind, status, time.Since(t0), err != nil)
		if err != nil {
			w.errs.add(fmt.Sprintf("%s %s %s: %v", c.kind, c.method, c.url, err))
		}
	}
}

// do sends c, reads the whole body and checks the answer; it returns the
// status (0 when no response arrived).
func (w *worker) do(c *call) (int, error) {
	req, err := c.request(w.t)
	if err != nil {
		return 0, err
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	w.buf.Reset()
	if _, err := w.buf.ReadFrom(resp.Body); err != nil {
		return resp.StatusCode, fmt.Errorf("read body: %w", err)
	}
	if err := c.check(resp.StatusCode, resp.Header, w.buf.Bytes()); err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode == http.StatusOK && c.etagKey != "" {
		w.etags[c.etagKey] = resp.Header.Get("ETag")
	}
	return resp.StatusCode, nil
}

// errLog counts failures and keeps (and prints) the first few.
type errLog struct {
	w     io.Writer
	mu    sync.Mutex
	n     int64
	first []string
}

func (e *errLog) add(msg string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.n++
	if len(e.first) < maxLoggedErrors {
		e.first = append(e.first, msg)
		fmt.Fprintln(e.w, "load: error:", msg)
	}
}

func (e *errLog) snapshot() (int64, []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.n, append([]string(nil), e.first...)
}

// sampleEvery scrapes url every period until the returned stop func is
// called; stop returns the samples. A failed scrape is logged, not counted
// as a request error.
func sampleEvery(ctx context.Context, client *http.Client, url string, period time.Duration, began time.Time, logw io.Writer) func() []metricSample {
	done := make(chan struct{})
	var out []metricSample
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(period)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			s, err := scrape(ctx, client, url)
			if err != nil {
				fmt.Fprintln(logw, "load: sample:", err)
				continue
			}
			s.AtSec = time.Since(began).Seconds()
			out = append(out, s)
		}
	})
	return func() []metricSample { close(done); wg.Wait(); return out }
}
