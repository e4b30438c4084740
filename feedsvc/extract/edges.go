package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// Structural signals for the edges of a body, beside the furniture
// patterns of clean.go: where a block sits in the page (a caption or
// credit element, a list of highlights), what shape it has (a display
// line without a sentence, a file name, a run of class names) and what
// follows it (a caption is followed by its credit).

// captionBox names a picture's caption or credit element by class or
// id: "caption", "pb-caption", "credit-caption", "story-meta__credit",
// "media__caption", "img_desc", "pic-desc".
var captionBox = regexp.MustCompile(`(?i)(caption|credit|(img|pic|photo|image|video)[-_]?(desc|text|info|note))`)

// inCaption reports whether n (a body block) sits in a caption or credit
// element of the page: a <figcaption>, or an element whose class or id
// names a caption, up to the nearest ancestor that holds much more text
// than a caption.
func (c *cleaner) inCaption(n *html.Node) bool {
	o := c.p.origin(n)
	if o == nil && attr(n, anonTag) == "" {
		return false
	}
	if o == nil { // a wrapper of loose text: judge its first element
		for _, e := range labels.Elements(n) {
			if o = c.p.origin(e); o != nil {
				break
			}
		}
		if o == nil {
			return false
		}
	}
	for e, depth := o, 0; e != nil && e.Type == html.ElementNode && depth < 6; e, depth = e.Parent, depth+1 {
		if runeLen(labels.Clean(labels.TextOf(e))) > 600 {
			return false
		}
		if e.Data == "figcaption" || captionBox.MatchString(attr(e, "class")) || captionBox.MatchString(attr(e, "id")) {
			return true
		}
	}
	return false
}

// fileNameLine is a block that is only an image's file name ("skimming scheme
// seized cash and cards.jpg"), printed by a CMS in place of a caption.
var fileNameLine = regexp.MustCompile(`(?i)^[^/\s][^/]{0,120}\.(jpe?g|png|gif|webp|bmp|tiff?)$`)

// creditParen is a credit in parentheses with a slash: "(Mike
// Cason/mcason@al.com)", "(Dustin Franz/AFP/Getty Images)".
var creditParen = regexp.MustCompile(`^[(（][^()（）]{2,60}/[^()（）]{2,80}[)）]$`)

// isCreditLine reports a lead block that is only a picture credit.
func isCreditLine(t string) bool {
	return runeLen(t) <= 80 && (photoCredit.MatchString(t) || creditParen.MatchString(t) || fileNameLine.MatchString(t))
}

// displayLine reports a short lead block with no sentence in it: a
// headline or deck set again in the body, a channel or category name,
// an outlet's name, a share button ("推动长三角一体化发展取得新的重大突破",
// "上海证券报网络版", "即時", "The White House", "For Immediate
// Release", "Opinion writer"). It is judged only before the first
// paragraph of text, and never ends with a dash or colon (a dateline or a
// lead-in introduces the text that follows).
func displayLine(t string) bool {
	if t == "" || strings.ContainsAny(t, "。，,；;！？!?、") || sentenceEnd.MatchString(t) ||
		strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "-") {
		return false
	}
	if strings.ContainsFunc(t, isHan) {
		return runeLen(t) <= 40
	}
	return runeLen(t) <= 60 && len(strings.Fields(t)) <= 9
}

// highlightsHead opens a box of key points printed above the text:
// "Story highlights", "Highlights", "Key points", "划重点", "要点".
var highlightsHead = labels.Regexp(`(?i)^(story highlights|highlights|key points|key takeaways|划重点|本文要点|要点|核心提示)\s*[:：]?$`)

// dropHighlights removes a highlights box at the start of the body: its
// heading and the list right after it. It reports whether it did.
func dropHighlights(n *html.Node) bool {
	if !highlightsHead.MatchString(labels.Clean(labels.TextOf(n))) {
		return false
	}
	// The list is the next element after the heading or after one of its
	// ancestors (<div><h3>Highlights</h3></div><ul>…</ul>).
	for e := n; e != nil && e.Parent != nil; e = e.Parent {
		next := e.NextSibling
		for next != nil && next.Type != html.ElementNode {
			next = next.NextSibling
		}
		if next != nil {
			if next.Data == "ul" || next.Data == "ol" {
				next.Parent.RemoveChild(next)
			}
			break
		}
	}
	n.Parent.RemoveChild(n)
	return true
}

// classRun is a tail block that is one run of CSS class names or
// tokens without spaces ("for-phone-onlyfor-tablet-portrait-up…"), the
// text of a style or layout helper, never a sentence.
var classRun = regexp.MustCompile(`^[A-Za-z0-9_-]{30,}$`)

