package normalize

import (
	"regexp"
	"slices"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// The allow-list of sanitized HTML is written once, in the tables below.
// sanitizePolicy declares every entry on bluemonday's policy, and the
// conformance walk (sanitize_conform.go) trusts nothing else: an element
// or attribute the walk accepts was allowed on the policy by the same
// entry, so the walk can only ever say less than bluemonday would keep.
//
// The tables hold the rules of this package (figures, media, video
// iframes, the attributes prepare writes) and restate the rules of
// bluemonday's UGC policy that common content uses, with the same
// patterns, so that the walk knows them too. Restating a UGC rule changes
// nothing in the policy (bluemonday keeps an attribute that any of its
// rules allows); rules of UGCPolicy left out here still apply, but the
// walk answers false on them and bluemonday decides.

// urlSchemes are the schemes of the URLs kept in href, src and cite.
// Relative URLs are not allowed: prepare made every kept URL absolute.
var urlSchemes = []string{"http", "https", "mailto", "tel"}

// ugcElems are the elements UGCPolicy allows without attributes.
var ugcElems = []string{
	"article", "aside", "section", "summary", "hgroup", "figure", "figcaption",
	"h1", "h2", "h3", "h4", "h5", "h6",
	"br", "div", "hr", "p", "span", "wbr",
	"abbr", "acronym", "cite", "code", "dfn", "em", "mark", "s", "samp",
	"strong", "sub", "sup", "var", "b", "i", "pre", "small", "strike", "tt", "u",
	"rp", "rt", "ruby", "dl", "dt", "dd", "caption",
}

// allowedElems are the elements kept, with the attributes the rules below
// allow: UGC's and this package's additions.
var allowedElems = slices.Concat(ugcElems, []string{"picture", "main", "header", "footer", "video", "audio", "source", "iframe"})

// bareElems are the elements bluemonday keeps when they have no attribute
// (it drops the tag of any other element left without one, <a> and <main>
// among them). This restates bluemonday's own default set for the
// elements of the tables; TestBareElemsRestate checks that.
var bareElems = slices.Concat(ugcElems, []string{"picture", "header", "footer", "video", "audio",
	"blockquote", "q", "del", "ins", "time", "details",
	"ol", "ul", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "col", "colgroup"})

// allowRule allows the attributes attrs on the elements elems, or on every
// element when elems is nil, when their value matches re (any value when
// re is nil). href, src and cite must besides be absolute URLs with one of
// urlSchemes (bluemonday's own URL rule, see keptURL).
type allowRule struct {
	attrs []string
	re    *regexp.Regexp
	elems []string
}

var (
	absURLRe     = regexp.MustCompile(`^https?://\S+$`)
	srcsetRe     = regexp.MustCompile(`^https?://\S+(?: [0-9.]+[wx])?(?:, https?://\S+(?: [0-9.]+[wx])?)*$`)
	mimeRe       = regexp.MustCompile(`^[a-z]+/[a-zA-Z0-9.+-]+$`)
	lowerWordRe  = regexp.MustCompile(`^[a-z]*$`)
	noReferrerRe = regexp.MustCompile(`^no-referrer$`)
	relRe        = regexp.MustCompile(`^noopener noreferrer$`)
)

// videoHosts are the hosts whose <iframe> embeds survive sanitize.
var videoHosts = []string{"youtube.com", "youtube-nocookie.com", "player.vimeo.com", "player.bilibili.com", "v.qq.com"}

// videoSrcRe matches https embed URLs on videoHosts and their subdomains.
var videoSrcRe = regexp.MustCompile(`^https://(?:[a-z0-9-]+\.)*(?:` + alternatives(videoHosts) + `)(?:[/?#]\S*)?$`)

// alternatives is a regexp alternation matching any of the literals ss.
func alternatives(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = regexp.QuoteMeta(s)
	}
	return strings.Join(q, "|")
}

