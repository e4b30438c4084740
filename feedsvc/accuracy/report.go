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
	// F1 is BodyF1 against the page's reference body; HasF1 says the page
	// has one (<name>.body.txt).
	F1    float64
	HasF1 bool
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

// MeanF1 is the mean body F1 over the pages that have a reference body,
// and how many there are.
func (t *Tally) MeanF1() (float64, int) {
	var sum float64
	n := 0
	for _, p := range t.Pages {
		if p.HasF1 {
			sum += p.F1
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return sum / float64(n), n
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
	if f1, n := t.MeanF1(); n > 0 {
		fmt.Fprintf(w, "  %-16s %6.3f   over %d pages with a reference body (not in overall)\n", "body F1 (mean)", f1, n)
	}
	if !misses {
		return
	}
	for _, pg := range t.Pages {
		if pg.Err != nil {
			fmt.Fprintf(w, "-- %s: ERROR %v\n", pg.Page, pg.Err)
			continue
		}
		if pg.HasF1 && pg.F1 < 0.95 {
			fmt.Fprintf(w, "-- %s body F1 %.3f\n", pg.Page, pg.F1)
		}
		for _, r := range pg.Results {
			if !r.OK {
				fmt.Fprintf(w, "-- %s %s\n     want %s\n     got  %s\n", pg.Page, r.Field, r.Want, r.Got)
			}
		}
	}
}
