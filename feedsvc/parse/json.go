package parse

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
	gjson "github.com/mmcdole/gofeed/json"
)

// jsonArticles maps JSON Feed 1.0/1.1 items, taking content_html (or
// escaped content_text), image, banner_image and attachment titles from
// the original json.Item.
func (b *builder) jsonArticles(f *gjson.Feed) []feedsvc.Article {
	arts := make([]feedsvc.Article, 0, len(b.gf.Items))
	for i, it := range b.gf.Items {
		ji := &gjson.Item{}
		if len(f.Items) == len(b.gf.Items) && f.Items[i] != nil {
			ji = f.Items[i]
		}
		a := b.common(i, it)
		if a.URL == "" {
			a.URL = b.resolve(ji.ExternalURL, "")
			a.BaseURL = b.contentBase(itemBase{}, a.URL)
		}
		a.ContentHTML = strings.TrimSpace(ji.ContentHTML)
		if a.ContentHTML == "" {
			a.ContentHTML = textToHTML(ji.ContentText)
		}
		a.Summary = strings.TrimSpace(ji.Summary)
		a.Language = cmp.Or(strings.TrimSpace(ji.Language), a.Language)
		a.Authors = jsonAuthors(ji.Authors, ji.Author)
		if len(a.Authors) == 0 {
			a.Authors = jsonAuthors(f.Authors, f.Author)
		}
		m := media{b: b, base: a.BaseURL}
		m.add(ji.Image, "", "image", "", "", "", "")
		m.add(ji.BannerImage, "", "image", "", "", "", "")
		if ji.Attachments != nil {
			for _, at := range *ji.Attachments {
				m.add(at.URL, at.MimeType, "", strconv.FormatInt(at.SizeInBytes, 10), at.Title, "", "")
			}
		}
		a.Images, a.Attachments = m.images, m.files
		finish(&a)
		arts = append(arts, a)
	}
	return arts
}

// jsonAuthors prefers the 1.1 authors array over the 1.0 author object.
func jsonAuthors(list []*gjson.Author, one *gjson.Author) []string {
	var names []string
	for _, p := range list {
		if p != nil {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 && one != nil {
		names = append(names, one.Name)
	}
	return names
}
