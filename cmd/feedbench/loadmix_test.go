package main

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestMixAtOwnsWeightValues(t *testing.T) {
	for _, w := range [][numKinds]int{defaultWeights, {1, 0, 0, 0, 0, 3}, {0, 0, 7, 0, 0, 0}} {
		m, err := newMix(w)
		if err != nil {
			t.Fatalf("newMix(%v): %v", w, err)
		}
		var got [numKinds]int
		for n := range m.total {
			got[m.at(n)]++
		}
		if got != w {
			t.Errorf("weights %v: values per kind %v", w, got)
		}
	}
}

func TestMixPickFollowsWeights(t *testing.T) {
	m, err := newMix(defaultWeights)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const draws = 200000
	var got [numKinds]int
	for range draws {
		got[m.pick(rng)]++
	}
	for k, w := range defaultWeights {
		want := float64(draws) * float64(w) / float64(m.total)
		if diff := float64(got[k]) - want; diff > 0.05*want || diff < -0.05*want {
			t.Errorf("%s: %d draws, want about %.0f", kind(k), got[k], want)
		}
	}
}

func TestNewMixRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		w    [numKinds]int
	}{
		{"negative", [numKinds]int{40, -1, 10, 15, 5, 5}},
		{"all zero", [numKinds]int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := newMix(tc.w); err == nil {
				t.Errorf("newMix(%v) succeeded", tc.w)
			}
		})
	}
}

func TestParseMix(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     [numKinds]int
		err      string
	}{
		{name: "empty keeps defaults", in: "", want: defaultWeights},
		{name: "override two", in: "admin=0, filtered=30", want: [numKinds]int{40, 25, 10, 30, 5, 0}},
		{name: "unknown kind", in: "reads=3", err: "KIND=WEIGHT"},
		{name: "no equals", in: "read", err: "KIND=WEIGHT"},
		{name: "negative", in: "gzip=-2", err: "non-negative"},
		{name: "not a number", in: "gzip=x", err: "non-negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseMix(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("parseMix(%q) error %v, want one containing %q", tc.in, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("parseMix(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestKindNames(t *testing.T) {
	for k := range numKinds {
		if got := kindByName(k.String()); got != k {
			t.Errorf("kindByName(%q) = %d, want %d", k.String(), got, k)
		}
	}
	if got := kind(99).String(); got != "kind(99)" {
		t.Errorf("got %q, want %q", got, "kind(99)")
	}
}
