package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// listenPprof binds addr (PPROF_ADDR, a loopback address checked by
// config) for Go's /debug/pprof profiles and returns the function that
// serves them until its context is done; an empty addr serves nothing.
// The listener is bound before the service answers /healthz, so a
// profiler that waits for /healthz finds it. It is a listener of its own,
// apart from the public routes, so no route list or guard names it.
func listenPprof(addr string, log *slog.Logger) (func(context.Context), error) {
	if addr == "" {
		return func(context.Context) {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("PPROF_ADDR %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Info("pprof listening", "addr", ln.Addr().String())
	return func(ctx context.Context) {
		go func() {
			<-ctx.Done()
			_ = srv.Close()
		}()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("pprof: serve", "error", err)
		}
	}, nil
}
