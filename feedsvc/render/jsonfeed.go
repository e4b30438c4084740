package render

import (
	"github.com/gorilla/feeds"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// jsonFeedVersion is the JSON Feed version URL we write.
const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

// jsonFeed is gorilla's JSONFeed with Items shadowed so that an empty
// page renders "items": [] (gorilla omits the member, which JSON Feed
// requires).
type jsonFeed struct {
	feeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

// jsonItem extends gorilla's JSONItem. Dates are shadowed by strings so
// they are RFC 3339 in UTC without fractions; attachments are shadowed
// because gorilla names the size "size" instead of "size_in_bytes".
type jsonItem struct {
	feeds.JSONItem
	DatePublished string           `json:"date_published,omitempty"`
	DateModified  string           `json:"date_modified,omitempty"`
	Language      string           `json:"language,omitempty"`
	Attachments   []jsonAttachment `json:"attachments,omitempty"`
	Ext           *jsonExt         `json:"_feedsvc,omitempty"`
}

type jsonAttachment struct {
	URL      string `json:"url"`
	MIMEType string `json:"mime_type"`
	Title    string `json:"title,omitempty"`
	Size     int64  `json:"size_in_bytes,omitempty"`
}

// jsonExt is the "_feedsvc" extension object: the news metadata JSON Feed
// has no member for. Empty members are omitted.
type jsonExt struct {
	Kicker        string              `json:"kicker,omitempty"`
	Subtitle      string              `json:"subtitle,omitempty"`
	PrintTitle    string              `json:"print_title,omitempty"`
	Source        string              `json:"source,omitempty"`
	Editor        string              `json:"editor,omitempty"`
	Photographers []string            `json:"photographers,omitempty"`
	AlsoIn        []feedsvc.SourceRef `json:"also_in,omitempty"`
}

// JSON renders ch as a JSON Feed 1.1 document.
func JSON(ch *feedsvc.Channel) ([]byte, error) {
	c := cleanChannel(ch)
	f := &jsonFeed{JSONFeed: feeds.JSONFeed{
		Version:     jsonFeedVersion,
		Title:       feedTitle(c),
		Language:    c.Section.Language,
		HomePageUrl: c.HomeURL,
		FeedUrl:     c.SelfURL,
		Description: feedDescription(c),
		NextUrl:     c.NextURL,
		Authors:     []*feeds.JSONAuthor{{Name: feedTitle(c)}},
	}}
	for _, h := range c.Hubs {
		f.Hubs = append(f.Hubs, &feeds.JSONHub{Type: "WebSub", Url: h})
	}
	f.Items = make([]*jsonItem, len(c.Articles))
	for i := range c.Articles {
		f.Items[i] = jsonItemOf(c, &c.Articles[i])
	}
	return marshalJSON(f)
}

func jsonItemOf(ch *feedsvc.Channel, a *feedsvc.Article) *jsonItem {
	it := &jsonItem{JSONItem: feeds.JSONItem{
		Id:      itemID(ch, a),
		Url:     a.URL,
		Title:   itemTitle(a),
		Summary: a.Summary,
		Tags:    a.Categories,
	}}
	if a.SourceURL != a.URL {
		it.ExternalUrl = a.SourceURL
	}
	if a.ContentHTML != "" {
		it.ContentHTML = contentHTML(a)
	} else {
		it.ContentText = contentText(a)
	}
	if len(a.Images) > 0 {
		it.Image = a.Images[0].URL
	}
	it.DatePublished = rfc3339(a.SortTime())
	it.DateModified = rfc3339(a.Updated)
	it.Language = a.Language
	for _, name := range a.Authors {
		it.Authors = append(it.Authors, &feeds.JSONAuthor{Name: name})
	}
	for _, e := range enclosures(a) {
		it.Attachments = append(it.Attachments, jsonAttachment{URL: e.URL, MIMEType: e.Type, Title: e.Title, Size: e.Length})
	}
	ext := jsonExt{Kicker: a.Kicker, Subtitle: a.Subtitle, PrintTitle: a.PrintTitle,
		Source: a.Source, Editor: a.Editor, Photographers: a.Photographers, AlsoIn: a.AlsoIn}
	if ext.Kicker != "" || ext.Subtitle != "" || ext.PrintTitle != "" || ext.Source != "" ||
		ext.Editor != "" || len(ext.Photographers) > 0 || len(ext.AlsoIn) > 0 {
		it.Ext = &ext
	}
	return it
}
