package main

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// kindStats accumulates the results of one kind of request.
type kindStats struct {
	requests, errors int64
	statuses         map[int]int64 // by HTTP status; 0 counts transport errors
	lat              []time.Duration
}

// tally is one worker's results by kind; workers own theirs, so adding
// needs no lock, and merge runs once after they stop.
type tally [numKinds]kindStats

// add records one request: its status (0 when none arrived), how long it
// took and whether it failed the checks.
func (t *tally) add(k kind, status int, d time.Duration, failed bool) {
	s := &t[k]
	s.requests++
	if failed {
		s.errors++
	}
	if s.statuses == nil {
		s.statuses = map[int]int64{}
	}
	s.statuses[status]++
	s.lat = append(s.lat, d)
}

// merge adds o into t.
func (t *tally) merge(o *tally) {
	for k := range o {
		s, x := &t[k], &o[k]
		s.requests += x.requests
		s.errors += x.errors
		for code, n := range x.statuses {
			if s.statuses == nil {
				s.statuses = map[int]int64{}
			}
			s.statuses[code] += n
		}
		s.lat = append(s.lat, x.lat...)
	}
}

// kindReport is the summary of one kind in the JSON report.
type kindReport struct {
	Kind     string           `json:"kind"`
	Requests int64            `json:"requests"`
	Errors   int64            `json:"errors"`
	Statuses map[string]int64 `json:"statuses"` // "0" is a transport error
	P50Ms    float64          `json:"p50_ms"`
	P99Ms    float64          `json:"p99_ms"`
}

// summarize returns the per-kind reports (in kind order) and the
// latency percentiles over every request. It sorts the latencies in place.
func (t *tally) summarize() (kinds []kindReport, p50, p99 time.Duration) {
	var all []time.Duration
	for k := range t {
		s := &t[k]
		slices.Sort(s.lat)
		all = append(all, s.lat...)
		st := map[string]int64{}
		for code, n := range s.statuses {
			st[strconv.Itoa(code)] = n
		}
		kinds = append(kinds, kindReport{
			Kind: kind(k).String(), Requests: s.requests, Errors: s.errors, Statuses: st,
			P50Ms: ms(percentile(s.lat, 0.50)), P99Ms: ms(percentile(s.lat, 0.99)),
		})
	}
	slices.Sort(all)
	return kinds, percentile(all, 0.50), percentile(all, 0.99)
}

// percentile returns the nearest-rank p-quantile (0 < p <= 1) of sorted
// durations, 0 for none.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// ms converts d to milliseconds rounded to microseconds.
func ms(d time.Duration) float64 {
	return math.Round(float64(d)/float64(time.Microsecond)) / 1000
}
