package normalize

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// lazyAttrs hold the real image URL on lazy-loading pages; they win over
// src, which then usually holds a placeholder.
var lazyAttrs = []string{"data-src", "data-original", "data-lazy-src", "data-actualsrc",
	"data-lazyload", "data-original-src", "data-echo", "data-url"}

// srcAttrs are where prepareImg looks for an image's source, in order.
var srcAttrs = append(lazyAttrs[:len(lazyAttrs):len(lazyAttrs)], "src")

var lazySrcsetAttrs = []string{"data-srcset", "data-lazy-srcset", "srcset"}

// placeholderRe matches file names used as lazy-load placeholders.
var placeholderRe = regexp.MustCompile(`(?i)/(?:blank|spacer|pixel|1x1|transparent|trans|placeholder|loading|lazyload|lazy|clear|grey|gray|dot|s)\.(?:gif|png|svg)(?:$|\?)`)

// trackerRe matches known tracking-pixel and web-beacon URLs.
var trackerRe = regexp.MustCompile(`(?i)^https?://(?:[^/]*\.)?(?:feeds\.feedburner\.com/~r/|feedburner\.com/~ff/|` +
	`feeds\.wordpress\.com/1\.0/|stats\.wordpress\.com/|pixel\.wp\.com/|pixel\.quantserve\.com/|` +
	`google-analytics\.com/|doubleclick\.net/|scorecardresearch\.com/|statcounter\.com/|hm\.baidu\.com/|` +
	`cnzz\.com/|c\.statcounter\.com/|analytics\.twitter\.com/|facebook\.com/tr|bat\.bing\.com/)` +
	`|/(?:pixel|beacon|track|tracking|1x1)\.(?:gif|png)(?:$|\?)`)

// usableImage reports whether an absolute image URL is worth keeping:
// http(s), not a placeholder, not a tracker.
func usableImage(u string) bool {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return false
	}
	if !isASCII(u) {
		return !placeholderRe.MatchString(u) && !trackerRe.MatchString(u)
	}
	// The same tests by hand for ASCII URLs (case-insensitive as the
	// regexps, without building a lower-case copy): a tracker host, or a
	// path segment named like a placeholder or beacon file.
	return !trackerHost(u) && !fileNamed(u, placeholderNames, placeholderExts) &&
		!fileNamed(u, beaconNames, beaconExts)
}

// trackerHosts are trackerRe's host alternatives, lower case.
var trackerHosts = []string{"feeds.feedburner.com/~r/", "feedburner.com/~ff/", "feeds.wordpress.com/1.0/",
	"stats.wordpress.com/", "pixel.wp.com/", "pixel.quantserve.com/", "google-analytics.com/", "doubleclick.net/", "scorecardresearch.com/",
	"statcounter.com/", "hm.baidu.com/", "cnzz.com/", "analytics.twitter.com/", "facebook.com/tr", "bat.bing.com/"}

