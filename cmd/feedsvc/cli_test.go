package main

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/config"
)

// cli runs feedsvc with args and an environment, returning the exit
// status, stdout and stderr.
func cli(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpListsCommandsFlagsAndEveryVariable(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		code, out, _ := cli(t, nil, arg)
		if code != 0 {
			t.Errorf("%s: exit %d, want 0", arg, code)
		}
		want := []string{"serve", "check", "healthcheck", "version", "-config", "-timezone", "-kind", "-list", "-url"}
		for _, v := range config.Vars {
			want = append(want, v.Name)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q", arg, w)
			}
		}
		if !strings.Contains(out, "LISTEN_ADDR") || !strings.Contains(out, "[127.0.0.1:8080]") {
			t.Errorf("%s: defaults missing:\n%s", arg, out)
		}
	}
}

func TestReadmeListsEveryVariable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range config.Vars {
		if !bytes.Contains(readme, []byte("`"+v.Name+"`")) {
			t.Errorf("README.md does not list `%s`", v.Name)
		}
	}
}

func TestVersionFlags(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-v"} {
		code, out, errOut := cli(t, nil, arg)
		if code != 0 || !strings.HasPrefix(out, "feedsvc "+version+"\n") || !strings.Contains(out, "\ncommit ") ||
			!strings.Contains(out, runtime.Version()) {
			t.Errorf("%s: exit %d, out %q, err %q", arg, code, out, errOut)
		}
	}
}

func TestCommandLineMistakesExit2WithUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--bogus"}, {"-x"}, {"frobnicate"}, {"serve", "--bogus"}, {"check"}, {"check", "-nope", "x"},
		{"healthcheck", "extra"}, {"version", "extra"}} {
		code, out, errOut := cli(t, nil, args...)
		if code != 2 || !strings.Contains(errOut, "usage") && !strings.Contains(errOut, "Usage") {
			t.Errorf("%q: exit %d, stderr %q, want 2 and a usage", args, code, errOut)
		}
		if out != "" {
			t.Errorf("%q: wrote %q to stdout", args, out)
		}
	}
}

func TestSubcommandHelpExits0(t *testing.T) {
	for _, cmd := range []string{"serve", "check", "healthcheck"} {
		code, _, errOut := cli(t, nil, cmd, "-h")
		if code != 0 || !strings.Contains(errOut, "-") {
			t.Errorf("%s -h: exit %d, stderr %q; want 0 and the flags", cmd, code, errOut)
		}
	}
}