// authorNoteZh is a Chinese note on the author after the text:
// 作者为《中国企业家》主笔, 作者简介：…, 笔者系….
var authorNoteZh = labels.Regexp(`^(作者|笔者)(为|是|系|简介|介绍)`)

// pagerLine is a page switcher: 首页 | 上一页 1 下一页 | 尾页, « Previous
// 1 2 Next ».
var pagerLine = labels.Regexp(`(?i)(上一页.{0,40}下一页|首页.{0,40}尾页|previous.{0,40}next\b)`)

// cutAtPager removes a page switcher after the first paragraph of text,
// and everything after it: the article ends at its pager (what follows
// is the site's, such as picture rankings and more news).
func cutAtPager(root *html.Node) {
	before := 0
	for _, l := range textLines(root) {
		t := labels.Clean(l.text)
		if before >= 100 && runeLen(t) <= 80 && pagerLine.MatchString(t) && l.el != root && !labels.HasBlockChild(l.el) {
			removeFrom(root, l.el)
			return
		}
		before += runeLen(t)
	}
}

// removeFrom removes el and everything after it in root's document order.
func removeFrom(root, el *html.Node) {
	for n := el; n != nil && n != root; n = n.Parent {
		for sib := n.NextSibling; sib != nil; {
			next := sib.NextSibling
			n.Parent.RemoveChild(sib)
			sib = next
		}
	}
	el.Parent.RemoveChild(el)
}

// placeholder is a block that stands in for content a script loads
// (加载中, "Loading…"): wherever it is, it is no text.
var placeholder = labels.Regexp(`(?i)^(加载中|正在加载|loading)\s*(\.{1,3}|…)?$`)

// inlineRelated is a "read also" line inside the text: a label and a
// link to another story (A lire aussi : …, Read more: …, 延伸阅读：…).
var inlineRelated = labels.Regexp(`(?i)^(à lire aussi|a lire aussi|lire aussi|read more|read also|see also|related|延伸阅读|相关阅读|推荐阅读|相关链接|相关新闻)\s*[:：]`)

// dropInlineFurniture removes placeholders and "read also" link lines
// anywhere in the body.
func dropInlineFurniture(root *html.Node) {
	for _, l := range textLines(root) {
		if l.el == root || l.el.Parent == nil || labels.HasBlockChild(l.el) {
			continue
		}
		t := labels.Clean(labels.TextOf(l.el))
		if placeholder.MatchString(t) || runeLen(t) <= 200 && inlineRelated.MatchString(t) && linkShare(l.el) > 0 {
			l.el.Parent.RemoveChild(l.el)
		}
	}
}

// imageAlts lists the alt texts of root's pictures that read as
// captions (at least 20 characters).
func imageAlts(root *html.Node) map[string]bool {
	out := map[string]bool{}
	for _, n := range labels.Elements(root) {
		if n.Data == "img" {
			if alt := labels.Clean(attr(n, "alt")); runeLen(alt) >= 20 {
				out[alt] = true
			}
		}
	}
	return out
}

// isBylineLine reports a byline line: "By A and B", "Un texte de X".
func isBylineLine(t string) bool {
	return bylineBlock(t) || runeLen(t) <= 80 && strings.HasPrefix(strings.ToLower(t), "un texte de ")
}

// stripCaptionText removes the caption and credit text of a lead block
// that holds a picture (<p><img><br><span class="caption">…</span></p>),
// keeping the picture. It reports whether it removed anything.
func (c *cleaner) stripCaptionText(n *html.Node) bool {
	if !labels.HasImage(n) {
		return false
	}
	removed := false
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if ch.Type == html.ElementNode && !labels.HasImage(ch) && labels.Clean(labels.TextOf(ch)) != "" && c.inCaption(ch) {
			n.RemoveChild(ch)
			removed = true
		}
		ch = next
	}
	return removed
}

// anonTag marks the blocks wrapLooseText adds.
const anonTag = "data-fsanon"

