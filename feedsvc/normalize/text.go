package normalize

import (
	"strings"
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
	var t texter
	t.walk(root)
	t.flush()
	return t.out.String()
}

// texter writes the blocks of a tree as joinBlocks would join them,
// without a slice of blocks: a block of one text node (the usual <p>)
// is collapsed without a copy.
type texter struct {
	out   strings.Builder
	one   string // the block's text while it is one piece
	buf   []byte // the block's text once it has more pieces
	piece int    // pieces in the block so far
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
	switch t.piece {
	case 0:
		t.one = s
	case 1:
		t.buf = append(append(t.buf[:0], t.one...), s...)
	default:
		t.buf = append(t.buf, s...)
	}
	t.piece++
}

// flush ends the block: collapsed, and after a blank line when it is not
// the first non-empty one.
func (t *texter) flush() {
	s := t.one
	if t.piece > 1 {
		s = string(t.buf)
	}
	t.one, t.piece = "", 0
	if s = collapse(s); s != "" {
		if t.out.Len() > 0 {
			t.out.WriteString("\n\n")
		}
		t.out.WriteString(s)
	}
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

// collapsed reports whether collapse(s) == s for valid UTF-8 s: single
// ASCII spaces between other characters, and nothing collapse drops.
func collapsed(s string) bool {
	prevSpace := true // a leading space is trimmed
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r < 0x80 && r > 0x20 && r != 0x7f:
		case r < 0x80:
			return false // other white space and controls
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060' || bidiControl(r):
			return false
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || unicode.IsControl(r):
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// hasText reports whether collapse(s) != "", without building it.
func hasText(s string) bool {
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060':
		case bidiControl(r):
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0':
		case unicode.IsControl(r):
		default:
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
	s = strings.ToValidUTF8(s, "\uFFFD")
	if collapsed(s) {
		return s // the common case: nothing to drop or join, no copy
	}
	return collapseBuild(s)
}

// collapseBuild is collapse of valid UTF-8 s, written out.
func collapseBuild(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	run, runes := rune(0), 0 // the pending whitespace run: its last rune and length
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf: // ASCII: white space, other controls, the rest
			if r == ' ' || '\t' <= r && r <= '\r' {
				if b.Len() > 0 {
					run, runes = r, runes+1
				}
				continue
			}
			if r < 0x20 || r == 0x7f {
				continue
			}
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060':
			continue
		case bidiControl(r):
			continue
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0':
			if b.Len() > 0 {
				run, runes = r, runes+1
			}
			continue
		case unicode.IsControl(r):
			continue
		}
		if runes > 0 {
			if runes == 1 && run == '\u3000' {
				b.WriteRune(run)
			} else {
				b.WriteByte(' ')
			}
			runes = 0
		}
		if size == 1 {
			b.WriteByte(byte(r))
		} else {
			b.WriteString(s[i-size : i])
		}
	}
	return b.String()
}