var allowRules = []allowRule{
	// UGCPolicy's global attributes (AllowStandardAttributes).
	{[]string{"dir"}, bluemonday.Direction, nil},
	{[]string{"lang"}, regexp.MustCompile(`[a-zA-Z]{2,20}`), nil},
	{[]string{"id"}, regexp.MustCompile(`[a-zA-Z0-9\:\-_\.]+`), nil},
	{[]string{"title"}, bluemonday.Paragraph, nil},
	// UGCPolicy's links, quotes, images, lists, tables and edits.
	{[]string{"href"}, nil, []string{"a"}},
	{[]string{"cite"}, nil, []string{"blockquote", "q"}},
	{[]string{"cite"}, bluemonday.Paragraph, []string{"del", "ins"}},
	{[]string{"datetime"}, bluemonday.ISO8601, []string{"del", "ins", "time"}},
	{[]string{"src"}, nil, []string{"img"}},
	{[]string{"alt"}, bluemonday.Paragraph, []string{"img"}},
	{[]string{"align"}, bluemonday.ImageAlign, []string{"img"}},
	{[]string{"height", "width"}, bluemonday.NumberOrPercent, []string{"img", "table", "td", "th", "col", "colgroup"}},
	{[]string{"type"}, bluemonday.ListType, []string{"ol", "ul", "li"}},
	{[]string{"value"}, bluemonday.Integer, []string{"li"}},
	{[]string{"summary"}, bluemonday.Paragraph, []string{"table"}},
	{[]string{"align"}, bluemonday.CellAlign, []string{"col", "colgroup", "thead", "tr", "td", "th", "tbody", "tfoot"}},
	{[]string{"valign"}, bluemonday.CellVerticalAlign, []string{"col", "colgroup", "thead", "tr", "td", "th", "tbody", "tfoot"}},
	{[]string{"span"}, bluemonday.Integer, []string{"col", "colgroup"}},
	{[]string{"colspan", "rowspan"}, bluemonday.Integer, []string{"td", "th"}},
	{[]string{"abbr"}, bluemonday.Paragraph, []string{"td", "th"}},
	{[]string{"headers"}, bluemonday.SpaceSeparatedTokens, []string{"td", "th"}},
	{[]string{"open"}, regexp.MustCompile(`(?i)^(|open)$`), []string{"details"}},

	// This package's additions: what prepare writes (srcset, referrerpolicy,
	// rel), media, and iframes from videoHosts only.
	{[]string{"title"}, nil, []string{"img"}},
	{[]string{"srcset"}, srcsetRe, []string{"img", "source"}},
	{[]string{"sizes", "media"}, bluemonday.Paragraph, []string{"img", "source"}},
	{[]string{"type"}, mimeRe, []string{"source", "video", "audio"}},
	{[]string{"referrerpolicy"}, noReferrerRe, []string{"img", "video", "audio"}},
	{[]string{"rel"}, relRe, []string{"a"}},
	{[]string{"src"}, nil, []string{"video", "audio", "source"}},
	// Checked here too, not only in prepare: bluemonday re-reads the
	// rendered markup and must never let another embed through.
	{[]string{"src"}, videoSrcRe, []string{"iframe"}},
	{[]string{"poster"}, absURLRe, []string{"video"}},
	{[]string{"controls", "preload", "loop", "muted", "playsinline"}, lowerWordRe, []string{"video", "audio"}},
	{[]string{"width", "height"}, bluemonday.NumberOrPercent, []string{"video", "iframe"}},
	{[]string{"allowfullscreen"}, lowerWordRe, []string{"iframe"}},
	{[]string{"frameborder"}, bluemonday.Integer, []string{"iframe"}},
}

// declare puts the tables on p, a UGCPolicy.
func declare(p *bluemonday.Policy) {
	// Links get no rel="nofollow" (prepare writes rel="noopener
	// noreferrer"), and relative URLs are dropped (prepare made every kept
	// URL absolute). The walk relies on both: bluemonday then rewrites no
	// rel and keeps exactly the URLs keptURL accepts.
	p.RequireNoFollowOnLinks(false)
	p.AllowRelativeURLs(false)
	p.AllowURLSchemes(urlSchemes...)
	p.AllowElements(allowedElems...)
	p.AllowNoAttrs().OnElements(bareElems...)
	for _, r := range allowRules {
		b := p.AllowAttrs(r.attrs...).Matching(r.re)
		if r.elems == nil {
			b.Globally()
		} else {
			b.OnElements(r.elems...)
		}
	}
}
