package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockElems separate paragraphs in Text. <br> counts as a break too:
// many CMS bodies are <br><br>-separated runs of text.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true,
	atom.Figure: true, atom.Figcaption: true, atom.Section: true, atom.Article: true,
	atom.Aside: true, atom.Header: true, atom.Footer: true, atom.Hr: true, atom.Address: true,
	atom.Main: true, atom.Nav: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Form: true, atom.Fieldset: true, atom.Hgroup: true, atom.Tbody: true, atom.Thead: true,
}

// hiddenElems hold no readable text.
var hiddenElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Svg: true, atom.Math: true,
	atom.Select: true, atom.Button: true, atom.Textarea: true, atom.Title: true,
}

// Text returns the whitespace-normalized plain text of an HTML fragment
// (plain text passes through): entities decoded, block elements separated
// by "\n\n", whitespace runs inside a block (including U+3000 and U+00A0)
// collapsed to one space, zero-width characters removed.
func Text(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return joinBlocks([]string{s})
	}
	root := parseFragment(s)
	if root == nil {
		return joinBlocks([]string{s})
	}
	return textOf(root)
}

// textOf is Text of a parsed tree.
func textOf(root *html.Node) string {
	t := texters.Get().(*texter)
	*t = texter{out: t.out[:0], pieces: t.pieces[:0], c: collapser{sep: "\n\n"}}
	t.walk(root)
	t.flush()
	s := string(t.out)
	if cap(t.out) <= maxPooledText {
		clear(t.pieces[:cap(t.pieces)]) // hold on to no tree's text
		texters.Put(t)
	}
	return s
}

// texters keeps the buffers of textOf between calls: a body's text is
// written into one reused buffer and copied out once.
var texters = sync.Pool{New: func() any { return new(texter) }}

// maxPooledText bounds the buffer a pooled texter keeps.
const maxPooledText = 1 << 20

// texter writes the blocks of a tree as joinBlocks would join them,
// collapsing each text node straight into the output as it comes.
type texter struct {
	out    []byte
	c      collapser
	pieces []string // the block's text nodes, for a block with invalid UTF-8
	mark   int      // len(out) when the block began
	bad    bool     // a text node of the block is not valid UTF-8
}

func (t *texter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t.add(n.Data)
		return
	case html.ElementNode:
		if hiddenElems[n.DataAtom] {
			return
		}
	}
	block := n.Type == html.ElementNode && blockElems[n.DataAtom]
	if block {
		t.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c)
	}
	if block {
		t.flush()
	}
}

func (t *texter) add(s string) {
	t.pieces = append(t.pieces, s)
	if !t.bad {
		var ok bool
		t.out, ok = t.c.write(t.out, s)
		t.bad = !ok
	}
}

// flush ends the block. A block with invalid UTF-8 is written again from
// its joined text: a sequence split between two text nodes is one
// character, which node by node would be two invalid ones.
func (t *texter) flush() {
	if t.bad {
		t.c.begin()
		t.out, _ = t.c.write(t.out[:t.mark], strings.ToValidUTF8(strings.Join(t.pieces, ""), "\uFFFD"))
	}
	t.pieces, t.bad = t.pieces[:0], false
	t.mark = len(t.out)
	t.c.begin()
}

// joinBlocks collapses whitespace in each block and joins the non-empty
// ones with a blank line.
func joinBlocks(blocks []string) string {
	out := make([]string, 0, len(blocks))
	for _, b := range blocks {
		if b = collapse(b); b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// bidiControl reports the explicit embedding, override and isolate
// controls (U+202A–U+202E, U+2066–U+2069): in a title or name they reorder
// what follows ("…\u202egnp.exe" shows as "…exe.png"). The implicit marks
// (U+200E, U+200F, U+061C) stay: they cannot reorder other characters.
func bidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// runeClass is what collapse does with a character.
type runeClass uint8

const (
	keptRune    runeClass = iota
	spaceRune             // part of a whitespace run
	droppedRune           // controls, zero-width characters, bidi controls
)

// classOf is the class of r.
func classOf(r rune) runeClass {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r == ' ' || '\t' <= r && r <= '\r':
			return spaceRune
		case r < 0x20 || r == 0x7f:
			return droppedRune
		}
	case plainRune(r):
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060' || bidiControl(r):
		return droppedRune
	case unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0':
		return spaceRune
	case unicode.IsControl(r):
		return droppedRune
	}
	return keptRune
}

