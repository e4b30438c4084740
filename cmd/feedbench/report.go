package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
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

// reportCmd implements `feedbench report`: for each CASE it reads
// DIR/CASE.feedsvc.txt and DIR/CASE.nginx.txt (wrk --latency outputs),
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

// loadCase parses both wrk outputs of one case.
func loadCase(dir, name string) (caseResult, error) {
	c := caseResult{Case: name}
	for _, side := range []struct {
		server string
		dst    *wrkResult
	}{{"feedsvc", &c.Feedsvc}, {"nginx", &c.Nginx}} {
		path := filepath.Join(dir, name+"."+side.server+".txt")
		f, err := os.Open(path)
		if err != nil {
			return c, fmt.Errorf("case %s: %w", name, err)
		}
		*side.dst, err = parseWrk(f)
		f.Close()
		if err != nil {
			return c, fmt.Errorf("case %s: %s: %w", name, path, err)
		}
	}
	c.Ratio = ratio(c.Feedsvc.RequestsPerSec, c.Nginx.RequestsPerSec)
	return c, nil
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
