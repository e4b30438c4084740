package labels

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Shortcuts for the regexps Names and labelValue run on every value,
// most of which match rarely: a guard answers from the pattern's own
// literals, as the line gate does for the rule tables, and a run split
// splits on a character class without the regexp machine.

// guarded is a regexp with a gate built from its own pattern
// (gate_build.go): text holding none of the literals a match needs is
// answered without running the regexp. The methods it overrides return
// what the regexp's return.
type guarded struct {
	*regexp.Regexp
	gate *lineGate
}

// guards lists every guarded regexp, for the tests.
var guards []*guarded

// guard builds re's gate.
func guard(re *regexp.Regexp) *guarded {
	g := &lineGate{first: map[rune]*gateIndex{}}
	g.req = g.pattern(re)
	gr := &guarded{re, g}
	guards = append(guards, gr)
	return gr
}

// may reports whether re may match inside s.
func (g *guarded) may(s string) bool { return g.gate.match(s) }

func (g *guarded) MatchString(s string) bool {
	return g.may(s) && g.Regexp.MatchString(s)
}

func (g *guarded) FindStringIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringIndex(s)
}

func (g *guarded) FindStringSubmatchIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatchIndex(s)
}

func (g *guarded) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

func (g *guarded) ReplaceAllString(s, repl string) string {
	if !g.may(s) {
		return s
	}
	return g.Regexp.ReplaceAllString(s, repl)
}

func (g *guarded) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindAllStringSubmatchIndex(s, n)
}

// runSplit is a regexp of the form [class]+ and the class read from it;
// Split splits at the class's runs as the regexp's Split does.
type runSplit struct {
	*regexp.Regexp
	class runeSet
}

// splitter reads the class of a [class]+ pattern; it panics on any other
// pattern (a programming error caught at start).
func splitter(re *regexp.Regexp) *runSplit {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	p = p.Simplify()
	if p.Op != syntax.OpPlus || p.Sub[0].Op != syntax.OpCharClass {
		panic("labels: splitter needs a [class]+ pattern: " + re.String())
	}
	return &runSplit{re, runeSet{ranges: p.Sub[0].Rune}}
}

// Split is re.Split(s, n). For n < 0, it cuts s into the pieces between
// the runs of the class, with an empty piece before a leading run and
// after a trailing one, without running the regexp.
func (sp *runSplit) Split(s string, n int) []string {
	if n >= 0 {
		return sp.Regexp.Split(s, n)
	}
	if s == "" {
		return []string{""}
	}
	var out []string
	start, inRun := 0, false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch in := sp.class.has(r); {
		case in && !inRun:
			out = append(out, s[start:i])
			inRun = true
		case !in && inRun:
			start, inRun = i, false
		}
		i += n
	}
	if inRun {
		start = len(s)
	}
	return append(out, s[start:])
}
