package labels

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// textSum sums up an element's text as DropEmpty judges it: characters
// that are not white space (counted up to codeMax+1), whether one is a
// letter, and whether an image lies below.
type textSum struct {
	kept          int
	letter, image bool
}

// codeMax is the longest text isCode accepts.
const codeMax = 16

func (s *textSum) add(t textSum) {
	s.kept = min(s.kept+t.kept, codeMax+1)
	s.letter = s.letter || t.letter
	s.image = s.image || t.image
}

// dropEmpty is DropEmpty in one pass over the tree: each element's text
// is summed up from its children instead of collected and cleaned again
// for every ancestor. Removing an element changes the text of neither
// the elements before it nor those after it in document order, so every
// decision can be taken on the tree as it was, and the removals made in
// any order; only a short paragraph without a letter has its text
// cleaned to be judged by isCode.
func dropEmpty(root *html.Node) {
	var doomed []*html.Node
	var walk func(n *html.Node) textSum
	walk = func(n *html.Node) textSum {
		if n.Type == html.TextNode {
			return sumText(n.Data)
		}
		var s, img textSum
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := walk(c)
			if c.Type == html.ElementNode && dropIt(c, cs) {
				doomed = append(doomed, c) // after its descendants
			}
			s.add(cs)
		}
		if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "picture") {
			s.image = true
		}
		if n.Type == html.ElementNode && SkipTags[n.Data] {
			img.image = s.image
			return img // no text, but its images count
		}
		return s
	}
	walk(root)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// dropIt is DropEmpty's test of one element other than the root.
func dropIt(n *html.Node, s textSum) bool {
	if n.Data == "br" || n.Data == "img" || n.Data == "hr" || s.image {
		return false
	}
	if s.kept == 0 {
		return true // Clean leaves nothing
	}
	if n.Data != "p" || s.letter || s.kept > codeMax {
		return false
	}
	return isCode(Clean(TextOf(n)))
}

// sumText sums up one text node. It stops reading once the sum is
// saturated (more than codeMax characters, one of them a letter): the
// rest of the text could change nothing.
func sumText(t string) textSum {
	var s textSum
	for i := 0; i < len(t); {
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if !isRunSpace(r) && !unicode.IsSpace(r) {
			s.kept = min(s.kept+1, codeMax+1)
			s.letter = s.letter || unicode.IsLetter(r)
			if s.letter && s.kept > codeMax {
				break
			}
		}
		i += n
	}
	return s
}
