package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
)

// opmlDoc is an OPML 2.0 subscription list (http://opml.org/spec2.opml).
type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    opmlHead `xml:"head"`
	Body    opmlBody `xml:"body"`
}

type opmlHead struct {
	Title string `xml:"title"`
	Docs  string `xml:"docs"`
}

type opmlBody struct {
	Outlines []opmlOutline `xml:"outline"`
}

// opmlOutline is one subscription; attribute names follow the spec's
// "subscription lists" section.
type opmlOutline struct {
	Type        string `xml:"type,attr"`
	Text        string `xml:"text,attr"`
	Title       string `xml:"title,attr"`
	XMLURL      string `xml:"xmlUrl,attr"`
	HTMLURL     string `xml:"htmlUrl,attr"`
	Description string `xml:"description,attr,omitempty"`
	Language    string `xml:"language,attr,omitempty"`
	Version     string `xml:"version,attr"`
}

// OPML serves GET /opml: an OPML 2.0 list with one outline per section,
// pointing at its RSS channel and its HTML page, for importing every
// channel into a feed reader at once.
func (p *Pages) OPML(w http.ResponseWriter, r *http.Request) {
	base := p.base(r)
	doc := opmlDoc{Version: "2.0", Head: opmlHead{Title: "feedsvc channels", Docs: "http://opml.org/spec2.opml"}}
	for _, sec := range p.Sections() {
		title := sec.Title
		if title == "" {
			title = sec.Slug
		}
		doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{
			Type: "rss", Text: title, Title: title,
			XMLURL: feedURL(base, sec.Slug, "rss"), HTMLURL: feedURL(base, sec.Slug, ""),
			Description: sec.Description, Language: sec.Language, Version: "RSS2",
		})
	}
	body, err := marshalXML(doc)
	if err != nil {
		p.fail(w, r, fmt.Errorf("opml: %w", err))
		return
	}
	serve(w, r, "text/x-opml; charset=utf-8", body)
}

// marshalXML encodes v as an indented UTF-8 XML document.
func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode xml: %w", err)
	}
	return append(append([]byte(xml.Header), b...), '\n'), nil
}
