package extract

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// junkClass marks page furniture by class or id: share bars, related
// links, tags, editor lines, footers, media matrices, QR codes, author
// bios.
var junkClass = regexp.MustCompile(`(?i)(^|[-_\s])(share|sharing|social|related|recommend|relevant|xgxw|tags?|keywords?|editor|bianji|zrbj|copyright|footer|matrix|qrcode|erweima|comments?|advert|ads?|print|fontsize|font-size|toolbar|pager|pagination|page-nav|crumbs?|breadcrumbs?|promo|app-promo|hot|rank|subscribe|subscription|paywall|regwall|newsletter|follow|author-?bio|about-(the-)?author|bio)([-_\s]|$)`)

// chromeTags never belong in an article body.
var chromeTags = map[string]bool{"script": true, "style": true, "noscript": true, "iframe": true,
	"form": true, "button": true, "input": true, "select": true, "textarea": true, "nav": true,
	"aside": true, "template": true, "object": true, "embed": true, "link": true, "meta": true, "svg": true}

// cleaner removes everything from a body copy that is not article text
// and collects the metadata lines it removes.
type cleaner struct {
	p      *page
	titles map[string]bool // headline texts that must not repeat in the body
	// captions are the captions read for the body's pictures: at the
	// start of the text they are no part of it.
	captions map[string]bool
	// alts are the alt texts of the body's pictures: a block that
	// repeats one is that picture's caption.
	alts map[string]bool
	// sawFileName is set when a picture's file name was dropped at the
	// start of the body: a caption follows.
	sawFileName bool
	hits        []labels.Hit
}

// run cleans root in place and returns the body's pictures. Images are
// read after furniture is dropped but before metadata lines go, so
// credit-only captions are still next to their pictures.
func (c *cleaner) run(root *html.Node, base *url.URL) []feedsvc.Image {
	for _, l := range textLines(root) {
		if hits, ok := labels.Line(l.text); ok {
			c.hits = append(c.hits, hits...)
		}
	}
	c.dropChrome(root)
	c.breakBlockSpans(root)
	imgs := c.images(root, base)
	c.dropLines(root)
	c.hits = append(c.hits, labels.DropInline(root)...)
	labels.DropEmpty(root)
	c.dropEdgeFurniture(root)
	fixTables(root)
	return imgs
}

// dropChrome removes chrome tags, furniture classes (judged on the page
// original, since readability strips classes), repeated headlines and
// header/footer blocks that carry little text.
func (c *cleaner) dropChrome(root *html.Node) {
	total := runeLen(labels.Clean(labels.TextOf(root)))
	var first *html.Node // the block of the body's first paragraph
	for _, l := range textLines(root) {
		if t := labels.Clean(l.text); runeLen(t) >= 25 && strings.ContainsAny(t, "。，,.!?！？") {
			first = l.el
			break
		}
	}
	for _, n := range labels.Elements(root) {
		if n == root || n.Parent == nil {
			continue
		}
		o := c.p.origin(n)
		if o == nil {
			o = n
		}
		t := labels.Clean(labels.TextOf(n))
		switch {
		case chromeTags[n.Data] || chromeTags[o.Data]:
		case junkClass.MatchString(attr(o, "class")) || junkClass.MatchString(attr(o, "id")):
			// A furniture class on most of the text is kept when it
			// holds the start of the text (a container with an unlucky
			// class); a comment or related section after the text goes.
			if runeLen(t) > total/2 && (first == nil || isInside(first, n)) || inProse(n) || proseParagraph(o, t) ||
				o.Data == "p" && paywalled.MatchString(attr(o, "class")) {
				continue
			}
		case c.titles[t] && t != "" && !labels.HasImage(n):
		case (o.Data == "header" || o.Data == "footer") && runeLen(t) < total/3:
		default:
			continue
		}
		n.Parent.RemoveChild(n)
	}
}

// paywalled marks paragraphs of the text a paywall script hides
// (<p class="paywall">): the class says where the text is, not that it is
// furniture; a paywall prompt is a <div> or a <section>.
var paywalled = regexp.MustCompile(`(?i)(^|[-_\s])(paywall|regwall)([-_\s]|$)`)

