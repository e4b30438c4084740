package extract

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// List extracts the article links of a UTF-8 section list page fetched
// from pageURL, in page order and de-duplicated by URL, with their list
// titles and raw dates, and the next page's URL. With rules.Item or
// rules.Link set the selectors decide; otherwise the main list is found
// generically. The error wraps feedsvc.ErrInvalid for an empty page or a
// relative page URL.
func List(doc []byte, pageURL string, rules feedsvc.ListRules) (feedsvc.ListPage, error) {
	gq, base, err := load(doc, pageURL)
	if err != nil {
		return feedsvc.ListPage{}, fmt.Errorf("extract list: %w", err)
	}
	if href, ok := gq.Find("base[href]").First().Attr("href"); ok {
		if b := feedsvc.WebURL(base, href); b != "" {
			base, _ = url.Parse(b)
		}
	}
	var lp feedsvc.ListPage
	if rules.Item != "" || rules.Link != "" {
		lp.Items = ruleItems(gq, base, rules)
	} else {
		lp.Items = genericItems(gq, base)
	}
	lp.Next = nextPage(gq, base, rules.Next, pageURL)
	return lp, nil
}

// ruleItems reads items with the source's selectors.
func ruleItems(doc *goquery.Document, base *url.URL, r feedsvc.ListRules) []feedsvc.ListItem {
	itemSel := r.Item
	if itemSel == "" {
		itemSel = r.Link
	}
	var items []feedsvc.ListItem
	seen := map[string]bool{}
	doc.Find(itemSel).Each(func(_ int, it *goquery.Selection) {
		link := it
		if r.Item != "" {
			link = it.Find(firstNonEmpty(r.Link, "a[href]")).First()
			if goquery.NodeName(it) == "a" && r.Link == "" {
				link = it
			}
		}
		u := feedsvc.WebURL(base, link.AttrOr("href", ""))
		if u == "" || seen[u] {
			return
		}
		seen[u] = true
		title := linkTitle(link)
		if r.Title != "" {
			if t := labels.Clean(it.Find(r.Title).First().Text()); t != "" {
				title = t
			}
		}
		date := ""
		if r.Date != "" {
			d := it.Find(r.Date).First()
			date = firstNonEmpty(d.AttrOr("datetime", ""), labels.Clean(d.Text()))
		} else {
			date = entryDate(it, link)
		}
		items = append(items, feedsvc.ListItem{URL: u, Title: title, DateRaw: date})
	})
	return items
}

// linkTitle is a link's visible text, or its title attribute when the
// text is empty or visibly truncated.
func linkTitle(a *goquery.Selection) string {
	text := labels.Clean(a.Text())
	attrTitle := labels.Clean(a.AttrOr("title", ""))
	if text == "" || (strings.HasSuffix(text, "...") || strings.HasSuffix(text, "…")) && runeLen(attrTitle) > runeLen(text) {
		return firstNonEmpty(attrTitle, text)
	}
	return text
}

var (
	// partialDate is a list date without a year ("11-15 07:24", "11月15日").
	partialDate = labels.Regexp(`\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2})?`)
	// relativeDate is "3小时前", "5 minutes ago".
	relativeDate = labels.Regexp(`(?i)\d+\s*(?:秒|分钟|小时|天|周)前|\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago|昨天|今天|yesterday|today`)
	// nextText is the label of a next-page link.
	nextText = labels.Regexp(`(?i)^[\s<>«»›‹]*(下一页|下页|后一页|next|next page|older|older posts)[\s<>«»›‹]*$|^[>»›]{1,2}$`)
)

// entryDate is the raw date printed in a list entry outside its link.
func entryDate(entry, link *goquery.Selection) string {
	if t := entry.Find("time[datetime]").First(); t.Length() > 0 {
		return t.AttrOr("datetime", "")
	}
	text := entry.Text()
	if lt := link.Text(); lt != "" {
		text = strings.Replace(text, lt, " ", 1)
	}
	if d := labels.FindDate(text); d.Raw != "" {
		return labels.Clean(d.Raw)
	}
	if m := partialDate.FindString(text); m != "" {
		return labels.Clean(m)
	}
	return labels.Clean(relativeDate.FindString(text))
}

// nextPage finds the next page: the rule selector, rel=next, or a link
// labelled 下一页/Next.
func nextPage(doc *goquery.Document, base *url.URL, sel, pageURL string) string {
	self := feedsvc.WebURL(base, pageURL)
	pick := func(s *goquery.Selection) string {
		u := feedsvc.WebURL(base, s.AttrOr("href", ""))
		if u == self {
			return ""
		}
		return u
	}
	if sel != "" {
		return pick(doc.Find(sel).First())
	}
	if u := pick(doc.Find(`link[rel~="next"], a[rel~="next"]`).First()); u != "" {
		return u
	}
	var out string
	doc.Find("a[href]").EachWithBreak(func(_ int, a *goquery.Selection) bool {
		if nextText.MatchString(labels.Clean(a.Text())) || nextText.MatchString(labels.Clean(a.AttrOr("title", ""))) {
			out = pick(a)
		}
		return out == ""
	})
	return out
}
