package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCmd(t *testing.T) {
	dir := t.TempDir()
	nginx := strings.Replace(wrkSample, "Requests/sec:  28261.44", "Requests/sec:  40000.00", 1)
	files := map[string]string{"200-identity.feedsvc.txt": wrkSample, "200-identity.nginx.txt": nginx}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "bench.json")
	var stdout bytes.Buffer
	args := []string{"report", "-dir", dir, "-o", out, "-meta", "store=memory", "200-identity"}
	if err := run(args, &stdout, os.Stderr); err != nil {
		t.Fatalf("report: %v", err)
	}
	if !strings.Contains(stdout.String(), "200-identity") || !strings.Contains(stdout.String(), "0.707") {
		t.Errorf("table lacks the case or its ratio:\n%s", stdout.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("decode %s: %v", out, err)
	}
	if len(rep.Cases) != 1 || rep.Cases[0].Ratio != 0.707 || rep.Cases[0].Nginx.RequestsPerSec != 40000 {
		t.Errorf("got %+v, want one case with ratio 0.707", rep.Cases)
	}
	if rep.Meta["store"] != "memory" {
		t.Errorf("got meta %v, want store=memory", rep.Meta)
	}
}

func TestReportCmdErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
	}{
		{"no case", []string{"report", "-dir", dir}},
		{"missing files", []string{"report", "-dir", dir, "304"}},
		{"bad meta", []string{"report", "-meta", "novalue", "304"}},
		{"unknown subcommand", []string{"bench"}},
		{"no subcommand", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(tt.args, &out, &out); err == nil {
				t.Errorf("got nil error, want one")
			}
		})
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name       string
		a, b, want float64
	}{
		{"half", 5, 10, 0.5},
		{"rounded", 2, 3, 0.667},
		{"zero denominator", 5, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ratio(tt.a, tt.b); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReportCmdRounds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a[1]*") // glob metacharacters stay literal
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	withRPS := func(rps string) string {
		return strings.Replace(wrkSample, "Requests/sec:  28261.44", "Requests/sec:  "+rps, 1)
	}
	files := map[string]string{
		"304.feedsvc.1.txt": withRPS("100"), "304.feedsvc.2.txt": withRPS("300"), "304.feedsvc.3.txt": withRPS("200"),
		"304.nginx.1.txt": withRPS("400"), "304.nginx.2.txt": withRPS("500"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := loadCase(dir, "304")
	if err != nil {
		t.Fatalf("loadCase: %v", err)
	}
	if c.Feedsvc.RequestsPerSec != 200 || c.FeedsvcRuns != 3 {
		t.Errorf("feedsvc: got %v req/s over %d runs, want the median 200 over 3", c.Feedsvc.RequestsPerSec, c.FeedsvcRuns)
	}
	if c.Nginx.RequestsPerSec != 500 || c.NginxRuns != 2 || c.Ratio != 0.4 {
		t.Errorf("nginx: got %v req/s over %d runs, ratio %v, want 500 over 2, ratio 0.4",
			c.Nginx.RequestsPerSec, c.NginxRuns, c.Ratio)
	}
}