// proseParagraph reports a paragraph of article text whatever its class
// says: a <p> of at least 80 characters that ends a sentence
// (<p class="paywall">, the part of the text a paywall script hides).
func proseParagraph(o *html.Node, t string) bool {
	return o.Data == "p" && runeLen(t) >= 80 && sentenceEnd.MatchString(t)
}

// inProse reports whether n is an inline element inside running text: a
// link or span whose siblings carry words of a sentence (an auto-linked
// tag such as <a class="tag">Boeing</a> mid-paragraph). Its class names
// what it links to, not page furniture, and dropping it would cut words
// out of the sentence.
func inProse(n *html.Node) bool {
	if labels.BlockTags[n.Data] || n.Parent == nil {
		return false
	}
	words := 0
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode {
			words += len(strings.Fields(s.Data))
		}
	}
	return words >= 4
}

// dropLines removes block lines (and <br>-separated lines) that are all
// metadata, keeping what they say.
func (c *cleaner) dropLines(root *html.Node) {
	for _, n := range labels.Elements(root) {
		if n.Parent == nil || labels.HasBlockChild(n) || labels.HasImage(n) {
			continue
		}
		if !labels.BlockTags[n.Data] {
			c.dropBrLines(n)
			continue
		}
		if c.titles[labels.Clean(labels.TextOf(n))] {
			n.Parent.RemoveChild(n)
			continue
		}
		if hits, ok := labels.Line(labels.TextOf(n)); ok {
			c.hits = append(c.hits, hits...)
			n.Parent.RemoveChild(n)
			continue
		}
		c.dropBrLines(n)
	}
}

// dropBrLines handles legacy blocks that separate lines with <br>.
func (c *cleaner) dropBrLines(n *html.Node) {
	var group []*html.Node
	var lastBr *html.Node
	check := func() {
		var b strings.Builder
		for _, g := range group {
			b.WriteString(labels.TextOf(g))
		}
		if hits, ok := labels.Line(b.String()); ok && len(group) > 0 {
			c.hits = append(c.hits, hits...)
			for _, g := range group {
				n.RemoveChild(g)
			}
			if lastBr != nil && lastBr.Parent == n {
				n.RemoveChild(lastBr) // the break that introduced the removed line
			}
		}
		group = group[:0]
	}
	hasBr := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		hasBr = hasBr || (ch.Type == html.ElementNode && ch.Data == "br")
	}
	if !hasBr {
		return
	}
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if ch.Type == html.ElementNode && ch.Data == "br" {
			check()
			lastBr = ch
		} else {
			group = append(group, ch)
		}
		ch = next
	}
	check()
}

// fixTables renames table parts readability lifted out of their table.
func fixTables(root *html.Node) {
	for _, n := range labels.Elements(root) {
		switch n.Data {
		case "td", "th", "tr", "tbody", "thead", "tfoot":
			if !hasAncestor(n, "table") {
				n.Data, n.DataAtom = "div", 0
			}
		}
	}
}

