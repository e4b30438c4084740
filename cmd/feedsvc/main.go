// Command feedsvc runs the feed service (serve) or runs one source through
// the ingest pipeline and prints its normalized articles (check).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

var version = "dev"

const usage = `usage:
  feedsvc serve [-config FILE]          run the service (config also from FEEDSVC_CONFIG)
  feedsvc check [-timezone TZ] URL      fetch one source once and print its articles as JSON
  feedsvc export > FILE                 write the whole store as JSON Lines (stop serve first on a disk store)
  feedsvc import [-in FILE]             load an export into an empty store (REDIS_URL or DATA_DIR pick it)
  feedsvc version                       print the version
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a subcommand and returns the process exit code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = serveCmd(ctx, args[1:], getenv, stdout, stderr)
	case "check":
		err = checkCmd(ctx, args[1:], getenv, stdout, stderr)
	case "export":
		err = exportCmd(ctx, args[1:], getenv, stdout, stderr)
	case "import":
		err = importCmd(ctx, args[1:], getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "feedsvc", version)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "feedsvc: unknown command %q\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "feedsvc:", err)
		return 1
	}
	return 0
}
