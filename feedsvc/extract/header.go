package extract

import (
	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// maxLeadLines bounds the lines read right after the headline.
const maxLeadLines = 12

// leadLines are the first lines right after the headline element, where
// templates print the byline and the time even when the header zone
// misses them: a zone longer than headerLines keeps (byline, then share
// and reaction buttons), or a body container that starts above the
// headline (so the body's first text comes before it). They run up to
// the body's first text when it follows the headline, else up to the
// second line of prose (the first may be the dek). A line of the headline's container after the
// headline counts ("<div><h2>Title</h2><span>Author</span>…").
func leadLines(all []line, head *html.Node, bodyStart int) []line {
	if head == nil {
		return nil
	}
	headIdx := index(head)
	after := -1 // the headline's own line; lines follow it in document order
	for i, l := range all {
		if isInside(l.el, head) {
			after = i
		}
	}
	if after < 0 {
		return nil
	}
	var out []line
	proseSeen := 0
	for _, l := range all[after+1:] {
		if bodyStart <= headIdx && prose(l.text) {
			proseSeen++
		}
		if bodyStart > headIdx && l.idx >= bodyStart || proseSeen == 2 || len(out) == maxLeadLines {
			break
		}
		out = append(out, l)
	}
	return out
}

// prose reports a line that reads as running text, not a header line.
func prose(t string) bool {
	return runeLen(labels.Clean(t)) >= 100
}
