package normalize

import (
	"bytes"
	"net/url"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

// sanitizePolicy is bluemonday's UGC allow-list (semantic markup, lists,
// tables, images, links; no script, style, forms or event handlers) plus
// the tables of sanitize_allow.go: figures, media, allow-listed video
// iframes and the attributes the pre-pass writes (srcset, referrerpolicy,
// rel).
func sanitizePolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.UGCPolicy()
		declare(p)
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
// bluemonday's allow-list applied (skipped when the walk of sanitizeTree
// proves it would change nothing). base may be nil (relative URLs are then
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
// parsing failed). It rewrites root in place. kept reports that the output
// is the rendered tree unchanged: the output then parses back to root, so
// root can stand for the output (text, images) without a second parse.
//
// bluemonday reads serialized HTML only: sanitizing the prepared tree with
// it costs a render and a second tokenize of every item. Most prepared
// trees hold nothing bluemonday would change, so conforms, a walk over the
// tree against the same allow-list tables, first decides whether
// bluemonday would be a no-op; then the rendering is the output and
// bluemonday is not run. The walk answers true only where it is certain
// (TestConformsAgrees and FuzzConforms check that bluemonday gives back
// the rendering byte for byte whenever it does); for everything else
// bluemonday runs as the allow-list's authority and has the last word.
func sanitizeTree(root *html.Node, s string, base *url.URL) (out string, kept bool) {
	if root == nil {
		return strings.TrimSpace(sanitizePolicy().Sanitize(s)), false
	}
	prepare(root, base)
	in := getBuffer()
	defer putBuffer(in)
	if err := renderChildren(in, root); err != nil {
		return "", false
	}
	if conforms(root) {
		return string(bytes.TrimSpace(in.Bytes())), true
	}
	clean := getBuffer()
	defer putBuffer(clean)
	if err := sanitizePolicy().SanitizeReaderToWriter(bytes.NewReader(in.Bytes()), clean); err != nil {
		return "", false // as Sanitize answers a document it cannot read
	}
	o := bytes.TrimSpace(clean.Bytes())
	return string(o), bytes.Equal(o, bytes.TrimSpace(in.Bytes()))
}

// renderChildren writes the markup of root's children to w.
func renderChildren(w *bytes.Buffer, root *html.Node) error {
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if err := html.Render(w, n); err != nil {
			return err
		}
	}
	return nil
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
