package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/dump"
)

// renderCachePrefix starts the blob keys of rendered documents
// (httpapi's render cache): export leaves them out, serve rebuilds them.
const renderCachePrefix = "r:"

// exportCmd writes the whole store chosen like serve's (REDIS_URL or
// DATA_DIR) to stdout as JSON Lines.
func exportCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, cfg, err := dumpStore(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	d, ok := store.(feedsvc.Dumper)
	if !ok {
		return fmt.Errorf("export: store %s cannot list its records", cfg.Store)
	}
	n, err := dump.Export(ctx, stdout, d, dump.ExportOptions{SkipBlobs: []string{renderCachePrefix}})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "feedsvc: exported %v\n", n)
	return nil
}

// importCmd loads a JSON Lines export (from -in FILE, default stdin) into
// the store chosen like serve's, which must be empty.
func importCmd(ctx context.Context, args []string, getenv func(string) string, _, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "-", "export file to read (- for stdin)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var r io.Reader = os.Stdin
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		r = f
	}
	store, _, err := dumpStore(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := dump.Import(ctx, r, store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "feedsvc: imported %v\n", n)
	return nil
}

// dumpStore opens the store the environment selects, logging to stderr
// at warn level.
func dumpStore(ctx context.Context, getenv func(string) string, stderr io.Writer) (feedsvc.Store, config.Config, error) {
	cfg, err := config.Load(getenv)
	if err != nil {
		return nil, cfg, err
	}
	if cfg.Store == config.StoreMemory {
		return nil, cfg, fmt.Errorf("STORE=memory holds nothing to export or import into")
	}
	store, err := storeFromConfig(ctx, cfg, newLogger(stderr, cfg.LogFormat, "warn"))
	return store, cfg, err
}
