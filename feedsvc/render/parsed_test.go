package render

import (
	"encoding/json"
	"encoding/xml"
	"testing"
)

// Minimal structs to read our output back with encoding/xml and
// encoding/json; they name namespaces so a wrong prefix fails to match.

type xmlLink struct {
	XMLName xml.Name
	Href    string `xml:"href,attr"`
	Rel     string `xml:"rel,attr"`
	Type    string `xml:"type,attr"`
	Length  string `xml:"length,attr"`
	Text    string `xml:",chardata"`
}

type parsedRSS struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title         string    `xml:"title"`
		Links         []xmlLink `xml:"link"`
		Description   string    `xml:"description"`
		LastBuildDate string    `xml:"lastBuildDate"`
		Items         []struct {
			Title       string `xml:"title"`
			Description string `xml:"description"`
			Source      string `xml:"source"`
			Contributor string `xml:"http://purl.org/dc/elements/1.1/ contributor"`
			GUID        struct {
				ID          string `xml:",chardata"`
				IsPermaLink string `xml:"isPermaLink,attr"`
			} `xml:"guid"`
			PubDate    string   `xml:"pubDate"`
			Content    string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Creators   []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories []string `xml:"category"`
			Enclosures []struct {
				URL    string `xml:"url,attr"`
				Length string `xml:"length,attr"`
				Type   string `xml:"type,attr"`
			} `xml:"enclosure"`
			Media []struct {
				URL     string   `xml:"url,attr"`
				Caption string   `xml:"http://search.yahoo.com/mrss/ description"`
				Credits []string `xml:"http://search.yahoo.com/mrss/ credit"`
			} `xml:"http://search.yahoo.com/mrss/ content"`
		} `xml:"item"`
	} `xml:"channel"`
}

type parsedAtom struct {
	XMLName xml.Name  `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string    `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string    `xml:"id"`
	Title   string    `xml:"title"`
	Updated string    `xml:"updated"`
	Links   []xmlLink `xml:"link"`
	Author  []string  `xml:"author>name"`
	Archive *struct{} `xml:"http://purl.org/syndication/history/1.0 archive"`
	Entries []struct {
		ID        string    `xml:"id"`
		Title     string    `xml:"title"`
		Updated   string    `xml:"updated"`
		Published string    `xml:"published"`
		Links     []xmlLink `xml:"link"`
		Authors   []string  `xml:"author>name"`
		Summary   string    `xml:"summary"`
		Rights    string    `xml:"rights"`
		Terms     []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Contributor string `xml:"contributor>name"`
		Source      *struct {
			ID      string    `xml:"id"`
			Title   string    `xml:"title"`
			Updated string    `xml:"updated"`
			Links   []xmlLink `xml:"link"`
		} `xml:"source"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

type parsedJSON struct {
	Version string          `json:"version"`
	Title   string          `json:"title"`
	FeedURL string          `json:"feed_url"`
	Items   json.RawMessage `json:"items"`
}

type parsedJSONItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Summary       string   `json:"summary"`
	Tags          []string `json:"tags"`
	ContentHTML   string   `json:"content_html"`
	ContentText   string   `json:"content_text"`
	DatePublished string   `json:"date_published"`
	Authors       []struct {
		Name string `json:"name"`
	} `json:"authors"`
	Attachments []struct {
		URL      string `json:"url"`
		MIMEType string `json:"mime_type"`
	} `json:"attachments"`
	Ext map[string]any `json:"_feedsvc"`
}

func decodeRSS(t testing.TB, b []byte) parsedRSS {
	t.Helper()
	var p parsedRSS
	if err := xml.Unmarshal(b, &p); err != nil {
		t.Fatalf("RSS does not parse: %v\n%s", err, b)
	}
	return p
}

func decodeAtom(t testing.TB, b []byte) parsedAtom {
	t.Helper()
	var p parsedAtom
	if err := xml.Unmarshal(b, &p); err != nil {
		t.Fatalf("Atom does not parse: %v\n%s", err, b)
	}
	return p
}

func decodeJSON(t testing.TB, b []byte) (parsedJSON, []parsedJSONItem) {
	t.Helper()
	var p parsedJSON
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("JSON does not parse: %v\n%s", err, b)
	}
	var items []parsedJSONItem
	if err := json.Unmarshal(p.Items, &items); err != nil {
		t.Fatalf("JSON items: %v", err)
	}
	return p, items
}

// atomLinks returns the hrefs of the links with rel (Atom namespace only).
func atomLinks(links []xmlLink, rel string) []string {
	var out []string
	for _, l := range links {
		if l.XMLName.Space == nsAtom && l.Rel == rel {
			out = append(out, l.Href)
		}
	}
	return out
}
