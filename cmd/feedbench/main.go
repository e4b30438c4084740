// Command feedbench supports the HTTP load benchmark in .ci/bench-load: it
// writes the deterministic RSS fixture the service ingests (gen-feed) and
// turns wrk outputs into the feedsvc-versus-nginx table and JSON (report).
// For the mixed soak test in .ci/load-mixed it serves generated feeds over
// HTTP (serve-dir) and drives a running service with a weighted mix of
// channel reads, 304s, gzip, filtered and archive reads and admin writes
// while watching its goroutines and memory (load). For `make scale` it
// serves a farm of thousands of feeds on hundreds of loopback addresses,
// runs the built service on them and measures poll cycles, memory, CPU
// and channel latency (scale, whose channel probe runs as a process of
// its own: probe).
//
// Usage:
//
//	feedbench gen-feed -base http://127.0.0.1:PORT/ [-n 60] [-seed 1] -o FILE
//	feedbench report -dir DIR [-o FILE] [-meta key=value ...] CASE...
//	feedbench serve-dir -dir DIR -addr 127.0.0.1:PORT   (missing .jpg: a placeholder)
//	feedbench load -base URL [-token T] [-c 64] [-d 3m] [-o FILE] [-mix KIND=N,...]
//	feedbench scale -svc BIN [-sources 10000] [-hosts 200] [-sections 1000] [-order byhost|shuffled] [-o FILE]
//	feedbench probe -base URL [-sections 1000]   (scale's channel probe; stops when stdin closes)
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "feedbench:", err)
		os.Exit(1)
	}
}

// errUsage reports a missing or unknown subcommand.
var errUsage = errors.New("usage: feedbench gen-feed|report|serve-dir|load|scale|probe [flags]")

// run dispatches one subcommand; main only maps its error to an exit code.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "gen-feed":
		return genFeedCmd(args[1:], stderr)
	case "report":
		return reportCmd(args[1:], stdout, stderr)
	case "serve-dir":
		return serveDirCmd(args[1:], stderr)
	case "load":
		return loadCmd(args[1:], stdout, stderr)
	case "scale":
		return scaleCmd(args[1:], stdout, stderr)
	case "probe":
		return probeCmd(args[1:], os.Stdin, stdout)
	default:
		return fmt.Errorf("%w: unknown subcommand %q", errUsage, args[0])
	}
}
