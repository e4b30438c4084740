package normalize

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// conforms reports whether bluemonday, given the rendering of root's
// children, is certain to write that rendering back unchanged. It knows
// only the allow-list tables (sanitize_allow.go) and how bluemonday reads
// and re-serialises markup; on anything else it answers false, and the
// caller runs bluemonday. TestConformsAgrees and FuzzConforms hold it to
// that.
//
// bluemonday tokenizes the rendering and writes every allowed token back:
// tags with the attributes a rule allows, in their order, text escaped as
// html.Render escapes it. Its output differs from the rendering only where
// it drops or changes something, which the walk looks for:
//   - comments, doctypes, foreign (svg, math) and unknown elements;
//   - an element or attribute no table entry allows, or a value its
//     pattern rejects;
//   - an element left without attributes that bluemonday keeps only with
//     one (<a>, <img>, <main>);
//   - a URL in href, src or cite that bluemonday would drop or rewrite
//     (see keptURL);
//   - content inside <iframe>, which html.Render writes unescaped and
//     bluemonday escapes; children of a void element, which Render refuses.
func conforms(root *html.Node) bool {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if !conformsNode(c) {
			return false
		}
	}
	return true
}

func conformsNode(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	r := walkElems[n.DataAtom]
	if r == nil || n.Namespace != "" || n.Data != r.name {
		return false
	}
	if len(n.Attr) == 0 && !r.bare {
		return false
	}
	for _, a := range n.Attr {
		if a.Namespace != "" || !allows(r.attrs[a.Key], a.Val) && !allows(walkGlobal[a.Key], a.Val) {
			return false
		}
		if urlAttrs[a.Key] && !keptURL(a.Val) {
			return false
		}
	}
	if n.FirstChild != nil && (r.empty || n.DataAtom == atom.Iframe) {
		return false
	}
	return conforms(n)
}

// allows reports whether one of the patterns matches v; a nil pattern
// matches any value.
func allows(res []*regexp.Regexp, v string) bool {
	for _, re := range res {
		if re == nil || re.MatchString(v) {
			return true
		}
	}
	return false
}

// urlAttrs are the attributes bluemonday reads as URLs (on links, quotes
// and media; the walk checks them on every element).
var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true}

// keptURL reports whether bluemonday keeps the URL v as it is: it drops a
// URL with spaces, one that does not parse or is relative or has a scheme
// outside urlSchemes, and writes the others back as url.URL.String gives
// them, which may differ from v.
func keptURL(v string) bool {
	if feedsvc.PlainAbsolute(v) {
		return true // parses and String gives v back (http, https)
	}
	if strings.TrimSpace(v) != v || strings.ContainsAny(v, " \t\n") {
		return false
	}
	u, err := url.Parse(v)
	return err == nil && walkSchemes[u.Scheme] && u.String() == v
}

// elemRule is what the walk knows of one element: the attributes its
// rules allow with their patterns, whether it may have no attribute, and
// whether it is void (html.Render fails on a void element with children).
type elemRule struct {
	name  string
	attrs map[string][]*regexp.Regexp
	bare  bool
	empty bool
}

// walkElems, walkGlobal and walkSchemes are the tables of sanitize_allow.go
// arranged for the walk.
var walkElems, walkGlobal, walkSchemes = compileAllowList()

func compileAllowList() (map[atom.Atom]*elemRule, map[string][]*regexp.Regexp, map[string]bool) {
	elems := map[atom.Atom]*elemRule{}
	elem := func(name string) *elemRule {
		a := atom.Lookup([]byte(name))
		if a == 0 || a.String() != name {
			panic("normalize: allow-list element without an atom: " + name)
		}
		if elems[a] == nil {
			elems[a] = &elemRule{name: name, attrs: map[string][]*regexp.Regexp{}, empty: voidElems[name]}
		}
		return elems[a]
	}
	for _, name := range allowedElems {
		elem(name)
	}
	global := map[string][]*regexp.Regexp{}
	for _, r := range allowRules {
		for _, k := range r.attrs {
			if r.elems == nil {
				global[k] = append(global[k], r.re)
			}
			for _, name := range r.elems {
				e := elem(name)
				e.attrs[k] = append(e.attrs[k], r.re)
			}
		}
	}
	for _, name := range bareElems {
		elem(name).bare = true
	}
	schemes := map[string]bool{}
	for _, s := range urlSchemes {
		schemes[s] = true
	}
	return elems, global, schemes
}

// voidElems are the void elements of the allow-list, as html.Render knows
// them.
var voidElems = map[string]bool{"br": true, "hr": true, "img": true, "wbr": true, "source": true, "col": true}

// completeKeys are the attributes whose every rule on the policy is in the
// tables of sanitize_allow.go (TestCompleteKeys checks that against
// bluemonday): where no table rule allows their value, no rule of the
// policy does either.
var completeKeys = map[string]bool{"title": true, "alt": true}

// dropRejected drops, from the attributes attrs of an element the walk
// knows, those bluemonday is certain to drop: a key no rule of the policy
// can name (every key the policy allows is a lower-case word, see
// policyKey), or a key of completeKeys whose value no table pattern
// allows. bluemonday would drop them from the rendering anyway; dropped
// here, they no longer stop the walk from conforming (a junk attribute
// such as `'` left by broken markup, a title with a colon), and the
// rendering is the output without running bluemonday. It filters in place.
func dropRejected(n *html.Node, attrs []html.Attribute) []html.Attribute {
	r := walkElems[n.DataAtom]
	if r == nil || n.Namespace != "" || n.Data != r.name {
		return attrs
	}
	out := attrs[:0]
	for _, a := range attrs {
		if a.Namespace == "" && (!policyKey(a.Key) ||
			completeKeys[a.Key] && !allows(r.attrs[a.Key], a.Val) && !allows(walkGlobal[a.Key], a.Val)) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// policyKey reports whether k is spelled like an attribute the policy
// allows: lower-case ASCII letters (the tokenizer lower-cases keys). No
// rule names any other key (TestPolicyKeys).
func policyKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 'a' || k[i] > 'z' {
			return false
		}
	}
	return true
}