// Furniture at the edges of a body: blocks before the first and after the
// last line of text that carry no article text (info lines, summaries,
// font switchers, disclaimers, reprint notices, staff lines, promotions,
// pagers, related lists). The patterns are judged only on whole short
// blocks at the edges, walking inward until the first text block.
var (
	// tailFurniture opens or fills a furniture block after the text.
	tailFurniture = labels.Regexp(`(?i)(免责声明|特别声明|平台声明|^声明[:：]|不代表本.{0,8}(立场|观点)|不代表.{0,12}(立[场場]|观点|觀點)|留言(板)?[规規][则則]|加入.{0,12}[会會]员|已[过過]查[询詢]时效|关心(你|您)[:：]?|再[给給]自己一次[机機][会會]|珍惜生命|粉丝团|粉丝专页|^on (twitter|facebook|instagram)\s*:|^(this|the) (story|article|report) (is|was) (part of|produced|supported)|仅代表作者|以上内容.{0,30}(发布|上传|平台)|原创内容|未经.{0,8}授权|转载请注明|转载时.{0,6}注明|版权所有|all rights reserved|^copyright|copyright\s*(©|\(c\)|\d{4})|©\s*\d{4}|^©|点击进入专题|^(相关|热点|热门|推荐|猜你)(推荐|新闻|阅读|文章|链接|关键字|喜欢)|扫描.{0,10}二维码|扫码|关注.{0,30}(微信|公众号)|^欢迎关注|点【在看】|下载.{0,12}app|^加载(更多|中)|下一页|上一页|返回搜狐|查看更多|展开阅读全文|阅读剩余全文|阅读原文|内容举报|^举报|我要评论|^评论\s*\d|^媒体报道|更多.{0,20}请关注|affiliate (links?|advertising|commission)|^(--\s*)?by [A-Z][a-z]+ [A-Z]|版[权權]所有|(专线|热线)[:：]\s*\d|^notice:|不喜欢|减少.{0,8}推荐|information storage services|^(show|read) (more|less)|^more [a-z]+ »|^subscribe|newsletter|^follow\b|^sign (in|up)|^email\b|^[aà] lire aussi|^read more from)`)
	// staffLine is a short line of production credits: 编辑 刘晓阳 校对 李铭,
	// （责任编辑： HN666）, 责编|陈梦莹 校对|黄慧敏, 总监制：…, 来源 | ….
	staffLine = labels.Regexp(`^[（(]?\s*(责任编辑|责编|编辑|校对|审核|审校|审\s?读|总?监\s?制|排版|美编|主编|统筹|策划|制作|作者|来源|记者|文|图)\s*[|｜/:：\s]`)
	// authorBio is an English author note after the text: "Alyssa
	// Newcomb is an NBC News contributor who writes about …".
	authorBio = regexp.MustCompile(`^[A-Z][\w.'-]+( [A-Z][\w.'-]+){1,3} (is an? |is the |writes |covers |currently ).{0,200}\b(contributor|writer|correspondent|reporter|editor|columnist|author|journalist|opinion|blogger)`)
	// sentenceEnd closes a sentence or quotation.
	sentenceEnd = regexp.MustCompile(`[。！？!?.」”"』…’]$`)
	// photoCredit is a picture credit line: "Steven Puetzer | The Image
	// Bank | Getty Images", "iStockphoto", "Illustration by X".
	photoCredit = regexp.MustCompile(`(?i)(getty images|istockphoto|shutterstock|ap photo|afp photo|reuters/|/reuters$|^photo(graph)?:|^(photo|illustration|image) by |^credit:)`)
	// printStamp is a newspaper's print-edition stamp: 《人民日报》（2024年05月10日 04 版）.
	printStamp = labels.Regexp(`^《[^》]{1,20}》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\S{0,4}\s*版\s*[)）]$`)
	// leadFurniture is page chrome before the text: summaries, font-size
	// switchers, read counters, players, TTS buttons, photo credits.
	leadFurniture = labels.Regexp(`(?i)^(划重点|verifying your|please wait|uh oh|we('|’)re experiencing|something went wrong|un texte de |.{0,60}时长[:：]\s*\d|.*播放失败|错误代码|.*跳过广告|展开$|.*收起$|切换到|了解详情|.*请稍候|播放速度|倍速|[\[【]?摘要[:：]|核心提示|阅读[:：]|阅读\s*\d|大\s*中\s*小|字号|play video|播报文章|发布于[:：]|view images?$|email tweet|updated on |illustration by |story highlights|热门关键字|toggle caption|\(?credit:|^(email|tweet|share|print|comments?)$|^[|｜]|^add (videos|photos)|^sign in|^be (the )?first to)`)
)

// sourceDash is a lead block holding only a credit and a dash, the
// agency or outlet a dateline names ("CNN —", "(Reuters) -"), printed
// apart from the first paragraph it introduces.
var sourceDash = regexp.MustCompile(`^\(?\p{Lu}[\p{L}&.' ]{1,30}\)?\s*[—–-]$`)

// bylineBlock reports a lead block that is only a byline ("By Brad
// Shaw", "By A and B"): short, opened by "By", naming people, and no
// sentence.
func bylineBlock(t string) bool {
	return runeLen(t) <= 80 && strings.HasPrefix(strings.ToLower(t), "by ") &&
		!sentenceEnd.MatchString(t) && len(labels.Byline(t)) > 0
}

