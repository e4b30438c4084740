package parse

import (
	"cmp"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// media collects an item's pictures and other attachments, resolving
// their URLs against the item's base and dropping ones that cannot be
// made absolute.
type media struct {
	b      *builder
	base   string
	images []feedsvc.Image
	files  []feedsvc.Attachment
}

// add files one media object under images or attachments by its type.
func (m *media) add(rawURL, mimeType, medium, length, title, caption, credit string) {
	u := m.b.resolve(rawURL, m.base)
	if u == "" {
		return
	}
	var n int64 // 0 when absent or not a number
	if length = strings.TrimSpace(length); length != "" {
		n, _ = strconv.ParseInt(length, 10, 64)
	}
	mimeType = strings.TrimSpace(mimeType)
	if isImage(u, mimeType, medium) {
		m.images = append(m.images, feedsvc.Image{URL: u, Alt: plainText(title),
			Caption: plainText(caption), Credit: plainText(credit), Type: mimeType, Length: max(n, 0)})
		return
	}
	m.files = append(m.files, feedsvc.Attachment{URL: u, Type: mimeType, Length: max(n, 0), Title: plainText(cmp.Or(title, caption))})
}

// isImage decides by MIME type, then by media:content's medium, then by
// the file extension.
func isImage(u, mimeType, medium string) bool {
	if mimeType != "" {
		return strings.HasPrefix(strings.ToLower(mimeType), "image/")
	}
	if medium != "" {
		return strings.EqualFold(medium, "image")
	}
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp":
		return true
	}
	return false
}

// enclosures adds gofeed's enclosures (RSS enclosure, Atom rel=enclosure
// links, JSON attachments).
func (m *media) enclosures(encs []*gofeed.Enclosure) {
	for _, e := range encs {
		if e != nil {
			m.add(e.URL, e.Type, "", e.Length, "", "", "")
		}
	}
}

// mediaRSS adds Media RSS objects: media:content and media:thumbnail at
// item level and inside media:group, captioned by media:description and
// credited by media:credit (the element's own, else its group's).
func (m *media) mediaRSS(exts ext.Extensions) {
	mr := exts["media"]
	if mr == nil {
		return
	}
	for _, g := range mr["group"] {
		m.mediaObjects(g.Children, g.Children)
	}
	m.mediaObjects(mr, nil)
}

func (m *media) mediaObjects(els map[string][]ext.Extension, group map[string][]ext.Extension) {
	// Most media objects are pictures: room for them all at once.
	m.images = slices.Grow(m.images, len(els["content"])+len(els["thumbnail"]))
	for _, c := range els["content"] {
		m.add(c.Attrs["url"], c.Attrs["type"], c.Attrs["medium"], c.Attrs["fileSize"],
			childText(c.Children, group, "title"), childText(c.Children, group, "description"),
			childText(c.Children, group, "credit"))
		for _, th := range c.Children["thumbnail"] {
			m.add(th.Attrs["url"], "", "image", "", "", "", "")
		}
	}
	for _, th := range els["thumbnail"] {
		m.add(th.Attrs["url"], "", "image", "", childText(nil, group, "title"),
			childText(nil, group, "description"), childText(nil, group, "credit"))
	}
}

// useMediaDescription gives an entry with no text of its own its Media RSS
// description (its own, else its first media:group's) as content:
// YouTube and other video feeds carry an entry's only text there. The
// pictures it captioned lose that caption, which is the entry's text,
// not a caption.
func useMediaDescription(a *feedsvc.Article, exts ext.Extensions) {
	if a.Summary != "" || a.ContentHTML != "" || exts["media"] == nil {
		return
	}
	mr := exts["media"]
	sources := []map[string][]ext.Extension{mr}
	for _, g := range mr["group"] {
		sources = append(sources, g.Children)
	}
	for _, src := range sources {
		for _, d := range src["description"] {
			v := strings.TrimSpace(d.Value)
			if v == "" {
				continue
			}
			a.ContentHTML = textToHTML(v)
			if strings.EqualFold(d.Attrs["type"], "html") {
				a.ContentHTML = v
			}
			for i := range a.Images {
				if a.Images[i].Caption == v {
					a.Images[i].Caption = ""
				}
			}
			return
		}
	}
}

// childText returns the text of the first named child of an element,
// falling back to the enclosing group's.
func childText(own, group map[string][]ext.Extension, name string) string {
	for _, src := range []map[string][]ext.Extension{own, group} {
		for _, e := range src[name] {
			if v := strings.TrimSpace(e.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

// dedupeImages keeps the first image per URL, filling caption and credit
// from later duplicates that have them. It reuses in, which it owns;
// no images give nil.
func dedupeImages(in []feedsvc.Image) []feedsvc.Image {
	if len(in) == 0 {
		return nil
	}
	out := in[:0] // out never passes the element being read
	var idx map[string]int
	if len(in) > smallList {
		idx = make(map[string]int, len(in))
	}
	for _, im := range in {
		i, ok := -1, false
		if idx != nil {
			i, ok = idx[im.URL]
		} else {
			i = slices.IndexFunc(out, func(o feedsvc.Image) bool { return o.URL == im.URL })
			ok = i >= 0
		}
		if ok {
			mergeImage(&out[i], im)
			continue
		}
		if idx != nil {
			idx[im.URL] = len(out)
		}
		out = append(out, im)
	}
	return out
}

// mergeImage fills what o lacks from im, a later duplicate.
func mergeImage(o *feedsvc.Image, im feedsvc.Image) {
	o.Caption = cmp.Or(o.Caption, im.Caption)
	o.Credit = cmp.Or(o.Credit, im.Credit)
	o.Alt = cmp.Or(o.Alt, im.Alt)
	o.Type = cmp.Or(o.Type, im.Type)
	o.Length = max(o.Length, im.Length)
}

// smallList is the length up to which a list is deduplicated by looking
// through what was kept rather than with a map, which costs more for a
// few entries.
const smallList = 16

// dedupeAttachments keeps the first attachment per URL and drops ones
// already listed as images.
func dedupeAttachments(in []feedsvc.Attachment, imgs []feedsvc.Image) []feedsvc.Attachment {
	if len(in) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, im := range imgs {
		seen[im.URL] = true
	}
	var out []feedsvc.Attachment
	for _, a := range in {
		if !seen[a.URL] {
			seen[a.URL] = true
			out = append(out, a)
		}
	}
	return out
}
