package main

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond
	}
	for _, tc := range []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"none", nil, 0.5, 0},
		{"one", []time.Duration{7}, 0.99, 7},
		{"p50 of 1..100", hundred, 0.50, 50 * time.Millisecond},
		{"p99 of 1..100", hundred, 0.99, 99 * time.Millisecond},
		{"p100 is the max", hundred, 1, 100 * time.Millisecond},
		{"tiny p is the min", hundred, 0.0001, time.Millisecond},
		{"p50 of two is the lower", []time.Duration{1, 9}, 0.5, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := percentile(tc.sorted, tc.p); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTallyMergeSummarize(t *testing.T) {
	var a, b tally
	for i := 1; i <= 50; i++ {
		a.add(kindRead, 200, time.Duration(i)*time.Millisecond, false)
		b.add(kindRead, 200, time.Duration(50+i)*time.Millisecond, false)
	}
	b.add(kindCond, 304, time.Millisecond, false)
	b.add(kindCond, 0, 2*time.Second, true)
	a.add(kindAdmin, 500, 3*time.Millisecond, true)
	total := &tally{}
	total.merge(&a)
	total.merge(&b)
	kinds, p50, p99 := total.summarize()
	if len(kinds) != int(numKinds) {
		t.Fatalf("%d kind reports, want %d", len(kinds), numKinds)
	}
	read, cond, admin := kinds[kindRead], kinds[kindCond], kinds[kindAdmin]
	if read.Kind != "read" || read.Requests != 100 || read.Errors != 0 || read.Statuses["200"] != 100 {
		t.Errorf("read = %+v", read)
	}
	if read.P50Ms != 50 || read.P99Ms != 99 {
		t.Errorf("read p50/p99 = %v/%v ms, want 50/99", read.P50Ms, read.P99Ms)
	}
	if cond.Requests != 2 || cond.Errors != 1 || cond.Statuses["304"] != 1 || cond.Statuses["0"] != 1 {
		t.Errorf("conditional = %+v", cond)
	}
	if admin.Errors != 1 || admin.Statuses["500"] != 1 {
		t.Errorf("admin = %+v", admin)
	}
	// 103 latencies: 1ms, 1..100ms, 2s, 3ms; nearest rank 52 is 50ms, rank 102 is 100ms.
	if p50 != 50*time.Millisecond || p99 != 100*time.Millisecond {
		t.Errorf("overall p50/p99 = %v/%v, want 50ms/100ms", p50, p99)
	}
}