// dropEdgeFurniture removes furniture blocks at the start and end of the
// body (see tailFurniture, leadFurniture): blocks matching the patterns
// or made mostly of links. It stops at the first block that is text.
func (c *cleaner) dropEdgeFurniture(root *html.Node) {
	capLen := 0
	for cp := range c.captions {
		capLen += runeLen(cp)
	}
	if 3*capLen >= runeLen(labels.Clean(labels.TextOf(root))) {
		c.captions = nil // a photo story: the captions are the text
	}
	cutAtSectionHead(root)
	cutAtPager(root)

	dropInlineFurniture(root)
	labels.DropEmpty(root)
	c.alts = imageAlts(root)
	anon := wrapLooseText(root)
	defer unwrapAll(anon)
	c.dropFigureChrome(root)
	for _, fromEnd := range []bool{false, true} {
		for {
			n := edgeBlock(root, fromEnd)
			if n == nil {
				break
			}
			if !fromEnd && dropHighlights(n) || c.stripCaptionText(n) {
				labels.DropEmpty(root)
				continue
			}
			if !c.isEdgeFurniture(n, fromEnd) && (fromEnd || !c.leadChrome(root, n)) {
				break
			}
			if !fromEnd && fileNameLine.MatchString(labels.Clean(labels.TextOf(n))) {
				c.sawFileName = true
			}
			n.Parent.RemoveChild(n)
			labels.DropEmpty(root)
		}
	}
	dropCreditLines(root)
	labels.DropEmpty(root)
}

// leadChrome judges a lead block by what follows it: a short block
// followed by a picture credit is that picture's caption (when a picture
// or a picture's file name comes before it), a block followed by a byline
// is the headline's deck, and a display
// line (see displayLine) is chrome when text follows it.
func (c *cleaner) leadChrome(root, n *html.Node) bool {
	t := labels.Clean(labels.TextOf(n))
	if labels.HasImage(n) || t == "" {
		return false
	}
	next := nextBlockText(root, n)
	if next == "" {
		return false
	}
	return c.pictureBefore(root, n) && runeLen(t) <= 200 && isCreditLine(next) ||
		runeLen(t) <= 300 && isBylineLine(next) || c.displayBlock(n, t) && runeLen(labels.Clean(labels.TextOf(root)))-runeLen(t) >= 100
}

// displayBlock reports a display line (see displayLine) in n. A
// subheading (<h2>…<h6> in the page) that opens the body heads its first
// section and stays, unless it is a bare label of a few characters
// ("亦观察"); a second <h1> in the body is a title graphic.
func (c *cleaner) displayBlock(n *html.Node, t string) bool {
	if !displayLine(t) {
		return false
	}
	tag := n.Data
	if o := c.p.origin(n); o != nil {
		tag = o.Data
	}
	switch tag {
	case "h2", "h3", "h4", "h5", "h6":
		return runeLen(t) <= 6 || !strings.ContainsFunc(t, isHan) && len(strings.Fields(t)) <= 1
	}
	return true
}

// pictureBefore reports whether a picture (or its file name, dropped)
// comes before n in root.
func (c *cleaner) pictureBefore(root, n *html.Node) bool {
	if c.sawFileName {
		return true
	}
	for _, e := range labels.Elements(root) {
		if e == n {
			return false
		}
		if e.Data == "img" || e.Data == "picture" {
			return true
		}
	}
	return false
}

// nextBlockText is the text of the block holding the first line after n.
func nextBlockText(root, n *html.Node) string {
	for _, l := range textLines(root) {
		if !isInside(l.el, n) && index(l.el) != index(n) && l.el != n {
			if t := labels.Clean(labels.TextOf(l.el)); t != labels.Clean(labels.TextOf(n)) {
				return labels.Clean(l.text)
			}
		}
	}
	return ""
}

// sectionHead is the heading of a furniture section after the text:
// comments, related or recommended stories.
var sectionHead = labels.Regexp(`(?i)^(评论|评论区|网友评论|热门评论|最新评论|相关推荐|相关阅读|相关新闻|相关文章|热点推荐|热门推荐|猜你喜欢|推荐阅读|延伸阅读|更多精彩|comments?|related( stories| articles| content)?|recommended( for you)?|more from [\w .]+|most popular|you may also like)\s*[:：]?\s*[(（]?\d*[)）]?$`)

