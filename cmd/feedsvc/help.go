package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/feedsvc/feedsvc/config"
)

// printUsage writes the full help: commands with their flags (taken from
// each command's own flag set, so they cannot drift) and every
// environment variable with its default (config.Vars).
func printUsage(ctx context.Context, w io.Writer, getenv func(string) string) {
	fmt.Fprint(w, "feedsvc aggregates news sources and publishes RSS, Atom and JSON Feed per section.\n\nusage: feedsvc COMMAND [flags]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
		if c.run == nil || c.name == "version" {
			continue
		}
		var flags bytes.Buffer
		_ = c.run(ctx, []string{"-h"}, getenv, io.Discard, &flags)
		if _, defaults, ok := strings.Cut(flags.String(), ":\n"); ok && strings.TrimSpace(defaults) != "" {
			fmt.Fprint(w, indent(defaults, "    "))
		}
	}
	fmt.Fprint(w, "\nenvironment (default in brackets; a secret NAME may instead be read from the file NAME_FILE):\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, v := range config.Vars {
		def := v.Default
		if def == "" {
			def = "empty"
		}
		fmt.Fprintf(tw, "  %s\t[%s]\t%s\n", v.Name, def, v.Meaning)
	}
	_ = tw.Flush()
	fmt.Fprint(w, "\nexit status: 0 ok, 1 the command failed, 2 a command line it does not understand.\n")
}

func indent(s, prefix string) string {
	lines := strings.SplitAfter(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "") + "\n"
}
