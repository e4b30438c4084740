package labels

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Building the line gate's condition from the rule tables: each pattern
// is read from its syntax tree, as RE2's prefilter does, into the
// literals one of which any match must hold.

// pattern derives the condition of a compiled pattern; a pattern the
// analysis cannot read yields reqTrue. The strings a pattern anchored
// with ^ begins with must stand at a segment start.
func (g *lineGate) pattern(re *regexp.Regexp) *gateReq {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &gateReq{}
	}
	p = p.Simplify()
	if p.Op == syntax.OpConcat && len(p.Sub) > 1 && p.Sub[0].Op == syntax.OpBeginText {
		return g.toReq(g.concat(p.Sub[1:], true), false)
	}
	return g.toReq(g.info(p), false)
}

// gateStr is one string of a finite set a sub-pattern matches; a folded
// one is in lower case and stands for its ASCII case variants.
type gateStr struct {
	s    string
	fold bool
}

// gateInfo describes a sub-pattern: the finite set of strings it matches
// (exact, when known and small), else a condition on the text.
type gateInfo struct {
	exact []gateStr
	req   *gateReq
}

func exactly(s ...gateStr) gateInfo { return gateInfo{exact: s} }

var (
	anything = gateInfo{req: &gateReq{}}
	empty    = []gateStr{{}}
)

// info follows a pattern node.
func (g *lineGate) info(re *syntax.Regexp) gateInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactly(empty...)
	case syntax.OpLiteral:
		return g.literal(re)
	case syntax.OpCharClass:
		return charClass(re.Rune)
	case syntax.OpCapture:
		return g.info(re.Sub[0])
	case syntax.OpQuest:
		in := g.info(re.Sub[0])
		if in.exact == nil {
			return anything
		}
		return exactly(append([]gateStr{{}}, in.exact...)...)
	case syntax.OpPlus:
		return gateInfo{req: g.toReq(g.info(re.Sub[0]), false)}
	case syntax.OpRepeat:
		if re.Min == 0 {
			return anything
		}
		return gateInfo{req: g.toReq(g.info(re.Sub[0]), false)}
	case syntax.OpConcat:
		return g.concat(re.Sub, false)
	case syntax.OpAlternate:
		return g.alternate(re.Sub)
	}
	return anything // any character, large classes, stars
}

// literal reads a literal. Under (?i) it is folded; a non-ASCII letter
// with case forms (à, é) leaves only a condition: the literal's runs of
// ASCII around such letters all occur (folded, anywhere).
func (g *lineGate) literal(re *syntax.Regexp) gateInfo {
	if re.Flags&syntax.FoldCase == 0 {
		return exactly(gateStr{s: string(re.Rune)})
	}
	var runs []string
	cur, cased := []rune{}, false
	for _, r := range re.Rune {
		if r > unicode.MaxASCII && unicode.SimpleFold(r) != r {
			cased = true
			runs = append(runs, string(cur))
			cur = cur[:0]
			continue
		}
		cur = append(cur, r)
	}
	if !cased {
		return exactly(folded(string(re.Rune), true))
	}
	var all []*gateReq
	for _, run := range append(runs, string(cur)) {
		if strings.TrimFunc(run, isRunSpace) != "" {
			all = append(all, g.toReq(exactly(folded(run, true)), false))
		}
	}
	if len(all) == 0 {
		return anything
	}
	return gateInfo{req: and(all)}
}

// folded is s as a set member, lower-cased when fold is set; only a
// string with an ASCII letter stays folded.
func folded(s string, fold bool) gateStr {
	if !fold {
		return gateStr{s: s}
	}
	l := asciiLower(s)
	return gateStr{s: l, fold: strings.ContainsFunc(l, func(r rune) bool { return 'a' <= r && r <= 'z' })}
}

// asciiLower lower-cases the ASCII letters of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// charClass reads a small class as its characters (a class under (?i)
// lists both cases already).
func charClass(ranges []rune) gateInfo {
	var out []gateStr
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i+1]-ranges[i] >= gateClassMax {
			return anything
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if !foldsToASCII[r] { // lines holding one pass the gate
				out = append(out, gateStr{s: string(r)})
			}
		}
		if len(out) > gateClassMax {
			return anything
		}
	}
	if len(out) == 0 {
		return anything
	}
	return exactly(out...)
}