// trackerHost reports a match of trackerRe's host alternative in the
// ASCII http(s) URL u: one of trackerHosts, in any case, right after
// "://" or after a dot, with no "/" before it. Every entry holds a "/",
// which must then be the first "/" after "://"; so an entry can only
// start at one place, which is checked.
func trackerHost(u string) bool {
	rest := u[strings.Index(u, "://")+3:]
	end := strings.IndexByte(rest, '/')
	if end < 0 {
		return false
	}
	for _, h := range trackerHosts {
		start := end - strings.IndexByte(h, '/')
		if start >= 0 && hasPrefixFold(rest[start:], h) && (start == 0 || rest[start-1] == '.') {
			return true
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// placeholderNames and beaconNames are the file names of placeholderRe
// and of trackerRe's path alternative.
// Each name carries its dot, so that matching builds no string.
var (
	placeholderNames = []string{"blank.", "spacer.", "pixel.", "1x1.", "transparent.", "trans.", "placeholder.",
		"loading.", "lazyload.", "lazy.", "clear.", "grey.", "gray.", "dot.", "s."}
	beaconNames     = []string{"pixel.", "beacon.", "track.", "tracking.", "1x1."}
	placeholderExts = []string{"gif", "png", "svg"}
	beaconExts      = []string{"gif", "png"}
)

// fileNamed reports "/NAME.EXT" followed by the end or "?" anywhere in u,
// in any case, as placeholderRe and trackerRe's path alternative match it
// (u is ASCII, where strings.EqualFold folds as the regexps' (?i) does;
// names end in their dot).
func fileNamed(u string, names, exts []string) bool {
	for i := strings.IndexByte(u, '/'); i >= 0; i = next(u, i) {
		rest := u[i+1:]
		for _, n := range names {
			if !hasPrefixFold(rest, n) {
				continue
			}
			r := rest[len(n):]
			for _, e := range exts {
				if hasPrefixFold(r, e) && (len(r) == len(e) || r[len(e)] == '?') {
					return true
				}
			}
		}
	}
	return false
}

// next is the index of the first "/" after i, -1 when none.
func next(u string, i int) int {
	if j := strings.IndexByte(u[i+1:], '/'); j >= 0 {
		return i + 1 + j
	}
	return -1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// imageURL resolves an image reference and vets it; "" when unusable.
func imageURL(base *url.URL, ref string) string {
	if u := feedsvc.ResolveURL(base, ref); usableImage(u) {
		return u
	}
	return ""
}

// prepareImg picks the real source of an <img>, drops pixels and
// placeholders, and keeps only the attributes the allow-list wants.
func prepareImg(n *html.Node, base *url.URL) bool {
	src := ""
	for _, k := range srcAttrs {
		if v := attr(n, k); v != "" { // "" resolves to nothing
			if src = imageURL(base, v); src != "" {
				break
			}
		}
	}
	srcset := ""
	for _, k := range lazySrcsetAttrs {
		if v := attr(n, k); v != "" {
			if srcset = resolveSrcset(base, v); srcset != "" {
				break
			}
		}
	}
	if src == "" {
		src = largestCandidate(srcset)
	}
	w, h := dimension(attr(n, "width")), dimension(attr(n, "height"))
	if src == "" || (w >= 0 && w <= 1) || (h >= 0 && h <= 1) {
		return false
	}
	// The kept attributes are gathered first (their values are read from
	// n.Attr), then written over n.Attr, whose array usually has room.
	var buf [7]html.Attribute
	attrs := append(buf[:0], html.Attribute{Key: "src", Val: src})
	if srcset != "" {
		attrs = append(attrs, html.Attribute{Key: "srcset", Val: srcset})
	}
	for _, k := range []string{"alt", "title", "sizes"} {
		if v, ok := lookupAttr(n, k); ok {
			attrs = append(attrs, html.Attribute{Key: k, Val: v})
		}
	}
	if w > 0 {
		attrs = append(attrs, html.Attribute{Key: "width", Val: strconv.Itoa(w)})
	}
	if h > 0 {
		attrs = append(attrs, html.Attribute{Key: "height", Val: strconv.Itoa(h)})
	}
	attrs = append(attrs, html.Attribute{Key: "referrerpolicy", Val: "no-referrer"})
	n.Attr = append(n.Attr[:0], attrs...)
	return true
}

// dimension reads a width/height attribute ("300", "300px"); -1 when
// absent or not a pixel count (percentages, junk).
func dimension(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(strings.ToLower(s)), "px")
	if s == "" {
		return -1
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1e6 {
		return int(f)
	}
	return -1
}

// resolveSrcset resolves every candidate of a srcset ("a.jpg 1x, b.jpg
// 2x"), dropping unusable ones; "" when none is left.
func resolveSrcset(base *url.URL, s string) string {
	var out []string
	for _, c := range splitSrcset(s) {
		f := strings.Fields(c)
		if len(f) == 0 {
			continue
		}
		u := imageURL(base, f[0])
		if u == "" || strings.ContainsAny(u, " ,") {
			continue
		}
		if len(f) > 1 && descriptorRe.MatchString(f[1]) {
			u += " " + f[1]
		}
		out = append(out, u)
	}
	return strings.Join(out, ", ")
}

var descriptorRe = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?[wx]$`)

// splitSrcset splits on commas that end a candidate (followed by space),
// so commas inside URLs survive.
func splitSrcset(s string) []string {
	return srcsetSepRe.Split(strings.TrimSpace(s), -1)
}

var srcsetSepRe = regexp.MustCompile(`,\s+|,$`)

// largestCandidate returns the URL with the largest w/x descriptor.
func largestCandidate(srcset string) string {
	best, bestN := "", -1.0
	for _, c := range strings.Split(srcset, ", ") {
		f := strings.Fields(c)
		if len(f) == 0 {
			continue
		}
		n := 1.0
		if len(f) > 1 {
			n, _ = strconv.ParseFloat(f[1][:len(f[1])-1], 64)
		}
		if n > bestN {
			best, bestN = f[0], n
		}
	}
	return best
}
