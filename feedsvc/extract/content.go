package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Content applies the labelled-line rules to a feed item's content, as
// Article does to a page body: lines that are all metadata (责任编辑,
// 来源, 记者, … 摄, Source:, Editor in charge:, Reporting by …) and
// bracketed labels leave ContentHTML, and what they say fills the
// article's fields the feed left empty. Feeds from newspaper CMSs carry
// these lines in content:encoded as their pages do.
func Content(a *feedsvc.Article) {
	if !mayHaveLabels(a.ContentHTML) {
		return // no label can match: skip the parse
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(a.ContentHTML), ctx)
	if err != nil {
		return
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	c := &cleaner{}
	dropEdgeLines(root, clean(a.Title), &c.hits)
	c.dropInline(root)
	if len(c.hits) == 0 {
		return
	}
	dropEmpty(root)
	var b strings.Builder
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		_ = html.Render(&b, n)
	}
	a.ContentHTML = strings.TrimSpace(b.String())
	a.BodyText = ""
	fill(a, &evidence{body: c.hits})
}

// labelHints are substrings every metadata label contains one of; content
// without any is left alone without parsing it.
var labelHints = []string{"：", ": ", "摄", "攝", "来源", "來源", "编辑", "編輯", "记者", "記者", "通讯员", "通訊員",
	"By ", "by ", "Photo", "photo", "Source", "Editor", "editor"}

func mayHaveLabels(s string) bool {
	for _, h := range labelHints {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// Content lines read as metadata only at the edges of the content, where
// CMSs print bylines and editor lines; inside the text "By …" is prose.
const (
	edgeHead = 2
	edgeTail = 3
)

// dropEdgeLines removes the leading and trailing text blocks of root that
// are all metadata (or repeat the title), collecting their hits.
func dropEdgeLines(root *html.Node, title string, hits *[]hit) {
	var blocks []*html.Node
	for _, n := range elements(root) {
		if n != root && blockTags[n.Data] && !hasBlockChild(n) && !hasImage(n) && strings.TrimSpace(textOf(n)) != "" {
			blocks = append(blocks, n)
		}
	}
	for i, n := range blocks {
		if i >= edgeHead && i < len(blocks)-edgeTail {
			continue
		}
		t := textOf(n)
		if title != "" && clean(t) == title {
			n.Parent.RemoveChild(n)
			continue
		}
		if hs, ok := parseLine(t); ok {
			*hits = append(*hits, hs...)
			n.Parent.RemoveChild(n)
		}
	}
}

// fill sets the article's empty fields from labelled-line evidence.
func fill(a *feedsvc.Article, ev *evidence) {
	set := func(dst *string, f field) {
		if *dst == "" {
			*dst = ev.first(f)
		}
	}
	set(&a.Source, fSource)
	set(&a.Kicker, fKicker)
	set(&a.Subtitle, fSubtitle)
	set(&a.PrintTitle, fPrintTitle)
	if a.PublishedRaw == "" && a.Published.IsZero() {
		a.PublishedRaw = ev.first(fPublished)
	}
	if a.Editor == "" {
		a.Editor = strings.Join(ev.names(fEditor), " ")
	}
	if len(a.Authors) == 0 {
		a.Authors = ev.names(fAuthor)
	}
	a.Photographers = uniq(append(a.Photographers, ev.photographers()...))
	a.Source = strings.Trim(a.Source, "《》")
}
