package labels

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The line gate: most lines of an article hold no label at all, and Line
// would try every rule on them only to fail. mayBeMeta answers from one
// pass over the line whether any rule could match it. What a rule needs
// is derived from the rule tables themselves (a pattern's literals, as a
// prefilter of RE2's kind), so the gate cannot disagree with a table that
// changes: it only says "no" when no pattern's required literals occur.

// gateReq is a condition a text meets when a pattern matches inside it:
// all of subs (and), any of subs (or), or literal atom number lit.
type gateReq struct {
	op   gateOp
	lit  int
	lits gateSet // literal operands of and/or, tested at once
	subs []*gateReq
}

// gateSet is a set of atoms by number.
type gateSet [gateAtomMax / 64]uint64

func (s *gateSet) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s *gateSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s *gateSet) meets(t *gateSet) bool { // any common atom
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}
func (s *gateSet) covers(t *gateSet) bool { // every atom of t
	for i := range s {
		if s[i]&t[i] != t[i] {
			return false
		}
	}
	return true
}

type gateOp int

const (
	reqTrue gateOp = iota // nothing known: any text may match
	reqLit
	reqAnd
	reqOr
)

// gateExactMax bounds the finite string sets followed through a pattern
// before they are turned into literal conditions.
const gateExactMax = 64

// gateClassMax is the largest character class read as a set of literals.
const gateClassMax = 16

// gateAtom is a literal the gate looks for. A folded atom is in lower
// case and matches ASCII letters of either case; an anchored one counts
// only where a segment may start (segmentStart).
type gateAtom struct {
	s              string
	fold, anchored bool
}

// gateIndex lists the atoms with one first rune: those counted anywhere,
// then the anchored ones.
type gateIndex struct{ free, anchored []int }

// gateAtomMax is the number of atoms match can track.
const gateAtomMax = 512

// lineGate is the condition for the label tables Line consults.
type lineGate struct {
	atoms []gateAtom
	first map[rune]*gateIndex       // atoms by their first rune
	ascii [utf8.RuneSelf]*gateIndex // the same for ASCII first runes
	start [1 << 16 / 64]uint64      // bitmap of BMP first runes
	req   *gateReq
	limit int // more kept characters than this fail (0: no limit)
	// rules are the conditions of the single patterns req joins, by
	// pattern: a line's atoms (scan) say which rules may match in it.
	rules map[*regexp.Regexp]*gateReq
}

// metaGate covers every rule by which Line can report a hit: the label,
// bare-label and marker tables, labelled photo credits. The other two
// ways, a trailing 摄 credit and a date, are tested directly (mayBeMeta).
var metaGate = func() *lineGate {
	g := &lineGate{first: map[rune]*gateIndex{}, limit: cleanMax, rules: map[*regexp.Regexp]*gateReq{}}
	var any []*gateReq
	for _, t := range [][]labelRule{labelTable, bareTable, markerTable} {
		for _, r := range t {
			g.rules[r.re] = g.pattern(r.re)
			any = append(any, g.rules[r.re])
		}
	}
	any = append(any, g.pattern(photoLabel.Regexp))
	g.req = or(any)
	return g
}()

// foldsToASCII are the non-ASCII runes that (?i) matches with an ASCII
// letter (KELVIN SIGN, LONG S); the gate compares folded atoms by ASCII
// case only and lets a line holding one of these through.
var foldsToASCII = func() map[rune]bool {
	m := map[rune]bool{}
	for r := rune('a'); r <= 'z'; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f > unicode.MaxASCII {
				m[f] = true
			}
		}
	}
	return m
}()

// gateLines turns the gate on; tests turn it off to compare.
var gateLines = true

// foldsMax is the largest of foldsToASCII.
var foldsMax = func() (m rune) {
	for r := range foldsToASCII {
		m = max(m, r)
	}
	return m
}()

// mayBeMeta reports whether Line could find a hit in raw. When it is
// false, Line(raw) returns (nil, false).
func mayBeMeta(raw string) bool {
	var seen gateSet
	_, ok := lineAtoms(raw, &seen)
	return ok
}

// lineAtoms is mayBeMeta, and adds the atoms of raw to seen: a table
// rule whose condition they do not meet (ruleMay) matches no segment of
// the line. all is false when not every atom was read (seen must not be
// used then: every rule may match).
func lineAtoms(raw string, seen *gateSet) (all, ok bool) {
	fits, known := metaGate.scan(raw, seen)
	ok = !known || fits && metaGate.req.eval(seen)
	if !ok && (hasYear(raw) || strings.Contains(raw, "摄") || strings.Contains(raw, "攝")) {
		ok = true // FindDate, creditNames
	}
	return fits && known, ok
}

