package normalize

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// videoHosts are the hosts whose <iframe> embeds survive sanitize.
var videoHosts = []string{"youtube.com", "youtube-nocookie.com", "player.vimeo.com", "player.bilibili.com", "v.qq.com"}

// videoSrcRe matches https embed URLs on videoHosts.
var videoSrcRe = regexp.MustCompile(`^https://(?:[a-z0-9-]+\.)*(?:youtube\.com|youtube-nocookie\.com|player\.vimeo\.com|player\.bilibili\.com|v\.qq\.com)(?:[/?#]\S*)?$`)

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

// sanitizePolicy is bluemonday's UGC allow-list (semantic markup, lists,
// tables, images, links; no script, style, forms or event handlers) plus
// figures, media, allow-listed video iframes and the attributes the
// pre-pass writes (srcset, referrerpolicy, rel).
func sanitizePolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.UGCPolicy()
		p.RequireNoFollowOnLinks(false)
		p.AllowRelativeURLs(false) // the pre-pass made every kept URL absolute
		p.AllowURLSchemes("http", "https", "mailto", "tel")
		p.AllowElements("figure", "figcaption", "picture", "main", "header", "footer")
		abs := regexp.MustCompile(`^https?://\S+$`)
		srcset := regexp.MustCompile(`^https?://\S+(?: [0-9.]+[wx])?(?:, https?://\S+(?: [0-9.]+[wx])?)*$`)
		p.AllowAttrs("title").OnElements("img")
		p.AllowAttrs("srcset").Matching(srcset).OnElements("img", "source")
		p.AllowAttrs("sizes", "media").Matching(bluemonday.Paragraph).OnElements("img", "source")
		p.AllowAttrs("type").Matching(regexp.MustCompile(`^[a-z]+/[a-zA-Z0-9.+-]+$`)).OnElements("source", "video", "audio")
		p.AllowAttrs("referrerpolicy").Matching(regexp.MustCompile(`^no-referrer$`)).OnElements("img", "video", "audio")
		p.AllowAttrs("rel").Matching(regexp.MustCompile(`^noopener noreferrer$`)).OnElements("a")
		p.AllowAttrs("src").OnElements("video", "audio", "source")
		// Checked again here, not only in the pre-pass: bluemonday re-reads
		// the rendered markup and must never let another embed through.
		p.AllowAttrs("src").Matching(videoSrcRe).OnElements("iframe")
		p.AllowAttrs("poster").Matching(abs).OnElements("video")
		p.AllowAttrs("controls", "preload", "loop", "muted", "playsinline").Matching(regexp.MustCompile(`^[a-z]*$`)).OnElements("video", "audio")
		p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("video", "iframe")
		p.AllowAttrs("allowfullscreen").Matching(regexp.MustCompile(`^[a-z]*$`)).OnElements("iframe")
		p.AllowAttrs("frameborder").Matching(bluemonday.Integer).OnElements("iframe")
		p.AllowElements("video", "audio", "source", "iframe")
		policy = p
	})
	return policy
}

// sanitize cleans article HTML for storage and feeds: URLs (href, src,
// srcset, poster, cite) resolved against base, lazy-load attributes
// (data-src, data-original, …) preferred over placeholder src, tracking
// pixels and images without a usable source dropped, iframes kept only
// from known video hosts, links given rel="noopener noreferrer" without
// target, images given referrerpolicy="no-referrer", and finally
// bluemonday's allow-list applied. base may be nil (relative URLs are then
// dropped).
func sanitize(s string, base *url.URL) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	out, _ := sanitizeTree(parseFragment(s), s, base)
	return out
}

// sanitizeTree is sanitize of root, the tree parsed from s (nil when
// parsing failed). It rewrites root in place. bluemonday reads serialized
// HTML only, so the prepared tree is rendered once for it, and keeping it
// means the allow-list, not our tree walk, has the last word on what
// reaches a feed. kept reports that bluemonday's output is the rendered
// tree unchanged: the output then parses back to root, so root can stand
// for the output (text, images) without a second parse.
func sanitizeTree(root *html.Node, s string, base *url.URL) (out string, kept bool) {
	if root == nil {
		return strings.TrimSpace(sanitizePolicy().Sanitize(s)), false
	}
	prepare(root, base)
	in, clean := getBuffer(), getBuffer()
	defer putBuffer(in)
	defer putBuffer(clean)
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if err := html.Render(in, n); err != nil {
			return "", false
		}
	}
	if err := sanitizePolicy().SanitizeReaderToWriter(bytes.NewReader(in.Bytes()), clean); err != nil {
		return "", false // as Sanitize answers a document it cannot read
	}
	o := bytes.TrimSpace(clean.Bytes())
	return string(o), bytes.Equal(o, bytes.TrimSpace(in.Bytes()))
}

// buffers holds the render and sanitize buffers between articles: one
// item's content is rendered and sanitized into buffers as large as
// itself, which would otherwise be garbage at once.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// putBuffer returns b to the pool, unless it grew beyond what a usual
// article needs.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		b.Reset()
		buffers.Put(b)
	}
}

// allowedIframe reports whether src is an embed from a videoHosts host.
func allowedIframe(src string) bool {
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return false
	}
	h := strings.ToLower(u.Hostname())
	for _, v := range videoHosts {
		if h == v || strings.HasSuffix(h, "."+v) {
			return true
		}
	}
	return false
}
