package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// serveDirCmd implements `feedbench serve-dir -dir D -addr 127.0.0.1:PORT`:
// a static file server for generated feeds, so that the service fetches
// them over HTTP (ETag-less, Last-Modified from the file) as it would a
// publisher's, and a placeholder picture for any missing .jpg (the
// images gen-feed links to). It serves until interrupted.
func serveDirCmd(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve-dir", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", ".", "folder to serve")
	addr := fs.String("addr", "127.0.0.1:0", "listen address (loopback unless -remote)")
	remote := fs.Bool("remote", false, "allow a non-loopback listen address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return fmt.Errorf("serve-dir: -dir %q is not a folder", *dir)
	}
	ln, err := listenLoopback(*addr, *remote)
	if err != nil {
		return fmt.Errorf("serve-dir: %w", err)
	}
	fmt.Fprintf(stderr, "serve-dir: serving %s at http://%s/\n", *dir, ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveDir(ctx, ln, *dir)
}

// listenLoopback listens on addr, refusing non-loopback hosts unless remote.
func listenLoopback(addr string, remote bool) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("-addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); !remote && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("-addr %q: not a loopback address (pass -remote to allow)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	return ln, nil
}

// serveDir serves dir on ln until ctx ends, then shuts down.
func serveDir(ctx context.Context, ln net.Listener, dir string) error {
	srv := &http.Server{Handler: withPlaceholders(dir, http.FileServer(http.Dir(dir))), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = srv.Shutdown(sctx)
		cancel()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("serve-dir: %w", err)
	}
	return nil
}