// ruleMay reports whether rule re may match a segment of a line with
// the atoms seen; nil (no gate) allows every rule.
func ruleMay(re *regexp.Regexp, seen *gateSet) bool {
	if seen == nil {
		return true
	}
	q := metaGate.rules[re]
	return q == nil || q.eval(seen)
}

// segmentStart reports whether a segment of a line may start after rune
// prev: Line cuts segments at white space (Clean trims it), at segSep's
// bars, brackets and semicolons, and parseSegment unwraps round brackets.
func segmentStart(prev rune) bool {
	switch {
	case prev < utf8.RuneSelf:
		return asciiStart[prev]
	case prev > 0x3011 && prev < 0xfeff:
		return false // CJK and most scripts: no space or separator up here
	}
	return startsSegment(prev)
}

// startsSegment is segmentStart written plainly.
func startsSegment(prev rune) bool {
	return isSpace(prev) || strings.ContainsRune("|｜【】[];；(（", prev)
}

// asciiStart is startsSegment for ASCII.
var asciiStart = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = startsSegment(rune(r))
	}
	return t
}()

// isSpace is white space as Clean sees it: collapsed or trimmed.
func isSpace(r rune) bool { return unicode.IsSpace(r) || isRunSpace(r) }

// cleanMax is the longest line (after Clean) Line reads.
const cleanMax = 240

// match reports whether s meets the gate's condition. With a limit it
// also says no to lines Line finds too long: more than cleanMax runes
// that are not white space stay in Clean's result.
func (g *lineGate) match(s string) bool {
	var seen gateSet
	fits, known := g.scan(s, &seen)
	return fits && (!known || g.req.eval(&seen))
}

// scan adds to seen the atoms s holds. fits is false for a line over
// the limit; known is false when the gate cannot tell (too many atoms, a
// rune (?i) folds to ASCII). Either way scan may stop early, and seen
// holds only the atoms read so far.
func (g *lineGate) scan(s string, seen *gateSet) (fits, known bool) {
	if len(g.atoms) > gateAtomMax {
		return true, false
	}
	boundary, kept := true, 0 // the start of s starts a segment
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r <= foldsMax && foldsToASCII[r] {
				return true, false
			}
		}
		if r < utf8.RuneSelf {
			g.look(s[i:], g.ascii[r], boundary, seen)
			if 'A' <= r && r <= 'Z' {
				g.look(s[i:], g.ascii[r+'a'-'A'], boundary, seen)
			}
		} else if g.starts(r) {
			g.look(s[i:], g.first[r], boundary, seen)
		}
		if boundary = segmentStart(r); !boundary || !isSpace(r) {
			if kept++; g.limit > 0 && kept > g.limit {
				return false, true
			}
		}
		i += n
	}
	return true, true
}

// starts reports whether an atom is indexed under first rune r.
func (g *lineGate) starts(r rune) bool {
	return r > 0xffff || g.start[r/64]&(1<<(r%64)) != 0
}

// look marks the atoms of x that s starts with; anchored ones only at a
// segment start.
func (g *lineGate) look(s string, x *gateIndex, boundary bool, seen *gateSet) {
	if x == nil {
		return
	}
	g.mark(s, x.free, seen)
	if boundary {
		g.mark(s, x.anchored, seen)
	}
}

// mark marks the atoms of cands that s starts with.
func (g *lineGate) mark(s string, cands []int, seen *gateSet) {
	for _, i := range cands {
		a := &g.atoms[i]
		if a.fold && hasPrefixFold(s, a.s) || !a.fold && strings.HasPrefix(s, a.s) {
			seen.add(i)
		}
	}
}

// hasPrefixFold is strings.HasPrefix comparing ASCII letters without
// case; prefix is in lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// eval reports whether the atoms in seen meet the condition.
func (q *gateReq) eval(seen *gateSet) bool {
	switch q.op {
	case reqLit:
		return seen.has(q.lit)
	case reqAnd:
		if !seen.covers(&q.lits) {
			return false
		}
		for _, s := range q.subs {
			if !s.eval(seen) {
				return false
			}
		}
		return true
	case reqOr:
		if seen.meets(&q.lits) {
			return true
		}
		for _, s := range q.subs {
			if s.eval(seen) {
				return true
			}
		}
		return false
	}
	return true
}
