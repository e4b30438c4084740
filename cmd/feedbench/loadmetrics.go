package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// metricSample is one scrape of the service's /metrics: what a soak test
// watches for leaks.
type metricSample struct {
	AtSec      float64 `json:"at_s"` // seconds since the load started (negative: before)
	Goroutines float64 `json:"goroutines"`
	HeapInuse  float64 `json:"heap_inuse_bytes"`
	HeapAlloc  float64 `json:"heap_alloc_bytes"`
	RSS        float64 `json:"rss_bytes"` // 0 where the process collector has none
}

// Metric names read from the Prometheus text exposition.
const (
	metGoroutines = "go_goroutines"
	metHeapInuse  = "go_memstats_heap_inuse_bytes"
	metHeapAlloc  = "go_memstats_alloc_bytes"
	metRSS        = "process_resident_memory_bytes"
)

// scrape GETs url and parses the text exposition.
func scrape(ctx context.Context, client *http.Client, url string) (metricSample, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return metricSample{}, fmt.Errorf("scrape %s: %w", url, err)
	}
	req.Header.Set("Accept", "text/plain; version=0.0.4")
	resp, err := client.Do(req)
	if err != nil {
		return metricSample{}, fmt.Errorf("scrape %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return metricSample{}, fmt.Errorf("scrape %s: status %s", url, resp.Status)
	}
	m, err := parseMetrics(resp.Body)
	if err != nil {
		return m, fmt.Errorf("scrape %s: %w", url, err)
	}
	return m, nil
}

// parseMetrics reads the gauges of a text exposition; go_goroutines and
// one of the heap gauges are required.
func parseMetrics(r io.Reader) (metricSample, error) {
	var m metricSample
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(r)
	if err != nil {
		return m, fmt.Errorf("metrics: %w", err)
	}
	var ok bool
	if m.Goroutines, ok = value(fams[metGoroutines]); !ok {
		return m, fmt.Errorf("metrics: no %s", metGoroutines)
	}
	inuse, okInuse := value(fams[metHeapInuse])
	alloc, okAlloc := value(fams[metHeapAlloc])
	if !okInuse && !okAlloc {
		return m, fmt.Errorf("metrics: neither %s nor %s", metHeapInuse, metHeapAlloc)
	}
	m.HeapInuse, m.HeapAlloc = inuse, alloc
	m.RSS, _ = value(fams[metRSS])
	return m, nil
}

// value is the value of a family's first sample, whatever its type.
func value(f *dto.MetricFamily) (float64, bool) {
	if f == nil || len(f.GetMetric()) == 0 {
		return 0, false
	}
	s := f.GetMetric()[0]
	switch {
	case s.GetGauge() != nil:
		return s.GetGauge().GetValue(), true
	case s.GetCounter() != nil:
		return s.GetCounter().GetValue(), true
	case s.GetUntyped() != nil:
		return s.GetUntyped().GetValue(), true
	}
	return 0, false
}

// heap is the heap figure the growth check uses: in-use spans when the
// service exports them, else allocated bytes.
func (m metricSample) heap() float64 {
	if m.HeapInuse > 0 {
		return m.HeapInuse
	}
	return m.HeapAlloc
}

// peak is the largest value of each gauge over the samples (AtSec: when
// the goroutines peaked).
func peak(samples []metricSample) metricSample {
	var p metricSample
	for i, s := range samples {
		if i == 0 || s.Goroutines > p.Goroutines {
			p.Goroutines, p.AtSec = s.Goroutines, s.AtSec
		}
		p.HeapInuse = max(p.HeapInuse, s.HeapInuse)
		p.HeapAlloc = max(p.HeapAlloc, s.HeapAlloc)
		p.RSS = max(p.RSS, s.RSS)
	}
	return p
}

// Growth bounds between the scrape before the load and the one after the
// idle settle.
const (
	goroutineSlack = 20
	heapSlack      = 16 << 20
	warmUp         = 15 // seconds of load before the heap baseline
)

// growth is the leak check of the report.
type growth struct {
	GoroutineLimit float64 `json:"goroutine_limit"`  // start + 20
	HeapLimit      float64 `json:"heap_limit_bytes"` // max(2 x start, 1.5 x warm) + 16 MiB
	GoroutinesOK   bool    `json:"goroutines_ok"`
	HeapOK         bool    `json:"heap_ok"`
}

// checkGrowth compares the idle end sample with the start one and, for the
// heap, with warm: the first sample after warmUp, when the service's
// bounded caches (rendered documents, up to 64 MiB) have filled. A leak
// keeps growing after that; a cache does not.
func checkGrowth(start, warm, end metricSample) growth {
	limit := max(2*start.heap(), 1.5*warm.heap()) + heapSlack
	g := growth{GoroutineLimit: start.Goroutines + goroutineSlack, HeapLimit: limit}
	g.GoroutinesOK = end.Goroutines <= g.GoroutineLimit
	g.HeapOK = end.heap() <= g.HeapLimit
	return g
}

// warmSample returns the first sample taken at or after warmUp seconds,
// or start when there is none.
func warmSample(start metricSample, mid []metricSample) metricSample {
	for _, m := range mid {
		if m.AtSec >= warmUp {
			return m
		}
	}
	return start
}
