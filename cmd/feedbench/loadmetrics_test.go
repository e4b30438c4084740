package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const exposition = `# HELP feedsvc_http_requests_total Requests.
# TYPE feedsvc_http_requests_total counter
feedsvc_http_requests_total{code="200",route="channel"} 1234
# HELP go_goroutines Number of goroutines that currently exist.
# TYPE go_goroutines gauge
go_goroutines 42
# HELP go_memstats_alloc_bytes Number of bytes allocated in heap and currently in use.
# TYPE go_memstats_alloc_bytes gauge
go_memstats_alloc_bytes 1.2345e+07
# HELP go_memstats_heap_inuse_bytes Number of heap bytes that are in use.
# TYPE go_memstats_heap_inuse_bytes gauge
go_memstats_heap_inuse_bytes 1.6e+07
# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 3.3554432e+07
`

func TestParseMetrics(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     metricSample
		err      string
	}{
		{name: "full", in: exposition, want: metricSample{Goroutines: 42, HeapAlloc: 12345000, HeapInuse: 16e6, RSS: 33554432}},
		{name: "alloc only, no process collector", in: "go_goroutines 7\ngo_memstats_alloc_bytes 100\n",
			want: metricSample{Goroutines: 7, HeapAlloc: 100}},
		{name: "untyped counts", in: "go_goroutines 3\ngo_memstats_heap_inuse_bytes 5\n", want: metricSample{Goroutines: 3, HeapInuse: 5}},
		{name: "no goroutines", in: "go_memstats_alloc_bytes 100\n", err: "go_goroutines"},
		{name: "no heap", in: "go_goroutines 7\n", err: "neither"},
		{name: "not an exposition", in: "<html>hello</html>\n", err: "metrics"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseMetrics(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// TestScrapeRealCollectors reads what feedsvc's registry (Go and process
// collectors behind promhttp) really serves.
func TestScrapeRealCollectors(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	srv := httptest.NewServer(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	defer srv.Close()
	s, err := scrape(context.Background(), srv.Client(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if s.Goroutines < 1 || s.HeapInuse <= 0 || s.HeapAlloc <= 0 || s.RSS <= 0 {
		t.Errorf("sample %+v: want positive goroutines, heap in-use, heap alloc and RSS", s)
	}
	if _, err := scrape(context.Background(), srv.Client(), srv.URL+"/x?y"); err != nil {
		t.Errorf("promhttp answers any path: %v", err)
	}
	bad := httptest.NewServer(http.NotFoundHandler())
	defer bad.Close()
	if _, err := scrape(context.Background(), bad.Client(), bad.URL); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("scrape of a 404: error %v, want the status", err)
	}
}

func TestCheckGrowth(t *testing.T) {
	const mb = 1 << 20
	start := metricSample{Goroutines: 20, HeapInuse: 10 * mb}
	for _, tc := range []struct {
		name       string
		end        metricSample
		goOK, heap bool
	}{
		{"flat", metricSample{Goroutines: 20, HeapInuse: 10 * mb}, true, true},
		{"at both limits", metricSample{Goroutines: 40, HeapInuse: 36 * mb}, true, true},
		{"one goroutine over", metricSample{Goroutines: 41, HeapInuse: 10 * mb}, false, true},
		{"heap over", metricSample{Goroutines: 20, HeapInuse: 36*mb + 1}, true, false},
		{"alloc used without in-use", metricSample{Goroutines: 20, HeapAlloc: 37 * mb}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := checkGrowth(start, start, tc.end)
			if g.GoroutinesOK != tc.goOK || g.HeapOK != tc.heap {
				t.Errorf("got goroutines ok %t, heap ok %t; want %t, %t (%+v)", g.GoroutinesOK, g.HeapOK, tc.goOK, tc.heap, g)
			}
			if g.GoroutineLimit != 40 || g.HeapLimit != 36*mb {
				t.Errorf("limits %v/%v, want 40/%v", g.GoroutineLimit, g.HeapLimit, 36*mb)
			}
		})
	}
}

func TestCheckGrowthAfterWarmUp(t *testing.T) {
	const mb = 1 << 20
	start := metricSample{Goroutines: 20, HeapInuse: 10 * mb}
	mid := []metricSample{{AtSec: 5, HeapInuse: 200 * mb}, {AtSec: 15, HeapInuse: 100 * mb}, {AtSec: 30, HeapInuse: 150 * mb}}
	warm := warmSample(start, mid)
	if warm.AtSec != 15 {
		t.Fatalf("warm sample at %v s, want the first at >= 15 s", warm.AtSec)
	}
	if g := checkGrowth(start, warm, metricSample{Goroutines: 20, HeapInuse: 160 * mb}); !g.HeapOK {
		t.Errorf("a filled cache (100 -> 160 MiB) flagged as growth: %+v", g)
	}
	if g := checkGrowth(start, warm, metricSample{Goroutines: 20, HeapInuse: 170 * mb}); g.HeapOK {
		t.Errorf("growth past 1.5x the warmed-up heap not flagged: %+v", g)
	}
	if got := warmSample(start, nil); got != start {
		t.Errorf("no samples: got %+v, want start", got)
	}
}

func TestPeak(t *testing.T) {
	got := peak([]metricSample{
		{AtSec: 0, Goroutines: 10, HeapInuse: 5, HeapAlloc: 4, RSS: 30},
		{AtSec: 15, Goroutines: 90, HeapInuse: 9, HeapAlloc: 3, RSS: 20},
		{AtSec: 30, Goroutines: 12, HeapInuse: 7, HeapAlloc: 8, RSS: 50},
	})
	want := metricSample{AtSec: 15, Goroutines: 90, HeapInuse: 9, HeapAlloc: 8, RSS: 50}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
