package extract

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

var (
	// datedPath is a date in a URL path: /2023-11-15/, /20231115/, /2023/11/15/, /202311/15/.
	datedPath = regexp.MustCompile(`/(?:19|20)\d{2}(?:-?\d{2}-?\d{2}|/\d{2}/\d{2}|-?\d{2}/\d{2}|/\d{4}|/\d{2})(?:/|$)`)
	// numericLeaf is a leaf or query with a numeric id.
	numericLeaf = regexp.MustCompile(`(?:^|[^a-z])\d{4,}(?:\.\w+)?$|[?&](?:id|aid|articleid|docid|newsid|contentid|p)=\d+`)
	// listLeaf names index and list pages, not articles.
	listLeaf = regexp.MustCompile(`(?i)^(index|default|list|more|node)(_\d+)?\.\w+$`)
	// sideHint marks page regions that are not the main list.
	sideHint = regexp.MustCompile(`(?i)(^|[-_\s])(side|sidebar|right|aside|hot|rank|ranking|paihang|phb|recommend|related|footer|foot|nav|menu|header|top|banner|ad|ads|focus|slide|slider|carousel|zt|special|topic|crumbs?)([-_\s\d]|$)`)
)

// articleLike reports whether u looks like an article of the list's site:
// a dated path, a numeric id, or an .html leaf that is not an index page.
func articleLike(u, base *url.URL) bool {
	if u == nil || !sameSite(u.Host, base.Host) {
		return false
	}
	p := u.EscapedPath()
	leaf := p[strings.LastIndex(p, "/")+1:]
	if listLeaf.MatchString(leaf) {
		return false
	}
	if datedPath.MatchString(p) || numericLeaf.MatchString(leaf+"?"+u.RawQuery) || numericLeaf.MatchString(leaf) {
		return leaf != "" || datedPath.MatchString(p)
	}
	lower := strings.ToLower(leaf)
	for _, ext := range []string{".shtml", ".html", ".htm"} {
		if strings.HasSuffix(lower, ext) && strings.ContainsAny(leaf, "0123456789") {
			return true
		}
	}
	return false
}

// sameSite compares hosts by registrable domain (naively: the last two
// labels, three under a two-letter country code with com/net/org/gov/edu).
func sameSite(a, b string) bool {
	return siteKey(a) == siteKey(b)
}

func siteKey(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if i := strings.LastIndex(host, ":"); i >= 0 && !strings.Contains(host[i:], "]") {
		host = host[:i]
	}
	parts := strings.Split(host, ".")
	n := 2
	if len(parts) >= 3 && len(parts[len(parts)-1]) == 2 {
		switch parts[len(parts)-2] {
		case "com", "net", "org", "gov", "edu", "co", "ac", "or", "ne":
			n = 3
		}
	}
	if len(parts) <= n {
		return host
	}
	return strings.Join(parts[len(parts)-n:], ".")
}

// entry is one list entry: the element holding one article link.
type entry struct {
	node  *html.Node
	url   string
	links []*goquery.Selection
}

// genericItems finds the main list: article links are grouped by their
// entry element (the largest ancestor holding only that article), entries
// by structure (same parent path and tag/class); the best-scoring group
// wins. Sidebars, focus blocks and navigation score low.
func genericItems(doc *goquery.Document, base *url.URL) []feedsvc.ListItem {
	entries := collectEntries(doc, base)
	groups := map[groupKey][]*entry{}
	var order []groupKey
	for _, e := range entries {
		k := keyOf(e.node)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	var best []*entry
	bestScore := 0.0
	for _, k := range order {
		if s := groupScore(groups[k]); s > bestScore {
			best, bestScore = groups[k], s
		}
	}
	var items []feedsvc.ListItem
	seen := map[string]bool{}
	for _, e := range best {
		if seen[e.url] {
			continue
		}
		seen[e.url] = true
		items = append(items, e.item())
	}
	return items
}

// collectEntries lists article links with their entry elements.
func collectEntries(doc *goquery.Document, base *url.URL) []*entry {
	var out []*entry
	byNode := map[*html.Node]*entry{}
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if a.Closest("nav, header, footer, script").Length() > 0 {
			return
		}
		raw := feedsvc.WebURL(base, a.AttrOr("href", ""))
		u, err := url.Parse(raw)
		if raw == "" || err != nil || !articleLike(u, base) {
			return
		}
		n := entryNode(a.Get(0), raw, base)
		if e, ok := byNode[n]; ok && e.url == raw {
			e.links = append(e.links, a)
			return
		}
		e := &entry{node: n, url: raw, links: []*goquery.Selection{a}}
		byNode[n] = e
		out = append(out, e)
	})
	return out
}

// entryNode climbs from a link while the ancestor links to no other
// article URL.
func entryNode(a *html.Node, u string, base *url.URL) *html.Node {
	n := a
	for p := a.Parent; p != nil && p.Type == html.ElementNode && p.Data != "body"; p = p.Parent {
		if otherArticle(p, u, base) {
			break
		}
		n = p
	}
	return n
}

// otherArticle reports whether n contains a link to an article other than u.
func otherArticle(n *html.Node, u string, base *url.URL) bool {
	for _, e := range labels.Elements(n) {
		if e.Data != "a" {
			continue
		}
		r := feedsvc.WebURL(base, attr(e, "href"))
		if r == "" || r == u {
			continue
		}
		if pu, err := url.Parse(r); err == nil && articleLike(pu, base) {
			return true
		}
	}
	return false
}

// groupKey is the structural signature of an entry: its grandparent
// (so sibling lists of the same kind merge), its parent's and its own
// tag and class.
type groupKey struct {
	grand      *html.Node
	parent, el string
}

func keyOf(n *html.Node) groupKey {
	sig := func(n *html.Node) string {
		if n == nil {
			return ""
		}
		return n.Data + "." + attr(n, "class")
	}
	k := groupKey{parent: sig(n.Parent), el: sig(n)}
	if n.Parent != nil {
		k.grand = n.Parent.Parent
	}
	return k
}

// groupScore favours many entries with dates and real titles, outside
// sidebars, focus blocks and navigation.
func groupScore(es []*entry) float64 {
	s := 0.0
	for _, e := range es {
		it := e.item()
		s++
		if it.DateRaw != "" {
			s++
		}
		if runeLen(it.Title) >= 6 {
			s += 0.5
		}
	}
	if len(es) > 0 && inSide(es[0].node) {
		s *= 0.3
	}
	if len(es) == 1 {
		s *= 0.5
	}
	return s
}

// inSide reports whether n sits in a sidebar, hot list, focus block or
// other region marked as not the main list.
func inSide(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (sideHint.MatchString(attr(p, "class")) || sideHint.MatchString(attr(p, "id")) || p.Data == "aside") {
			return true
		}
	}
	return false
}

// item turns an entry into a ListItem: the longest link text as title,
// and the date printed beside the link.
func (e *entry) item() feedsvc.ListItem {
	best := e.links[0]
	for _, l := range e.links[1:] {
		if runeLen(linkTitle(l)) > runeLen(linkTitle(best)) {
			best = l
		}
	}
	entrySel := goquery.NewDocumentFromNode(e.node).Selection
	return feedsvc.ListItem{URL: e.url, Title: linkTitle(best), DateRaw: entryDate(entrySel, best)}
}
