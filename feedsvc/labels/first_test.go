package labels

import (
	"slices"
	"strings"
	"testing"
)

// agreeFirst checks findFirst against find for every labelTable rule,
// and matchFirst against the regexp for every bareTable rule, on seg,
// Clean(seg) and seg's bracketed inside.
func agreeFirst(t *testing.T, seg string) {
	t.Helper()
	inner, _ := bracketed(Clean(seg))
	for _, s := range []string{seg, Clean(seg), inner} {
		for _, r := range labelTable {
			if got, want := r.findFirst(s), r.find(s); !slices.Equal(got, want) {
				t.Errorf("%s: findFirst(%q) = %v, find %v", r.re, s, got, want)
			}
		}
		for _, r := range bareTable {
			for _, b := range []string{s, strings.TrimRight(s, ":：/")} {
				if got := r.matchFirst(b); got != r.re.MatchString(b) {
					t.Errorf("%s: matchFirst(%q) = %v", r.re, b, got)
				}
			}
		}
	}
}

// TestFirstRunesAgree: over every segment of the fixture lines and the
// other tests' cases, the first-character test changes no match.
func TestFirstRunesAgree(t *testing.T) {
	lines := append(fixtureLines(t), fastCases...)
	for _, s := range append(lines, gateCases...) {
		for _, seg := range splitSegments(s) {
			agreeFirst(t, seg)
		}
	}
	narrow := 0
	for _, r := range append(slices.Clone(labelTable), bareTable...) {
		if !firstSets[r.re].any {
			narrow++
		}
	}
	if narrow < len(labelTable)/2+len(bareTable) {
		t.Errorf("only %d of %d rules have a first-character set", narrow, len(labelTable)+len(bareTable))
	}
}

// FuzzFirstRunes: on any text the first-character test changes no match.
func FuzzFirstRunes(f *testing.F) {
	for _, c := range append(slices.Clone(fastCases), gateCases...) {
		f.Add(c)
	}
	f.Fuzz(agreeFirst)
}
