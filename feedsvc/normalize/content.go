package normalize

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// parseHook, when set (tests), is called on every HTML parse normalize
// makes.
var parseHook func()

// parseFragment parses s as the content of a <div> and returns that div,
// nil when the parser fails. It is normalize's only HTML parse: the tree
// of html.ParseFragment (parseFragmentSlow), built by quickParse when the
// markup is plain enough.
func parseFragment(s string) *html.Node {
	if parseHook != nil {
		parseHook()
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	if quickParse(s, root) {
		return root
	}
	return parseFragmentSlow(s)
}

// parseFragmentSlow is parseFragment by html.ParseFragment alone, the
// definition quickParse is held to.
func parseFragmentSlow(s string) *html.Node {
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// body is an article's HTML content, parsed once.
type body struct {
	raw  string     // the content as the producer gave it (valid UTF-8)
	tree *html.Node // nil when raw is blank or did not parse
}

// readBody parses a's content and applies the labelled-line rules to that
// tree: metadata lines leave the content and fill a's empty fields. It
// runs before the fields are cleaned, so what the lines said is cleaned
// like what the producer set.
func readBody(a *feedsvc.Article) body {
	if strings.TrimSpace(a.ContentHTML) == "" {
		return body{}
	}
	b := body{raw: strings.ToValidUTF8(a.ContentHTML, "\uFFFD")}
	b.tree = parseFragment(b.raw)
	if b.tree != nil && labels.Strip(b.tree, b.raw, a) {
		a.BodyText = ""
	}
	return b
}

// cleanBody sanitizes the content tree into a.ContentHTML and takes the
// body text and, when the producer listed none, the images with their
// captions from the sanitized markup: from the prepared tree itself when
// bluemonday kept it as it was, else from its output parsed once.
func cleanBody(a *feedsvc.Article, b body, base *url.URL) {
	kept := false
	if b.raw == "" {
		a.ContentHTML = ""
	} else {
		a.ContentHTML, kept = sanitizeTree(b.tree, b.raw, base)
	}
	needImages := len(a.Images) == 0 && strings.Contains(a.ContentHTML, "<img")
	needText := a.BodyText == ""
	var clean *html.Node
	if (needImages || needText && strings.ContainsAny(a.ContentHTML, "<&")) && a.ContentHTML != "" {
		clean = b.tree
		if !kept {
			clean = parseFragment(a.ContentHTML)
		}
	}
	if needImages && clean != nil {
		a.Images = contentImages(clean)
	}
	a.Images = cleanImages(a.Images, base)
	switch {
	case !needText:
		a.BodyText = paragraphs(a.BodyText)
	case clean != nil:
		a.BodyText = textOf(clean)
	default:
		a.BodyText = Text(a.ContentHTML)
	}
}
