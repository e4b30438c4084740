package extract

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

var (
	// lazyAttrs hold the real image URL on lazy-loading pages.
	lazyAttrs = []string{"data-src", "data-original", "data-lazy-src", "data-actualsrc",
		"data-original-src", "data-lazyload", "data-echo", "data-url", "original", "file"}
	// placeholderSrc is a spacer or loading image standing in for the real one.
	placeholderSrc = regexp.MustCompile(`(?i)(^data:|grey\.gif|gray\.gif|blank\.(gif|png)|spacer|placeholder|loading|lazy[-_]?load|pixel\.(gif|png)|transparent\.(gif|png)|1x1|default\.(gif|png|jpg))`)
	// junkImage is a logo, QR code, share icon, avatar, author headshot or
	// other furniture.
	junkImage = regexp.MustCompile(`(?i)([-/]authors?/|headshot|logo|qr[-_]?code|qrcode|/qr[-_]|erweima|share[-_/]|icon|avatar|emoji|/ad[-_/]|banner|sprite|placeholder|grey\.gif|blank\.gif|spacer|badge|button|weixin[-_]?code)`)
	// captionClass marks caption elements by class.
	captionClass = regexp.MustCompile(`(?i)(caption|pictext|pic[-_]?txt|pic[-_]?desc|pic[-_]?info|img[-_]?(text|txt|desc|info|note)|image[-_]?(text|desc)|photo[-_]?(text|desc)|tpms|tpsm|tuzhu|picnote|pic-note|desc)`)
	// captionStart opens typical caption sentences (△/▲ point at the picture).
	captionStart = labels.Regexp(`(?i)^([△▲]|图为|图：|图:|上图|下图|左图|右图|图片|组图|图\d|photo|pictured|above|below|file photo)`)
	// fileName is an alt text that is only an image file name.
	fileName = regexp.MustCompile(`(?i)^[\w.-]+\.(jpe?g|png|gif|webp|bmp)$`)
	centered = regexp.MustCompile(`(?i)text-align\s*:\s*center`)
	// videoPoster is the alt or caption of a video player's still: "Video
	// player loading", "Video: Buck: Raise retirement age", "视频：…".
	videoPoster = labels.Regexp(`(?i)^(video\s*[:：|]|video player\b|watch\s*[:：]|视频\s*[:：])`)
)

// imageURL picks the real picture URL: lazy attributes, then a src that
// is not a placeholder, then the first srcset candidate.
func imageURL(n *html.Node, base *url.URL) string {
	for _, k := range lazyAttrs {
		if u := feedsvc.WebURL(base, attr(n, k)); u != "" && !placeholderSrc.MatchString(u) {
			return u
		}
	}
	if src := attr(n, "src"); src != "" && !placeholderSrc.MatchString(src) {
		if u := feedsvc.WebURL(base, src); u != "" {
			return u
		}
	}
	for _, k := range []string{"srcset", "data-srcset"} {
		if f := strings.Fields(strings.Split(attr(n, k), ",")[0]); len(f) > 0 {
			if u := feedsvc.WebURL(base, f[0]); u != "" {
				return u
			}
		}
	}
	return ""
}

// isJunkImage reports furniture images, icons too small to be photos and
// the pictures of profile boxes.
func isJunkImage(n *html.Node, u string) bool {
	if junkImage.MatchString(u) || junkImage.MatchString(attr(n, "class")) || junkImage.MatchString(attr(n, "id")) {
		return true
	}
	for _, k := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSuffix(attr(n, k), "px")); err == nil && v > 0 && v < 50 {
			return true
		}
	}
	for p, d := n.Parent, 0; p != nil && d < 3; p, d = p.Parent, d+1 {
		if profileBox.MatchString(attr(p, "class")) {
			return true
		}
	}
	return false
}

// profileBox is the class of a profile box's picture holder: the logo or
// portrait of a company or person card set beside the story.
var profileBox = regexp.MustCompile(`(?i)profile[-_]?(image|img|pic|photo)`)