// concat multiplies out the exact sets of consecutive parts while they
// stay small and joins the rest as conditions that all hold. With
// anchored set, the strings the concatenation begins with are anchored.
func (g *lineGate) concat(subs []*syntax.Regexp, anchored bool) gateInfo {
	var all []*gateReq
	cur := empty
	for _, s := range subs {
		in := g.info(s)
		if in.exact != nil && (len(cur)*len(in.exact) <= gateExactMax || isEmpty(cur)) {
			cur = cross(cur, in.exact)
			continue
		}
		all = append(all, g.toReq(exactly(cur...), anchored))
		anchored = false
		cur = empty
		if in.exact != nil {
			cur = in.exact
		} else {
			all = append(all, in.req)
		}
	}
	if len(all) == 0 && !anchored {
		return exactly(cur...)
	}
	return gateInfo{req: and(append(all, g.toReq(exactly(cur...), anchored)))}
}

// alternate unites exact sets, or needs one branch's condition.
func (g *lineGate) alternate(subs []*syntax.Regexp) gateInfo {
	var exact []gateStr
	ins := make([]gateInfo, len(subs))
	for i, s := range subs {
		ins[i] = g.info(s)
		exact = append(exact, ins[i].exact...)
		if ins[i].exact == nil {
			exact = nil
			break
		}
	}
	if exact != nil {
		return exactly(exact...)
	}
	var any []*gateReq
	for i, s := range subs {
		if ins[i].exact == nil && ins[i].req == nil {
			ins[i] = g.info(s)
		}
		any = append(any, g.toReq(ins[i], false))
	}
	return gateInfo{req: or(any)}
}

// isEmpty reports the set holding only the empty string.
func isEmpty(set []gateStr) bool { return len(set) == 1 && set[0].s == "" }

// cross is the set of concatenations; a string is folded when a part is
// and holds an ASCII letter.
func cross(a, b []gateStr) []gateStr {
	out := make([]gateStr, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, folded(x.s+y.s, x.fold || y.fold))
		}
	}
	return out
}

// toReq turns a sub-pattern's description into a condition: one of its
// strings occurs. A string holding white space is split there, because
// the rules see lines whose white space Clean has collapsed; each piece
// occurs in the raw line as it is. With anchored set, a string's first
// piece must stand at a segment start.
func (g *lineGate) toReq(in gateInfo, anchored bool) *gateReq {
	if in.exact == nil {
		return in.req
	}
	var any []*gateReq
	for _, s := range in.exact {
		var all []*gateReq
		for i, piece := range strings.FieldsFunc(s.s, isRunSpace) {
			at := anchored && i == 0 && strings.HasPrefix(s.s, piece)
			all = append(all, &gateReq{op: reqLit, lit: g.atom(gateAtom{piece, s.fold, at})})
		}
		any = append(any, and(all))
	}
	return or(any)
}

// atom numbers a literal, indexing it by its first rune (in lower case
// when folded).
func (g *lineGate) atom(a gateAtom) int {
	for i, b := range g.atoms {
		if a == b {
			return i
		}
	}
	g.atoms = append(g.atoms, a)
	r, _ := utf8.DecodeRuneInString(a.s)
	x := g.first[r]
	if x == nil {
		x = &gateIndex{}
		g.first[r] = x
	}
	if a.anchored {
		x.anchored = append(x.anchored, len(g.atoms)-1)
	} else {
		x.free = append(x.free, len(g.atoms)-1)
	}
	if r < utf8.RuneSelf {
		g.ascii[r] = x
	}
	if r <= 0xffff {
		g.start[r/64] |= 1 << (r % 64)
	}
	return len(g.atoms) - 1
}

// and is the conjunction of subs; true when there are none.
func and(subs []*gateReq) *gateReq { return combine(reqAnd, subs) }

// or is the disjunction of subs; true when one of them is.
func or(subs []*gateReq) *gateReq { return combine(reqOr, subs) }

// combine joins subs with op (reqAnd or reqOr); literals and nested
// nodes of the same op are merged into one node.
func combine(op gateOp, subs []*gateReq) *gateReq {
	if len(subs) == 1 {
		return subs[0]
	}
	q := &gateReq{op: op}
	n := 0
	for _, s := range subs {
		switch {
		case s.op == reqTrue && op == reqAnd:
			continue
		case s.op == reqTrue:
			return &gateReq{}
		case s.op == reqLit:
			q.lits.add(s.lit)
		case s.op == op:
			for i := range q.lits {
				q.lits[i] |= s.lits[i]
			}
			q.subs = append(q.subs, s.subs...)
		default:
			q.subs = append(q.subs, s)
		}
		n++
	}
	if n == 0 && op == reqAnd {
		return &gateReq{}
	}
	return q
}
