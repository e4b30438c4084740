package parse

import (
	"cmp"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/mmcdole/gofeed/atom"
)

// atomArticles maps Atom 0.3/1.0 entries. The original atom.Entry gives
// the link relations, content type, rights, source and raw dates that
// gofeed's unified item flattens.
func (b *builder) atomArticles(f *atom.Feed) []feedsvc.Article {
	arts := make([]feedsvc.Article, 0, len(b.gf.Items))
	for i, it := range b.gf.Items {
		e := &atom.Entry{}
		if len(f.Entries) == len(b.gf.Items) && f.Entries[i] != nil {
			e = f.Entries[i]
		}
		a := b.common(i, it)
		base := b.itemBase(i)
		if u := b.resolve(cmp.Or(extValue(e.Extensions, "feedburner", "origLink"), atomLink(e.Links)), base.item); u != "" {
			a.URL = u
			a.BaseURL = b.contentBase(base, u)
		}
		a.PublishedRaw = strings.TrimSpace(cmp.Or(e.Published, e.Updated, it.Published))
		a.UpdatedRaw = strings.TrimSpace(cmp.Or(e.Updated, it.Updated))
		a.ContentHTML = atomContent(e.Content, a.ContentHTML)
		a.Rights = cmp.Or(strings.TrimSpace(e.Rights), a.Rights)
		a.Authors = atomAuthors(e, f)
		if s := e.Source; s != nil {
			a.Source = plainText(s.Title)
			a.SourceURL = b.resolve(atomLink(s.Links), base.item)
		}
		m := media{b: b, base: a.BaseURL}
		m.mediaRSS(e.Extensions)
		m.enclosures(it.Enclosures)
		a.Images, a.Attachments = m.images, m.files
		useMediaDescription(&a, e.Extensions)
		finish(&a)
		arts = append(arts, a)
	}
	return arts
}

// atomLink picks the alternate link: rel="alternate" (the default when
// rel is absent) preferring an HTML type, then any link that is not
// self, edit, enclosure, replies or related.
func atomLink(links []*atom.Link) string {
	var alt, other string
	for _, l := range links {
		if l == nil || strings.TrimSpace(l.Href) == "" {
			continue
		}
		rel := strings.ToLower(strings.TrimSpace(l.Rel))
		switch {
		case rel == "" || rel == "alternate":
			t := strings.ToLower(l.Type)
			if t == "" || strings.Contains(t, "html") {
				return l.Href
			}
			alt = cmp.Or(alt, l.Href)
		case rel != "self" && rel != "edit" && rel != "enclosure" && rel != "replies" && rel != "related" &&
			rel != "license" && rel != "hub" && rel != "via":
			other = cmp.Or(other, l.Href)
		}
	}
	return cmp.Or(alt, other)
}

// atomContent returns the entry content as HTML: text content is escaped,
// out-of-line content (src=) is not fetched.
func atomContent(c *atom.Content, fallback string) string {
	if c == nil {
		return fallback
	}
	t := strings.ToLower(strings.TrimSpace(c.Type))
	if t == "text" || t == "text/plain" || t == "" && !tagRE.MatchString(c.Value) {
		return textToHTML(c.Value)
	}
	return strings.TrimSpace(c.Value)
}

// atomAuthors returns the entry's authors, else its source's, else the
// feed's (Atom entries inherit the feed author).
func atomAuthors(e *atom.Entry, f *atom.Feed) []string {
	lists := [][]*atom.Person{e.Authors, nil, f.Authors}
	if e.Source != nil {
		lists[1] = e.Source.Authors
	}
	for _, ps := range lists {
		var names []string
		for _, p := range ps {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, p.Name)
			}
		}
		if len(names) > 0 {
			return names
		}
	}
	return nil
}