// plainRune reports non-ASCII characters collapse keeps as they are,
// without the table look-ups: past the Latin-1 controls and spaces and
// outside U+1680 and U+2000–U+3000, where the other spaces, the
// zero-width characters and the bidi controls are, only U+FEFF is
// dropped. TestPlainRune checks every rune.
func plainRune(r rune) bool {
	return r > 0x3000 && r != '\ufeff' || r > 0xa0 && r < 0x2000 && r != 0x1680
}

// plain3 reports the three-byte encodings of plain runes that need no
// decoding to be told: U+3001–U+CFFF and U+E000–U+FFFF but U+FEFF (lead
// bytes E3–EC, EE, EF with two continuation bytes; these leads have no
// overlong forms or surrogates). TestPlain3 checks every encoding.
func plain3(b0, b1, b2 byte) bool {
	return b0-0xe3 <= 0xef-0xe3 && b0 != 0xed && b1&0xc0 == 0x80 && b2&0xc0 == 0x80 &&
		!(b0 == 0xe3 && b1 == 0x80 && b2 == 0x80) && !(b0 == 0xef && b1 == 0xbb && b2 == 0xbf)
}

// collapsed reports whether collapse(s) == s: valid UTF-8 with single
// ASCII spaces between other characters, and nothing collapse drops.
func collapsed(s string) bool {
	prevSpace := true // a leading space is trimmed
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			i++
			continue
		case r > 0x20 && r < 0x7f:
		case r < utf8.RuneSelf:
			return false // other white space and controls
		default:
			if r, size = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && size == 1 {
				return false // invalid UTF-8, which collapse repairs
			}
			if !plainRune(r) && classOf(r) != keptRune {
				return false
			}
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}

// hasText reports whether collapse(s) != "", without building it.
func hasText(s string) bool {
	for _, r := range s {
		if classOf(r) == keptRune {
			return true
		}
	}
	return false
}

// collapse trims s and turns every whitespace run into one ASCII space,
// except that a lone ideographic space (U+3000, the separator Chinese
// typesetting puts between the parts of a headline or caption) is kept;
// zero-width spaces, joiners, BOMs and bidi embedding/override/isolate
// controls are dropped, invalid UTF-8 repaired.
func collapse(s string) string {
	if collapsed(s) {
		return s // the common case: nothing to drop or join, no copy
	}
	return collapseBuild(strings.ToValidUTF8(s, "\uFFFD"))
}

// collapseBuild is collapse of valid UTF-8 s, written out.
func collapseBuild(s string) string {
	var small [256]byte
	var c collapser
	out, _ := c.write(small[:0], s)
	return string(out)
}

// collapser appends collapsed text to a buffer. Text written in pieces
// between two begin calls is collapsed as one: writing a, then b, gives
// collapse(a+b) for valid UTF-8 pieces. sep goes before the text's
// first character when the buffer already holds some (joinBlocks'
// "\n\n").
type collapser struct {
	sep   string
	kept  bool // a character of this text is written
	run   rune // the pending whitespace run: its last rune
	runes int  // and its length
}

// begin starts a new text.
func (c *collapser) begin() {
	c.kept, c.runes = false, 0
}

// write appends the collapse of s to out. At invalid UTF-8 it stops and
// returns false, having written part of s.
func (c *collapser) write(out []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); {
		// A span of characters kept as they are, copied at once.
		j := i
		for j < len(s) {
			if b := s[j]; b < utf8.RuneSelf {
				if b <= ' ' || b == 0x7f {
					break
				}
				j++
				continue
			}
			if j+2 < len(s) && plain3(s[j], s[j+1], s[j+2]) {
				j += 3 // most CJK text: no decoding
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if !plainRune(r) || r == utf8.RuneError {
				break
			}
			j += size
		}
		if j > i {
			out = c.keep(out, s[i:j])
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && size == 1 {
				return out, false
			}
		}
		switch classOf(r) {
		case keptRune:
			out = c.keep(out, s[i:i+size])
		case spaceRune:
			if c.kept {
				c.run, c.runes = r, c.runes+1
			}
		}
		i += size
	}
	return out, true
}

// keep appends kept characters, after the separator or the pending
// whitespace run.
func (c *collapser) keep(out []byte, s string) []byte {
	switch {
	case !c.kept:
		if len(out) > 0 {
			out = append(out, c.sep...)
		}
		c.kept = true
	case c.runes == 1 && c.run == '\u3000':
		out = append(out, "\u3000"...)
	case c.runes > 0:
		out = append(out, ' ')
	}
	c.runes = 0
	return append(out, s...)
}
