package labels

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Strip applies the labelled-line rules to a feed item's content tree,
// as extract does to a page body: edge lines that are all metadata (责任编辑,
// 来源, 记者, … 摄, Source:, Editor in charge:, Reporting by …), an edge
// line repeating the title and bracketed labels leave the tree, and what
// they say fills the article's fields the feed left empty. Feeds from
// newspaper CMSs carry these lines in content:encoded as their pages do.
// raw is the content the tree was parsed from (a cheap test skips trees
// no label can match). It reports whether the tree changed.
func Strip(root *html.Node, raw string, a *feedsvc.Article) bool {
	if !mayHaveLabels(raw) {
		return false
	}
	var hits []Hit
	titles := dropEdgeLines(root, Clean(a.Title), &hits)
	hits = append(hits, DropInline(root)...)
	if len(hits) == 0 {
		for i := len(titles) - 1; i >= 0; i-- {
			titles[i].restore() // a repeated title alone is no reason to edit
		}
		return false
	}
	dropEmpty(root) // empty.go
	fill(a, &Evidence{Body: hits})
	return true
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
// are all metadata (or repeat the title), collecting their hits; it
// returns the title repeats it removed.
func dropEdgeLines(root *html.Node, title string, hits *[]Hit) []removal {
	var blocks []*html.Node
	for _, n := range Elements(root) {
		if n != root && BlockTags[n.Data] && !HasBlockChild(n) && !HasImage(n) && hasText(n) {
			blocks = append(blocks, n)
		}
	}
	var titles []removal
	for i, n := range blocks {
		if i >= edgeHead && i < len(blocks)-edgeTail {
			continue
		}
		t := TextOf(n)
		if title != "" && cleanIs(t, title) {
			titles = append(titles, removal{n, n.Parent, n.NextSibling})
			n.Parent.RemoveChild(n)
			continue
		}
		if hs, ok := Line(t); ok {
			*hits = append(*hits, hs...)
			n.Parent.RemoveChild(n)
		}
	}
	return titles
}

// removal is a node taken out of the tree, with where it was.
type removal struct{ n, parent, next *html.Node }

// restore puts the node back; removals are restored in reverse order.
func (r removal) restore() {
	r.parent.InsertBefore(r.n, r.next)
}

// fill sets the article's empty fields from labelled-line Evidence.
func fill(a *feedsvc.Article, ev *Evidence) {
	set := func(dst *string, f Field) {
		if *dst == "" {
			*dst = ev.First(f)
		}
	}
	set(&a.Source, Source)
	set(&a.Kicker, Kicker)
	set(&a.Subtitle, Subtitle)
	set(&a.PrintTitle, PrintTitle)
	if a.PublishedRaw == "" && a.Published.IsZero() {
		a.PublishedRaw = ev.First(Published)
	}
	if a.Editor == "" {
		a.Editor = strings.Join(ev.Names(Editor), " ")
	}
	if len(a.Authors) == 0 {
		a.Authors = ev.Names(Author)
	}
	a.Photographers = Uniq(append(a.Photographers, ev.Photographers()...))
	a.Source = strings.Trim(a.Source, "《》")
}

// inlineMeta is a bracketed label inside running text: "（来源：新华社）",
// "【责任编辑：X】", "(Editor: X)".
var inlineMeta = guard(Regexp(`(?i)[（(【\[]\s*((?:原标题|本文来源|文章来源|来源|稿源|责任编辑|责编|编辑|source|editor in charge|editor|edited by)\s*[:：][^（）()【】\[\]]{1,60})[)）】\]]`))

// DropInline removes bracketed source/editor labels from the text nodes
// under root and returns what they said.
func DropInline(root *html.Node) []Hit {
	var out []Hit
	eachText(root, func(n *html.Node) {
		if mayBeInline(n.Data) {
			n.Data = dropInline(n.Data, &out)
		}
	})
	return out
}

// dropInline removes from s the inlineMeta matches whose label Line
// reads, adding their hits to out. It is
//
//	inlineMeta.ReplaceAllStringFunc(s, func(m string) string {
//		if hits, ok := Line(inlineMeta.FindStringSubmatch(m)[1]); ok {
//			*out = append(*out, hits...)
//			return ""
//		}
//		return m
//	})
//
// from one search: the pattern holds no assertion, so a match read again
// on its own has the submatch it had in s.
func dropInline(s string, out *[]Hit) string {
	locs := inlineMeta.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		hits, ok := Line(s[loc[2]:loc[3]])
		if !ok {
			continue
		}
		*out = append(*out, hits...)
		b.WriteString(s[last:loc[0]])
		last = loc[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// DropEmpty removes elements left without text or images.
func DropEmpty(root *html.Node) {
	for _, n := range Elements(root) {
		if n == root || n.Parent == nil || n.Data == "br" || n.Data == "img" || n.Data == "hr" {
			continue
		}
		if t := Clean(TextOf(n)); (t == "" || isCode(t) && n.Data == "p") && !HasImage(n) {
			n.Parent.RemoveChild(n)
		}
	}
}

// isCode reports a short paragraph without a letter: a CMS code or stamp
// ("1130305", "——", "(0305)") that no reader wants in the body.
func isCode(t string) bool {
	if runeLen(t) > 16 {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// mayBeInline reports an opening bracket and a colon, which every
// inlineMeta match holds. It looks for their bytes (UTF-8 decoding never
// splits a valid character's bytes), which is much faster than reading
// every text node rune by rune: most have neither.
func mayBeInline(s string) bool {
	return (strings.IndexByte(s, ':') >= 0 || strings.Contains(s, "：")) &&
		(strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, '[') >= 0 ||
			strings.Contains(s, "（") || strings.Contains(s, "【"))
}