// images collects the body's pictures with captions and rewrites each
// <img> to a plain absolute src; furniture images are removed.
func (c *cleaner) images(root *html.Node, base *url.URL) []feedsvc.Image {
	var out []feedsvc.Image
	seen := map[string]bool{}
	for _, n := range labels.Elements(root) {
		if n.Data != "img" || n.Parent == nil {
			continue
		}
		o := c.p.origin(n)
		if o == nil {
			o = n
		}
		u := imageURL(o, base)
		if u == "" || isJunkImage(o, u) || hasAncestor(o, "a") && isJunkImage(o.Parent, u) {
			n.Parent.RemoveChild(n)
			continue
		}
		alt := tidy(attr(o, "alt"))
		if alt == fileKey(u) || fileName.MatchString(alt) {
			alt = "" // a CMS writes the file name where no alt was given
		}
		n.Attr = []html.Attribute{{Key: "src", Val: u}}
		if alt != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "alt", Val: alt})
		}
		if seen[u] || seen[pictureKey(u)] {
			continue
		}
		seen[u] = true
		if k := pictureKey(u); k != "" {
			seen[k] = true
		}
		if relatedTeaser(o) {
			n.Parent.RemoveChild(n)
			continue
		}
		cp := c.caption(n, root)
		if cp == "" {
			cp = pageCaption(c.p, o, n, u, base)
		}
		if videoPoster.MatchString(alt) || videoPoster.MatchString(cp) {
			n.Parent.RemoveChild(n) // the still of a video player, no picture of the story
			continue
		}
		if cp != "" {
			c.captions[labels.Clean(cp)] = true
		}
		out = append(out, feedsvc.Image{URL: u, Alt: alt, Caption: cp})
	}
	return out
}

// withLead puts the page's declared lead image (og:image, twitter:image)
// first when the body does not already show it: news pages print the
// lead photo above the text, outside the block readability keeps. The
// same picture in another size (same file name) counts as shown. A
// declared image that is no photo of the story is left out: a GIF or PNG
// the body does not show (logos, share cards; a photo converted to PNG,
// x.jpg.cf.png, is still a photo), a site-wide card (share,
// logo, default in its name, or a bare name such as fb.jpg), and a
// picture the page never shows while the body has pictures of its own
// (a share thumbnail) unless the page declares it a large picture card.
// The lead has no alt: og:image:alt describes a share card, not an <img>.
func (c *cleaner) withLead(m pageMeta, base *url.URL, imgs []feedsvc.Image) []feedsvc.Image {
	p := c.p
	u := feedsvc.WebURL(base, firstNonEmpty(m.first(leadKeys...), metaValue(p, leadKeys)))
	if u == "" || junkImage.MatchString(u) || placeholderSrc.MatchString(u) {
		return imgs
	}
	key := fileKey(u)
	for _, im := range imgs {
		if im.URL == u || key != "" && fileKey(im.URL) == key {
			return imgs
		}
	}
	ext := strings.ToLower(path.Ext(key))
	stem := strings.TrimSuffix(key, path.Ext(key))
	switch {
	case (ext == ".gif" || ext == ".png") && !photoStem.MatchString(stem):
		return imgs
	case cardName.MatchString(key) || runeLen(stem) <= 3 && !strings.Contains(u, "?"):
		return imgs
	}
	shown := p.shows(key, base)
	if len(imgs) > 0 && shown == nil && (!largeCard(m, p) || sameFolder(u, imgs)) {
		return imgs
	}
	// The alt of a picture is its <img> element's: meta tags describing the
	// share image (og:image:alt) are no alt attribute.
	return append([]feedsvc.Image{{URL: u}}, imgs...)
}

// sameFolder reports whether u lies in the folder of one of imgs on the
// same host: a CMS keeps a story's pictures and their renditions
// together, so a share card there is one of the body's pictures cropped.
// The folder is the last two directory names, which an image resizer
// keeps when it prefixes the path with its own rendition segments.
func sameFolder(u string, imgs []feedsvc.Image) bool {
	a := folder(u)
	if a == "" {
		return false
	}
	for _, im := range imgs {
		if folder(im.URL) == a {
			return true
		}
	}
	return false
}

// folder is a URL's host and the last two directory names of its path, or
// "" for a picture less than two folders deep.
func folder(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	dirs := strings.Split(strings.Trim(path.Dir(u.Path), "/"), "/")
	if len(dirs) < 2 {
		return ""
	}
	return u.Host + "/" + strings.Join(dirs[len(dirs)-2:], "/")
}

// largeCard reports a page declaring its share image a large picture card
// (twitter:card summary_large_image): the picture stands for the story,
// a lead photo the page prints above the text, not a thumbnail.
func largeCard(m pageMeta, p *page) bool {
	card := firstNonEmpty(m.first("twitter:card"), metaValue(p, []string{"twitter:card"}))
	return strings.EqualFold(strings.TrimSpace(card), "summary_large_image")
}

