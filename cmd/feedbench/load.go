package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// loadOptions are the flags of `feedbench load`.
type loadOptions struct {
	base        *url.URL
	token       string
	conns       int
	duration    time.Duration
	settle      time.Duration // idle wait before the last /metrics scrape
	sampleEvery time.Duration
	timeout     time.Duration // per request
	weights     [numKinds]int
	months      []string
	seed        uint64
	out         string
	meta        metaFlag
}

// errLoadFailed is returned when the run had errors or grew past the bounds.
var errLoadFailed = errors.New("load test failed")

// loadCmd implements `feedbench load`: a bounded mixed soak test of a
// running feedsvc (see loadRun), printing a summary and writing the JSON
// report. It fails when any request failed or the service grew.
func loadCmd(args []string, stdout, stderr io.Writer) error {
	o, err := parseLoadFlags(args, stderr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := loadRun(ctx, o, stderr)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if err := rep.writeText(stdout); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if o.out != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		if err := os.WriteFile(o.out, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	if !rep.Pass {
		return fmt.Errorf("%w: %d errors, goroutines ok %t, heap ok %t",
			errLoadFailed, rep.Errors, rep.Growth.GoroutinesOK, rep.Growth.HeapOK)
	}
	return nil
}

func parseLoadFlags(args []string, stderr io.Writer) (loadOptions, error) {
	o := loadOptions{meta: metaFlag{}}
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "service base URL, e.g. http://127.0.0.1:8080 (required)")
	fs.StringVar(&o.token, "token", os.Getenv("ADMIN_TOKEN"), "admin bearer token (default $ADMIN_TOKEN)")
	fs.IntVar(&o.conns, "c", 64, "connections (one worker each)")
	fs.DurationVar(&o.duration, "d", 3*time.Minute, "duration of the load")
	fs.DurationVar(&o.settle, "settle", 5*time.Second, "idle wait before the final /metrics scrape")
	fs.DurationVar(&o.sampleEvery, "sample", 15*time.Second, "how often /metrics is sampled during the load")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "timeout of one request")
	mixSpec := fs.String("mix", "", "weights KIND=N,... over read, conditional, gzip, filtered, archive, admin (default 40,25,10,15,5,5)")
	months := fs.String("months", feedBase.Format("2006-01")+","+feedBase.AddDate(0, -1, 0).Format("2006-01"),
		"archive months read, comma-separated YYYY-MM")
	remote := fs.Bool("remote", false, "allow a base URL that is not on loopback")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed of the request mix")
	fs.StringVar(&o.out, "o", "", "JSON report file (none when empty)")
	fs.Var(o.meta, "meta", "key=value recorded in the JSON (repeatable)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var err error
	if o.weights, err = parseMix(*mixSpec); err != nil {
		return o, fmt.Errorf("load: %w", err)
	}
	if o.base, err = checkBase(*base, *remote); err != nil {
		return o, fmt.Errorf("load: %w", err)
	}
	if o.token == "" || o.conns < 1 || o.duration <= 0 || o.sampleEvery <= 0 || o.timeout <= 0 {
		return o, fmt.Errorf("load: need -token (or ADMIN_TOKEN), -c >= 1 and positive -d, -sample, -timeout")
	}
	if *months != "" {
		o.months = strings.Split(*months, ",")
	}
	return o, nil
}

// checkBase parses the base URL and, unless remote is set, refuses hosts
// other than loopback: a load test must not hit a shared service by mistake.
func checkBase(s string, remote bool) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("-base %q: want an http(s) URL", s)
	}
	if remote {
		return u, nil
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("-base %q: not a loopback address (pass -remote to allow)", s)
	}
	return u, nil
}

// discover reads the sections and sources from the admin API.
func discover(ctx context.Context, client *http.Client, o loadOptions) (*loadTarget, error) {
	t := &loadTarget{base: o.base, token: o.token, months: o.months}
	if err := getJSON(ctx, client, t, "api/sections", &t.sections); err != nil {
		return nil, err
	}
	var sources []struct {
		ID string `json:"id"`
	}
	if err := getJSON(ctx, client, t, "api/sources", &sources); err != nil {
		return nil, err
	}
	for _, s := range t.sections {
		slug, _ := s["slug"].(string)
		if slug == "" {
			return nil, fmt.Errorf("GET /api/sections: a section without slug: %v", s)
		}
		t.slugs = append(t.slugs, slug)
	}
	for _, s := range sources {
		t.sources = append(t.sources, s.ID)
	}
	if len(t.slugs) == 0 {
		return nil, fmt.Errorf("GET /api/sections: the service has no sections")
	}
	return t, nil
}

// getJSON GETs an admin path with the token and decodes the JSON answer.
func getJSON(ctx context.Context, client *http.Client, t *loadTarget, path string, v any) error {
	u := t.base.JoinPath(path).String()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	req.Header.Set("Authorization", "Bearer "+t.token)
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("GET %s: status %s: %s", u, resp.Status, strings.TrimSpace(string(b)))
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	return nil
}
