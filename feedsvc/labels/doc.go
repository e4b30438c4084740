// Package labels owns the labelled-line rules: the metadata lines Chinese
// and English newspaper CMSs print around an article's text (来源, 作者,
// 记者, 责任编辑, 摄, 原标题, 引题, 副题, "Source:", "Editor in charge:",
// "Photographer/", "Reporting by …") and the dates and names inside them.
//
// A data table of label patterns maps each label to an article field
// (labels.go); Traditional forms of the Simplified labels match too
// (variants.go). Line reads one line of text into hits; Names and Credits
// read bylines and photo credits; FindDate reads dates printed in text.
// Shortcuts derived from the same tables spare the regexps most of the
// work and never change a result (each is fuzzed against the plain
// path): a line gate built from the patterns' required literals, which
// also tells Line which rules may match a line (gate.go), the first
// characters an anchored rule may begin with (first.go), gates built the
// same way for the regexps names and values go through, and patterns
// read by hand where the regexp machine dominates: name splits and
// shapes, Chinese role words, title markers (guard.go, names.go,
// labels.go), and emptied elements judged in one pass (empty.go).
//
// The rules work on one parsed HTML tree (golang.org/x/net/html): extract
// applies them to an article page's tree (header zone, body lines, tail),
// and normalize applies Strip to the tree it parses a feed item's content
// into, so feed items and pages follow the same rules. It is a leaf
// package: it imports only the core package feedsvc, so both steps may use
// it without importing each other. Nothing here does I/O.
package labels