// photoStem is a file stem naming a photo that a resizer serves in
// another format (c21f…a61a.jpg.cf.png): the picture is a JPEG photo, not
// a PNG logo or card.
var photoStem = regexp.MustCompile(`(?i)\.(jpe?g|webp)(\.|$)`)

// leadKeys are the meta names declaring a page's lead image.
var leadKeys = []string{"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"}

// metaValue reads a <meta> that carries its value in a value attribute
// instead of content (as some page stores and CMS exports write it).
func metaValue(p *page, keys []string) string {
	for _, k := range keys {
		sel := p.doc.Find(`meta[property="` + k + `"][value], meta[name="` + k + `"][value]`).First()
		if v := labels.Clean(sel.AttrOr("value", "")); v != "" {
			return v
		}
	}
	return ""
}

// cardName marks site-wide share cards and logos by file name.
var cardName = regexp.MustCompile(`(?i)(share|logo|default|profile|icon|avatar)`)

// fileKey names the picture a URL serves: the last path segment, or for
// an image script (photo.php?u=…/x.jpg) the file named in its query.
func fileKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	f := path.Base(u.Path)
	if e := strings.ToLower(path.Ext(f)); e == "" || e == ".php" || e == ".aspx" || e == ".asp" || e == ".jsp" {
		for _, vs := range u.Query() {
			for _, v := range vs {
				if q, err := url.Parse(v); err == nil && path.Ext(q.Path) != "" && strings.Contains(q.Path, "/") {
					return path.Base(q.Path)
				}
			}
		}
	}
	if f == "." || f == "/" {
		return ""
	}
	return f
}

// sizeSuffix is a size token a CMS appends to an image's file name for
// each rendition: -s1100, -c50, _640x360, -w800. A bare number is no
// size token: galleries number their pictures (photo-01, photo-02).
var sizeSuffix = regexp.MustCompile(`(?i)[-_](?:[swhcq]\d{2,4}|\d{2,4}x\d{2,4})$`)

// pictureKey names the picture a URL serves across its renditions: the
// directory and the file stem without its size tokens and extension
// (…/ap_1634-ec3b-s1100-c50.jpg and …/ap_1634-ec3b-s1200.jpg are one
// picture). "" when the stem has no size token: then only the exact URL
// identifies the picture.
func pictureKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	dir, f := path.Split(u.Path)
	stem := strings.TrimSuffix(f, path.Ext(f))
	cut := stem
	for {
		loc := sizeSuffix.FindStringIndex(cut)
		if loc == nil {
			break
		}
		cut = cut[:loc[0]]
	}
	if cut == stem || runeLen(cut) < 8 {
		return ""
	}
	return u.Host + dir + cut
}

// shows returns the page's first <img> serving the file key, or nil.
func (p *page) shows(key string, base *url.URL) *html.Node {
	if key == "" {
		return nil
	}
	for _, n := range p.nodes {
		if n.Data == "img" {
			if u := imageURL(n, base); u != "" && fileKey(u) == key {
				return n
			}
		}
	}
	return nil
}

// relatedTeaser reports a picture linking to another page under a
// related-stories heading ("Related", "相关阅读"): a teaser of another
// article, not a picture of this one. The heading is a short element
// just before one of the picture's first six wrappers.
func relatedTeaser(img *html.Node) bool {
	linked := false
	for a := img.Parent; a != nil && !linked; a = a.Parent {
		if a.Data == "a" {
			h := strings.TrimSpace(attr(a, "href"))
			linked = h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(strings.ToLower(h), "javascript:") &&
				!imageExt.MatchString(strings.SplitN(h, "?", 2)[0])
			break
		}
	}
	if !linked {
		return false
	}
	for a, d := img.Parent, 0; a != nil && d < 6; a, d = a.Parent, d+1 {
		for s, k := elementSibling(a, false), 0; s != nil && k < 2; s, k = elementSibling(s, false), k+1 {
			if t := labels.Clean(labels.TextOf(s)); t != "" && runeLen(t) <= 40 && sectionHead.MatchString(t) {
				return true
			}
		}
	}
	return false
}

// imageExt ends the path of a link to a picture file.
var imageExt = regexp.MustCompile(`(?i)\.(jpe?g|png|gif|webp|bmp)$`)
