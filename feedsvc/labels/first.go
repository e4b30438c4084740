package labels

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A rule of labelTable is anchored at the start of a segment, so it can
// only match a segment whose first character is one its pattern may begin
// with. firstRunes reads that set from the compiled pattern; findFirst
// tries the regexp only when the segment's first character is in it.

// runeSet is a set of runes as sorted ranges (lo, hi pairs); a nil set
// with any set holds every rune.
type runeSet struct {
	any    bool
	ranges []rune
}

// has reports r in the set.
func (s *runeSet) has(r rune) bool {
	if s.any {
		return true
	}
	for i := 0; i+1 < len(s.ranges); i += 2 {
		if s.ranges[i] <= r && r <= s.ranges[i+1] {
			return true
		}
	}
	return false
}

// firstSets are the first characters of each anchored labelTable and
// bareTable rule.
var firstSets = func() map[*regexp.Regexp]*runeSet {
	m := map[*regexp.Regexp]*runeSet{}
	for _, r := range append(slices.Clone(labelTable), bareTable...) {
		m[r.re] = firstOfPattern(r.re)
	}
	return m
}()

// firstOfPattern is the set of characters a match of a ^-anchored
// pattern starts with; every rune for other patterns and for patterns
// that may match the empty string.
func firstOfPattern(re *regexp.Regexp) *runeSet {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &runeSet{any: true}
	}
	p = p.Simplify()
	if p.Op != syntax.OpConcat || len(p.Sub) < 2 || p.Sub[0].Op != syntax.OpBeginText {
		return &runeSet{any: true}
	}
	set := &runeSet{}
	if firstOf(&syntax.Regexp{Op: syntax.OpConcat, Sub: p.Sub[1:]}, set) {
		return &runeSet{any: true} // may match nothing at all
	}
	return set
}

// firstOf adds to set the characters a match of re may start with and
// reports whether re may match the empty string.
func firstOf(re *syntax.Regexp, set *runeSet) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		set.ranges = append(set.ranges, r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				set.ranges = append(set.ranges, f, f)
			}
		}
		return false
	case syntax.OpCharClass:
		set.ranges = append(set.ranges, re.Rune...)
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set.any = true
		return false
	case syntax.OpCapture:
		return firstOf(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		firstOf(re.Sub[0], set)
		return true
	case syntax.OpPlus:
		return firstOf(re.Sub[0], set)
	case syntax.OpRepeat:
		return firstOf(re.Sub[0], set) || re.Min == 0
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !firstOf(s, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		empty := false
		for _, s := range re.Sub {
			empty = firstOf(s, set) || empty
		}
		return empty
	case syntax.OpNoMatch:
		return false
	}
	return true // empty-width assertions and the empty match
}

// findFirst is r.find(seg), without running the regexp on a segment
// whose first character no match of r starts with.
func (r labelRule) findFirst(seg string) []int {
	if !r.mayStart(seg) {
		return nil
	}
	return r.find(seg)
}

// matchFirst is r.re.MatchString(seg) for a bareTable rule, likewise.
func (r labelRule) matchFirst(seg string) bool {
	return r.mayStart(seg) && r.re.MatchString(seg)
}

// mayStart reports whether a match of r may start seg.
func (r labelRule) mayStart(seg string) bool {
	set := firstSets[r.re]
	if set == nil || set.any {
		return true
	}
	c, _ := utf8.DecodeRuneInString(seg)
	return seg != "" && set.has(c)
}
