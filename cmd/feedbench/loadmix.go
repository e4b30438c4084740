package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// kind is one class of request in the load mix.
type kind int

// The request kinds of `feedbench load`, in report order.
const (
	kindRead    kind = iota // plain channel read
	kindCond                // conditional read with the last ETag seen
	kindGzip                // channel read with Accept-Encoding: gzip
	kindFilter              // channel read with q, category, limit, since
	kindArchive             // monthly archive or /sections/all
	kindAdmin               // PUT a section or POST a source refresh
	numKinds
)

var kindNames = [numKinds]string{"read", "conditional", "gzip", "filtered", "archive", "admin"}

func (k kind) String() string {
	if k < 0 || k >= numKinds {
		return "kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// defaultWeights is the mix the issue asks for, in percent.
var defaultWeights = [numKinds]int{40, 25, 10, 15, 5, 5}

// mix picks request kinds with fixed integer weights.
type mix struct {
	cum   [numKinds]int // cum[k] is the sum of the weights of kinds <= k
	total int
}

// newMix checks the weights (none negative, some positive) and returns
// their mix.
func newMix(w [numKinds]int) (mix, error) {
	var m mix
	for k, n := range w {
		if n < 0 {
			return m, fmt.Errorf("mix: weight of %s is %d, want >= 0", kind(k), n)
		}
		m.total += n
		m.cum[k] = m.total
	}
	if m.total == 0 {
		return m, fmt.Errorf("mix: every weight is 0")
	}
	return m, nil
}

// at maps n in [0, total) to its kind: each kind owns as many values of n
// as its weight.
func (m mix) at(n int) kind {
	for k, c := range m.cum {
		if n < c {
			return kind(k)
		}
	}
	return numKinds - 1
}

// pick draws a kind.
func (m mix) pick(rng *rand.Rand) kind { return m.at(rng.IntN(m.total)) }

// parseMix reads "read=40,conditional=25,..." on top of the default
// weights; kinds left out keep their default.
func parseMix(s string) ([numKinds]int, error) {
	w := defaultWeights
	if strings.TrimSpace(s) == "" {
		return w, nil
	}
	for part := range strings.SplitSeq(s, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		k := kindByName(name)
		if !ok || k < 0 {
			return w, fmt.Errorf("mix %q: %q is not KIND=WEIGHT with KIND one of %s", s, part, strings.Join(kindNames[:], ", "))
		}
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 {
			return w, fmt.Errorf("mix %q: weight %q of %s is not a non-negative integer", s, val, name)
		}
		w[k] = n
	}
	return w, nil
}

// kindByName returns the kind called name, or -1.
func kindByName(name string) kind {
	for k, n := range kindNames {
		if n == name {
			return kind(k)
		}
	}
	return -1
}
