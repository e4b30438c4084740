// Command feedsvc runs the feed service (serve) or runs one source through
// the ingest pipeline and prints its normalized articles (check).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

var version = "dev"

// command is one subcommand: its name, its arguments and one line of help.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order the help text shows them.
// A new subcommand is one more line here (help and dispatch follow).
var commands = []command{
	{"serve", "[-config FILE]", "run the service (config also from FEEDSVC_CONFIG)", serveCmd},
	{"check", "[-timezone TZ] [-kind KIND] [-list] URL|FILE", "fetch one source once and print its articles as JSON", checkCmd},
	{"export", "> FILE", "write the whole store as JSON Lines (stop serve first on a disk store)", exportCmd},
	{"import", "[-in FILE]", "load an export into an empty store (REDIS_URL or DATA_DIR pick it)", importCmd},
	{"healthcheck", "[-url URL]", "exit 0 when the service's /healthz answers 200 (for container health checks)", healthcheckCmd},
	{"version", "", "print the version, commit and Go version (also --version, -v)", versionCmd},
	{"help", "", "print this help: commands, flags and environment (also -h, --help)", nil},
}

// errUsage marks an error in the command line itself (exit status 2).
// shown is set when the flag package already printed it with the flags.
type errUsage struct {
	error
	shown bool
}

func (e errUsage) Unwrap() error { return e.error }

// usageErr wraps a flag parsing error so that run exits 2 (0 for -h).
func usageErr(err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return errUsage{err, true}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a subcommand and returns the process exit code: 0 on
// success (and for help), 1 when the command failed, 2 for a command line
// it does not understand.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(ctx, stderr, getenv)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		printUsage(ctx, stdout, getenv)
		return 0
	case "--version", "-version", "-v":
		args[0] = "version"
	}
	for _, c := range commands {
		if c.name == args[0] && c.run != nil {
			return exitCode(c.run(ctx, args[1:], getenv, stdout, stderr), c, stderr)
		}
	}
	what := "command"
	if strings.HasPrefix(args[0], "-") {
		what = "flag"
	}
	fmt.Fprintf(stderr, "feedsvc: unknown %s %q\n\n", what, args[0])
	printUsage(ctx, stderr, getenv)
	return 2
}

// exitCode reports err on stderr and maps it to the exit status.
func exitCode(err error, c command, stderr io.Writer) int {
	var ue errUsage
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue) && ue.shown:
		return 2
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "feedsvc %s: %v\nusage: feedsvc %s %s\n(feedsvc help lists every command, flag and setting)\n", c.name, ue.error, c.name, c.args)
		return 2
	}
	fmt.Fprintln(stderr, "feedsvc:", err)
	return 1
}