// wrapLooseText wraps each run of text and inline elements that sits
// beside block children (<figure><img> 分享 <div>…</div></figure>) or
// between <br> line breaks in a block of its own, so the edge rules can
// judge and remove it as a line (a hotline box printed as the last lines
// of the last paragraph).
// It returns the wrappers for unwrapAll.
func wrapLooseText(root *html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range labels.Elements(root) {
		if !labels.BlockTags[n.Data] || !labels.HasBlockChild(n) && !hasChild(n, "br") {
			continue
		}
		var run []*html.Node
		flush := func() {
			text := false
			for _, r := range run {
				text = text || labels.Clean(labels.TextOf(r)) != "" && !labels.HasImage(r)
			}
			if text {
				w := &html.Node{Type: html.ElementNode, Data: "p", Attr: []html.Attribute{{Key: anonTag, Val: "1"}}}
				n.InsertBefore(w, run[0])
				for _, r := range run {
					n.RemoveChild(r)
					w.AppendChild(r)
				}
				out = append(out, w)
			}
			run = run[:0]
		}
		for ch := n.FirstChild; ch != nil; {
			next := ch.NextSibling
			if ch.Type == html.ElementNode && (labels.BlockTags[ch.Data] || ch.Data == "br" || labels.HasImage(ch)) {
				flush()
			} else if ch.Type == html.TextNode || ch.Type == html.ElementNode {
				run = append(run, ch)
			}
			ch = next
		}
		flush()
	}
	return out
}

// unwrapAll puts the content of the wrappers still in the tree back in
// their place.
func unwrapAll(ws []*html.Node) {
	for _, w := range ws {
		if w.Parent != nil {
			unwrap(w)
		}
	}
}

// dropCreditLines removes picture credit lines ("US Navy / Getty
// Images", "(X/AP)") anywhere in the body; it runs after the edge rules,
// which read a credit as the end of the caption before it.
func dropCreditLines(root *html.Node) {
	for _, l := range textLines(root) {
		if l.el == root || l.el.Parent == nil || labels.HasBlockChild(l.el) || labels.HasImage(l.el) {
			continue
		}
		if t := labels.Clean(labels.TextOf(l.el)); runeLen(t) <= 80 && (photoCredit.MatchString(t) || creditParen.MatchString(t)) {
			l.el.Parent.RemoveChild(l.el)
		}
	}
}

// hasChild reports whether n has a child element tag.
func hasChild(n *html.Node, tag string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			return true
		}
	}
	return false
}

// dropFigureChrome removes the short text of a picture's buttons inside
// a <figure> (分享, facebook, "View Images", "Enlarge"): in a figure only
// the caption is text.
func (c *cleaner) dropFigureChrome(root *html.Node) {
	for _, l := range textLines(root) {
		n := l.el
		if n == root || n.Parent == nil || labels.HasBlockChild(n) || labels.HasImage(n) || !c.inFigure(n) || c.inCaption(n) {
			continue
		}
		if runeLen(labels.Clean(labels.TextOf(n))) <= 20 {
			n.Parent.RemoveChild(n)
		}
	}
}

// inFigure reports whether n sits in a <figure> of the body.
func (c *cleaner) inFigure(n *html.Node) bool {
	for e := n; e != nil; e = e.Parent {
		if e.Data == "figure" {
			return true
		}
		if o := c.p.origin(e); o != nil && o.Data == "figure" {
			return true
		}
	}
	return false
}

// blockStyle is an inline style that makes an element a block.
var blockStyle = regexp.MustCompile(`(?i)display\s*:\s*block`)

// breakBlockSpans turns empty inline elements styled display:block
// (<span style="display:block;height:1em;"></span>, a paragraph gap
// between runs of text) into line breaks, judged on the page original
// since readability strips styles.
func (c *cleaner) breakBlockSpans(root *html.Node) {
	for _, n := range labels.Elements(root) {
		o := c.p.origin(n)
		if o == nil || n.Parent == nil || labels.BlockTags[n.Data] || labels.HasImage(n) ||
			labels.Clean(labels.TextOf(n)) != "" || !blockStyle.MatchString(attr(o, "style")) {
			continue
		}
		br := &html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}
		n.Parent.InsertBefore(br, n)
		n.Parent.RemoveChild(n)
	}
}

// widgetAround is the largest element around a section heading that
// holds none of the paragraphs of text after it, when at least 400
// characters of such paragraphs follow (prose: 80 characters or more,
// ending a sentence, mostly not links); nil when the text ends there.
func widgetAround(root, head *html.Node, after []line) *html.Node {
	var prose []*html.Node
	n := 0
	for _, l := range after {
		t := labels.Clean(l.text)
		if runeLen(t) >= 80 && sentenceEnd.MatchString(t) && linkShare(l.el) < 0.3 {
			prose = append(prose, l.el)
			n += runeLen(t)
		}
	}
	if n < 400 {
		return nil
	}
	w := head
	for w.Parent != nil && w.Parent != root {
		holds := false
		for _, p := range prose {
			holds = holds || isInside(p, w.Parent)
		}
		if holds {
			break
		}
		w = w.Parent
	}
	return w
}