// cutAtSectionHead removes a furniture section heading in the second
// half of the body's text and everything after it; when paragraphs of
// text follow the section, only the section goes (see widgetAround).
func cutAtSectionHead(root *html.Node) {
	ls := textLines(root)
	total := 0
	for _, l := range ls {
		total += runeLen(labels.Clean(l.text))
	}
	before := 0
	for i, l := range ls {
		t := labels.Clean(l.text)
		if 2*before >= total && runeLen(t) <= 30 && sectionHead.MatchString(t) && l.el != root && !labels.HasBlockChild(l.el) {
			if w := widgetAround(root, l.el, ls[i+1:]); w != nil {
				// Text goes on after the section: it is a widget set
				// inside the article ("Most Popular" between paragraphs).
				w.Parent.RemoveChild(w)
				return
			}
			for n := l.el; n != nil && n != root; n = n.Parent {
				for sib := n.NextSibling; sib != nil; {
					next := sib.NextSibling
					n.Parent.RemoveChild(sib)
					sib = next
				}
			}
			l.el.Parent.RemoveChild(l.el)
			return
		}
		before += runeLen(t)
	}
}

// edgeBlock is the first (or last) block of root holding text: a block
// without block children. It is nil when that text sits in a block with
// block children, which is left alone.
func edgeBlock(root *html.Node, fromEnd bool) *html.Node {
	ls := textLines(root)
	if len(ls) == 0 {
		return nil
	}
	l := ls[0]
	if fromEnd {
		l = ls[len(ls)-1]
	}
	if l.el == root || l.el.Parent == nil || labels.HasBlockChild(l.el) {
		return nil
	}
	return l.el
}

// isEdgeFurniture judges one edge block.
func (c *cleaner) isEdgeFurniture(n *html.Node, tail bool) bool {
	t := labels.Clean(labels.TextOf(n))
	if !tail && runeLen(t) <= 600 && !labels.HasImage(n) && authorBio.MatchString(t) {
		return true // an author's note above the text, however long
	}
	if t == "" || runeLen(t) > 300 {
		return false
	}
	if !tail {
		return !labels.HasImage(n) && (leadFurniture.MatchString(t) || c.repeatsTitle(t) || isInfoLine(t) ||
			c.captions[t] || isCreditLine(t) || sourceDash.MatchString(t) || bylineBlock(t) ||
			c.inCaption(n) || c.alts[t] || runeLen(t) <= 80 && linkShare(n) >= 0.5)
	}
	if tailFurniture.MatchString(t) {
		return true // with its QR code or app badge, if any
	}
	return !labels.HasImage(n) && (printStamp.MatchString(t) || runeLen(t) <= 60 && staffLine.MatchString(t) ||
		authorBio.MatchString(t) || authorNoteZh.MatchString(t) || classRun.MatchString(t) || c.inCaption(n) || c.captions[t] ||
		runeLen(t) <= 12 && !sentenceEnd.MatchString(t) || linkShare(n) >= 0.5)
}

// repeatsTitle reports a short lead block holding the headline with
// kicker or subtitle around it, or one line of a headline set on several
// lines, but no sentence of its own.
func (c *cleaner) repeatsTitle(t string) bool {
	for title := range c.titles {
		// A deck with sentences of its own, under a label word
		// ("Analyse Après une semaine agitée, … .").
		if runeLen(title) >= 20 && strings.Contains(t, title) && runeLen(t) <= runeLen(title)+15 {
			return true
		}
	}
	if strings.ContainsAny(t, "。.") {
		return false
	}
	for title := range c.titles {
		if runeLen(title) >= 8 && strings.Contains(t, title) && runeLen(t) <= 3*runeLen(title) ||
			runeLen(t) >= 6 && strings.Contains(title, t) {
			return true
		}
	}
	return false
}

// isInfoLine reports a short lead line with a dated stamp and no
// sentence: "上海证券报网络版 2005.08.26 05:39 关注", "2015-06-25 08:46:42 0人参与评论".
func isInfoLine(t string) bool {
	return runeLen(t) <= 50 && !strings.ContainsAny(t, "。，,") && labels.FindDate(t).Raw != ""
}

// linkShare is the share of n's text inside links.
func linkShare(n *html.Node) float64 {
	total := runeLen(labels.Clean(labels.TextOf(n)))
	if total == 0 {
		return 0
	}
	if hasAncestor(n, "a") {
		return 1 // a block inside a link (<a><p>headline</p></a>)
	}
	linked := 0
	for _, e := range labels.Elements(n) {
		if e.Data == "a" {
			linked += runeLen(labels.Clean(labels.TextOf(e)))
		}
	}
	return float64(linked) / float64(total)
}
