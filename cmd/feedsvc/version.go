package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// commit may be set at link time (-X main.commit=...) where the go
// command cannot stamp VCS data (a Docker build without .git).
var commit = ""

// buildInfo describes this binary: the version set at link time, the VCS
// commit the go command stamped (with "-modified" when the tree was
// dirty; "unknown" without VCS data) and the Go version.
type buildInfo struct {
	Version, Commit, GoVersion string
}

func readBuildInfo() buildInfo {
	b := buildInfo{Version: version, Commit: "unknown", GoVersion: runtime.Version()}
	if commit != "" {
		b.Commit = commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && b.Commit != "unknown" {
		b.Commit += "-modified"
	}
	if b.Version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version // go install module@version
	}
	return b
}

func versionCmd(_ context.Context, args []string, _ func(string) string, stdout, _ io.Writer) error {
	if len(args) > 0 {
		return errUsage{error: fmt.Errorf("unexpected argument %q", args[0])}
	}
	b := readBuildInfo()
	fmt.Fprintf(stdout, "feedsvc %s\ncommit %s\n%s\n", b.Version, b.Commit, b.GoVersion)
	return nil
}
