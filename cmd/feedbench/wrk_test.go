package main

import (
	"math"
	"strings"
	"testing"
)

const wrkSample = `Running 10s test @ http://127.0.0.1:40123/sections/bench/rss
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.61ms    3.02ms  52.47ms   90.12%
    Req/Sec    14.21k     1.53k   17.90k    71.50%
  Latency Distribution
     50%    1.71ms
     75%    2.95ms
     90%    5.42ms
     99%   15.08ms
  282887 requests in 10.01s, 20.58GB read
Requests/sec:  28261.44
Transfer/sec:      2.06GB
`

func TestParseWrk(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  wrkResult
	}{
		{"plain", wrkSample, wrkResult{RequestsPerSec: 28261.44, P50Ms: 1.71, P99Ms: 15.08, Requests: 282887}},
		{"microseconds and errors", strings.NewReplacer("1.71ms", "812.00us", "15.08ms", "1.20s",
			"Requests/sec:", "  Non-2xx or 3xx responses: 17\n  Socket errors: connect 1, read 2, write 0, timeout 4\nRequests/sec:").
			Replace(wrkSample),
			wrkResult{RequestsPerSec: 28261.44, P50Ms: 0.812, P99Ms: 1200, Requests: 282887, Non2xx3xx: 17, SocketErrors: 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrk(strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("parseWrk: %v", err)
			}
			if !near(got.P50Ms, tt.want.P50Ms) || !near(got.P99Ms, tt.want.P99Ms) {
				t.Errorf("got p50 %v p99 %v, want %v %v", got.P50Ms, got.P99Ms, tt.want.P50Ms, tt.want.P99Ms)
			}
			got.P50Ms, got.P99Ms = tt.want.P50Ms, tt.want.P99Ms
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseWrkIncomplete(t *testing.T) {
	tests := []struct{ name, input string }{
		{"no latency distribution", strings.Replace(wrkSample, "     99%   15.08ms\n", "", 1)},
		{"no requests/sec", strings.Replace(wrkSample, "Requests/sec:  28261.44\n", "", 1)},
		{"bad unit", strings.Replace(wrkSample, "1.71ms", "1.71parsecs", 1)},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := parseWrk(strings.NewReader(tt.input)); err == nil {
				t.Errorf("got %+v and nil error, want an error", got)
			}
		})
	}
}

func TestParseWrkDuration(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"micro", "250.00us", 0.25},
		{"milli", "3.50ms", 3.5},
		{"seconds", "1.02s", 1020},
		{"minutes", "1.50m", 90000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrkDuration(tt.in)
			if err != nil || !near(got, tt.want) {
				t.Errorf("parseWrkDuration(%q): got %v, %v, want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }
