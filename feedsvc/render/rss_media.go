package render

// mediaContent is a Media RSS <media:content> element
// (https://www.rssboard.org/media-rss#media-content).
type mediaContent struct {
	URL         string        `xml:"url,attr"`
	Medium      string        `xml:"medium,attr"`
	Type        string        `xml:"type,attr"`
	FileSize    int64         `xml:"fileSize,attr,omitempty"`
	Title       *mediaText    `xml:"media:title"`
	Description *mediaText    `xml:"media:description"`
	Credits     []mediaCredit `xml:"media:credit"`
}

// mediaText is a Media RSS text element with type="plain".
type mediaText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// mediaCredit credits a photographer (role scheme urn:ebu, the default).
type mediaCredit struct {
	Role string `xml:"role,attr"`
	Name string `xml:",chardata"`
}

// mediaOf turns an image or attachment into media:content: the alt text
// as media:title, the caption as media:description and the photographers
// as media:credit role="photographer".
func mediaOf(e enclosure) mediaContent {
	m := mediaContent{URL: e.URL, Medium: medium(e.Type), Type: e.Type, FileSize: e.Length}
	if e.Title != "" && e.Title != e.Caption {
		m.Title = &mediaText{Type: "plain", Text: e.Title}
	}
	if e.Caption != "" {
		m.Description = &mediaText{Type: "plain", Text: e.Caption}
	}
	for _, c := range e.Credits {
		m.Credits = append(m.Credits, mediaCredit{Role: "photographer", Name: c})
	}
	return m
}
