package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// healthcheckCmd asks the running service's /healthz and fails unless it
// answers 200: the container health check of an image without curl.
func healthcheckCmd(ctx context.Context, args []string, getenv func(string) string, _, stderr io.Writer) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("url", healthzURL(getenv("LISTEN_ADDR")), "URL to ask (default from LISTEN_ADDR)")
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return errUsage{error: fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *target, nil)
	if err != nil {
		return errUsage{error: fmt.Errorf("-url %q: %w", *target, err)}
	}
	resp, err := http.DefaultClient.Do(req)
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	if err != nil {
		return fmt.Errorf("healthcheck %s: %w", *target, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck %s: answered %s, want 200 OK", *target, resp.Status)
	}
	return nil
}

// healthzURL is the /healthz URL of a server listening on listen: a
// wildcard or empty host is asked on loopback.
func healthzURL(listen string) string {
	if listen == "" {
		listen = "127.0.0.1:8080"
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "http://" + listen + "/healthz"
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}
