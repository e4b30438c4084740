package web

import (
	"encoding/xml"
	"net/http"
	"testing"
)

// parsedOPML reads an OPML document independently of the writer's types.
type parsedOPML struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Title   string   `xml:"head>title"`
	Outline []struct {
		Type    string `xml:"type,attr"`
		Text    string `xml:"text,attr"`
		Title   string `xml:"title,attr"`
		XMLURL  string `xml:"xmlUrl,attr"`
		HTMLURL string `xml:"htmlUrl,attr"`
	} `xml:"body>outline"`
}

func TestOPML(t *testing.T) {
	p := newTestPages(t, testBase)
	res, body := get(t, p, "/opml")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status: got %d", res.StatusCode)
	}
	if got, want := res.Header.Get("Content-Type"), "text/x-opml; charset=utf-8"; got != want {
		t.Errorf("Content-Type: got %q, want %q", got, want)
	}
	var doc parsedOPML
	if err := xml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("parse OPML: %v\n%s", err, body)
	}
	if doc.Version != "2.0" || doc.Title == "" {
		t.Errorf("head: got version %q title %q, want 2.0 and a title", doc.Version, doc.Title)
	}
	if len(doc.Outline) != len(testSections) {
		t.Fatalf("outlines: got %d, want %d (one per section)", len(doc.Outline), len(testSections))
	}
	for i, sec := range testSections {
		o := doc.Outline[i]
		want := []struct{ name, got, want string }{
			{"type", o.Type, "rss"},
			{"text", o.Text, sec.Title},
			{"title", o.Title, sec.Title},
			{"xmlUrl", o.XMLURL, "https://feeds.example/sections/" + sec.Slug + "/rss"},
			{"htmlUrl", o.HTMLURL, "https://feeds.example/sections/" + sec.Slug},
		}
		for _, w := range want {
			if w.got != w.want {
				t.Errorf("outline %d %s: got %q, want %q", i, w.name, w.got, w.want)
			}
		}
	}
	if res2, _ := get(t, p, "/opml", "If-None-Match", res.Header.Get("ETag")); res2.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: got %d, want 304", res2.StatusCode)
	}
}
