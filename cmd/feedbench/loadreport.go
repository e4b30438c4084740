package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// loadReport is the JSON document `feedbench load` writes.
type loadReport struct {
	Meta           map[string]string `json:"meta,omitempty"`
	Base           string            `json:"base"`
	Connections    int               `json:"connections"`
	DurationSec    float64           `json:"duration_s"`
	Requests       int64             `json:"requests"`
	Errors         int64             `json:"errors"`
	RequestsPerSec float64           `json:"requests_per_sec"`
	P50Ms          float64           `json:"p50_ms"`
	P99Ms          float64           `json:"p99_ms"`
	Kinds          []kindReport      `json:"kinds"`
	FirstErrors    []string          `json:"first_errors"`
	// Start is scraped before the load, End after it and the idle settle,
	// Samples during it; Peak is the largest of each gauge over all.
	Start   metricSample   `json:"start"`
	Peak    metricSample   `json:"peak"`
	End     metricSample   `json:"end"`
	Samples []metricSample `json:"samples"`
	Growth  growth         `json:"growth"`
	// Pass is true when no request failed and nothing grew past its bound.
	Pass bool `json:"pass"`
}

// buildReport summarizes a run.
func buildReport(o loadOptions, t *tally, elapsed time.Duration, errs *errLog, start, end metricSample, mid []metricSample) *loadReport {
	kinds, p50, p99 := t.summarize()
	r := &loadReport{Meta: o.meta, Base: o.base.String(), Connections: o.conns, DurationSec: round3(elapsed.Seconds()),
		Kinds: kinds, P50Ms: ms(p50), P99Ms: ms(p99), Start: start, End: end, Samples: mid}
	if r.Samples == nil {
		r.Samples = []metricSample{}
	}
	for _, k := range kinds {
		r.Requests += k.Requests
		r.Errors += k.Errors
	}
	if s := elapsed.Seconds(); s > 0 {
		r.RequestsPerSec = round3(float64(r.Requests) / s)
	}
	_, r.FirstErrors = errs.snapshot()
	if r.FirstErrors == nil {
		r.FirstErrors = []string{}
	}
	r.Peak = peak(slices.Concat([]metricSample{start}, mid, []metricSample{end}))
	r.Growth = checkGrowth(start, warmSample(start, mid), end)
	r.Pass = r.Errors == 0 && r.Growth.GoroutinesOK && r.Growth.HeapOK
	return r
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// writeText prints the summary, the per-kind table and the metrics.
func (r *loadReport) writeText(w io.Writer) error {
	fmt.Fprintf(w, "load: %d requests in %.1fs over %d connections: %.1f req/s, %d errors, p50 %.2f ms, p99 %.2f ms\n",
		r.Requests, r.DurationSec, r.Connections, r.RequestsPerSec, r.Errors, r.P50Ms, r.P99Ms)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\trequests\terrors\tp50 ms\tp99 ms\tstatuses\t")
	for _, k := range r.Kinds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%s\t\n", k.Kind, k.Requests, k.Errors, k.P50Ms, k.P99Ms, statusList(k.Statuses))
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t")
	fmt.Fprintln(tw, "metrics\tgoroutines\theap in-use MiB\theap alloc MiB\tRSS MiB\tat s\t")
	for _, row := range []struct {
		name string
		s    metricSample
	}{{"start", r.Start}, {"peak", r.Peak}, {"end", r.End}} {
		fmt.Fprintf(tw, "%s\t%.0f\t%.1f\t%.1f\t%.1f\t%.0f\t\n", row.name, row.s.Goroutines,
			mib(row.s.HeapInuse), mib(row.s.HeapAlloc), mib(row.s.RSS), row.s.AtSec)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	g := r.Growth
	_, err := fmt.Fprintf(w, "growth: goroutines %.0f (limit %.0f) %s; heap %.1f MiB (limit %.1f MiB) %s; pass %t\n",
		r.End.Goroutines, g.GoroutineLimit, okWord(g.GoroutinesOK), mib(r.End.heap()), mib(g.HeapLimit), okWord(g.HeapOK), r.Pass)
	return err
}

// statusList prints status counts as "200:12 304:3", statuses in order.
func statusList(st map[string]int64) string {
	var parts []string
	for code, n := range st {
		parts = append(parts, fmt.Sprintf("%s:%d", code, n))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

func mib(b float64) float64 { return b / (1 << 20) }

func okWord(ok bool) string {
	if ok {
		return "ok"
	}
	return "EXCEEDED"
}
