package accuracy

import (
	"fmt"
	"io"
	"slices"
)

// PageResult is one page's scored fields.
type PageResult struct {
	Page    string // path relative to the corpus root, for the miss list
	Results []Result
	Err     error // the page yielded no article
}

// Tally is per-field pass counts over a set of pages.
type Tally struct {
	Pages  []PageResult
	counts map[string][2]int // field -> {passed, scored}
}

// Add records one page.
func (t *Tally) Add(p PageResult) {
	if t.counts == nil {
		t.counts = map[string][2]int{}
	}
	t.Pages = append(t.Pages, p)
	for _, r := range p.Results {
		c := t.counts[r.Field]
		c[1]++
		if r.OK {
			c[0]++
		}
		t.counts[r.Field] = c
	}
}

// Field returns passed and scored counts of one field.
func (t *Tally) Field(name string) (passed, scored int) {
	c := t.counts[name]
	return c[0], c[1]
}

// Rate is passed/scored of one field, 1 when nothing was scored.
func (t *Tally) Rate(name string) float64 {
	p, n := t.Field(name)
	if n == 0 {
		return 1
	}
	return float64(p) / float64(n)
}

// Overall is the pass rate over every scored value of Fields (a page that
// yielded nothing counts as missing each of them).
func (t *Tally) Overall() float64 {
	var p, n int
	for _, f := range Fields {
		a, b := t.Field(f)
		p, n = p+a, n+b
	}
	for _, pg := range t.Pages {
		if pg.Err != nil {
			n += len(Fields)
		}
	}
	if n == 0 {
		return 1
	}
	return float64(p) / float64(n)
}

// Print writes the per-field table and, when misses is true, every miss
// per page (field, want, got).
func (t *Tally) Print(w io.Writer, title string, misses bool) {
	fmt.Fprintf(w, "== %s: %d pages\n", title, len(t.Pages))
	for _, f := range slices.Concat(Fields, Extra) {
		p, n := t.Field(f)
		if n == 0 {
			continue
		}
		mark := ""
		if slices.Contains(Extra, f) {
			mark = "  (extra check, not in overall)"
		}
		fmt.Fprintf(w, "  %-16s %6.1f%%  %3d/%-3d%s\n", f, 100*t.Rate(f), p, n, mark)
	}
	fmt.Fprintf(w, "  %-16s %6.1f%%\n", "OVERALL", 100*t.Overall())
	if !misses {
		return
	}
	for _, pg := range t.Pages {
		if pg.Err != nil {
			fmt.Fprintf(w, "-- %s: ERROR %v\n", pg.Page, pg.Err)
			continue
		}
		for _, r := range pg.Results {
			if !r.OK {
				fmt.Fprintf(w, "-- %s %s\n     want %s\n     got  %s\n", pg.Page, r.Field, r.Want, r.Got)
			}
		}
	}
}
