package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
)

// caseResult compares feedsvc and nginx on one request shape.
type caseResult struct {
	Case    string    `json:"case"`
	Feedsvc wrkResult `json:"feedsvc"`
	Nginx   wrkResult `json:"nginx"`
	// Ratio is feedsvc req/s divided by nginx req/s.
	Ratio float64 `json:"ratio"`
	// FeedsvcRuns and NginxRuns count the wrk runs the medians come from.
	FeedsvcRuns int `json:"feedsvc_runs"`
	NginxRuns   int `json:"nginx_runs"`
}

// report is the JSON document the benchmark writes.
type report struct {
	Meta  map[string]string `json:"meta"`
	Cases []caseResult      `json:"cases"`
}

// metaFlag collects repeated -meta key=value flags.
type metaFlag map[string]string

func (m metaFlag) String() string { return fmt.Sprint(map[string]string(m)) }

func (m metaFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("%q is not key=value", s)
	}
	m[k] = v
	return nil
}

// reportCmd implements `feedbench report`: for each CASE it reads the wrk
// --latency outputs DIR/CASE.feedsvc[.N].txt and DIR/CASE.nginx[.N].txt,
// prints the comparison table and writes the JSON report to -o.
func reportCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", ".", "folder of CASE.feedsvc.txt and CASE.nginx.txt")
	out := fs.String("o", "", "JSON output file (none when empty)")
	meta := metaFlag{}
	fs.Var(meta, "meta", "key=value recorded in the JSON (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("report: name at least one case")
	}
	rep := report{Meta: meta}
	for _, name := range fs.Args() {
		c, err := loadCase(*dir, name)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		rep.Cases = append(rep.Cases, c)
	}
	if err := writeTable(stdout, rep.Cases); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if *out == "" {
		return nil
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// loadCase parses the wrk outputs of one case: DIR/CASE.SERVER.txt or,
// for repeated rounds, DIR/CASE.SERVER.*.txt, keeping each server's
// median run by req/s.
func loadCase(dir, name string) (caseResult, error) {
	c := caseResult{Case: name}
	for _, side := range []struct {
		server string
		dst    *wrkResult
		runs   *int
	}{{"feedsvc", &c.Feedsvc, &c.FeedsvcRuns}, {"nginx", &c.Nginx, &c.NginxRuns}} {
		runs, err := loadRuns(dir, name, side.server)
		if err != nil {
			return c, fmt.Errorf("case %s: %w", name, err)
		}
		*side.dst, *side.runs = median(runs), len(runs)
	}
	c.Ratio = ratio(c.Feedsvc.RequestsPerSec, c.Nginx.RequestsPerSec)
	return c, nil
}

// loadRuns parses every wrk output of one case and server.
func loadRuns(dir, name, server string) ([]wrkResult, error) {
	prefix := filepath.Join(dir, name+"."+server)
	paths, err := filepath.Glob(globEscape(prefix) + ".*.txt")
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(prefix + ".txt"); err == nil {
		paths = append(paths, prefix+".txt")
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no %s.txt or %s.*.txt: %w", prefix, prefix, os.ErrNotExist)
	}
	var runs []wrkResult
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		r, err := parseWrk(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		runs = append(runs, r)
	}
	return runs, nil
}

// median returns the run with the median req/s (the upper one of two).
func median(runs []wrkResult) wrkResult {
	s := slices.Clone(runs)
	slices.SortFunc(s, func(a, b wrkResult) int { return cmp.Compare(a.RequestsPerSec, b.RequestsPerSec) })
	return s[len(s)/2]
}

// globEscape quotes the glob metacharacters of a literal path.
func globEscape(p string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(p)
}

// ratio is a/b rounded to three decimals, 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return math.Round(a/b*1000) / 1000
}

// writeTable prints one aligned row per case.
func writeTable(w io.Writer, cases []caseResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "case\tfeedsvc req/s\tnginx req/s\tratio\tfeedsvc p50/p99 ms\tnginx p50/p99 ms\terrors f/n\t")
	for _, c := range cases {
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.3f\t%.2f / %.2f\t%.2f / %.2f\t%d / %d\t\n",
			c.Case, c.Feedsvc.RequestsPerSec, c.Nginx.RequestsPerSec, c.Ratio,
			c.Feedsvc.P50Ms, c.Feedsvc.P99Ms, c.Nginx.P50Ms, c.Nginx.P99Ms,
			c.Feedsvc.errors(), c.Nginx.errors())
	}
	return tw.Flush()
}

// errors counts responses that were not 2xx/3xx plus socket errors.
func (r wrkResult) errors() int64 { return r.Non2xx3xx + r.SocketErrors }
