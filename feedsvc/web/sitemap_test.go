package web

import (
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// parsedSitemap reads a news sitemap by namespace URI, as a crawler would.
type parsedSitemap struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc  string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		News []struct {
			Name  string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>name"`
			Lang  string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>language"`
			Date  string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication_date"`
			Title string `xml:"http://www.google.com/schemas/sitemap-news/0.9 title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

func sitemap(t *testing.T, p *Pages, slug string) parsedSitemap {
	t.Helper()
	res, body := get(t, p, "/sections/"+slug+"/news-sitemap.xml")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status: got %d: %s", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/xml") {
		t.Errorf("Content-Type: got %q, want application/xml", ct)
	}
	var doc parsedSitemap
	if err := xml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("parse sitemap: %v\n%s", err, body)
	}
	return doc
}

func TestNewsSitemapWindowAndFields(t *testing.T) {
	p := newTestPages(t, testBase)
	doc := sitemap(t, p, "world")
	var locs []string
	for _, u := range doc.URLs {
		locs = append(locs, u.Loc)
		if len(u.News) != 1 {
			t.Fatalf("%s: got %d news:news, want 1", u.Loc, len(u.News))
		}
		n := u.News[0]
		if n.Name != "World <News>" || n.Lang != "en" || n.Title == "" {
			t.Errorf("%s: got name %q lang %q title %q", u.Loc, n.Name, n.Lang, n.Title)
		}
		d, err := time.Parse(time.RFC3339, n.Date)
		if err != nil {
			t.Errorf("%s: publication_date %q is not RFC 3339: %v", u.Loc, n.Date, err)
		}
		if d.Before(testNow.Add(-48*time.Hour)) || d.After(testNow) {
			t.Errorf("%s: date %s outside the 2 days before %s", u.Loc, d, testNow)
		}
	}
	// The three-day-old and the undated articles are left out.
	if want := []string{"https://example.org/world/attack"}; !slices.Equal(locs, want) {
		t.Errorf("locs: got %q, want %q", locs, want)
	}
	if got, want := doc.URLs[0].News[0].Title, `<script>alert("x")</script> Breaking & "quoted"`; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
}

func TestNewsSitemapChineseLanguage(t *testing.T) {
	p := newTestPages(t, testBase)
	doc := sitemap(t, p, "zgyl")
	if len(doc.URLs) != 2 {
		t.Fatalf("urls: got %d, want 2", len(doc.URLs))
	}
	for _, u := range doc.URLs {
		if got, want := u.News[0].Lang, "zh-cn"; got != want {
			t.Errorf("%s language: got %q, want %q", u.Loc, got, want)
		}
	}
	if got, want := doc.URLs[1].News[0].Date, "2023-11-14T23:24:00Z"; got != want {
		t.Errorf("date: got %q, want %q", got, want)
	}
}

func TestNewsSitemapMovesWithNow(t *testing.T) {
	p := newTestPages(t, testBase)
	p.Now = func() time.Time { return testNow.Add(30 * 24 * time.Hour) }
	if doc := sitemap(t, p, "world"); len(doc.URLs) != 0 {
		t.Errorf("a month later: got %d urls, want 0", len(doc.URLs))
	}
	p.Now = func() time.Time { return time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC) }
	if doc := sitemap(t, p, "world"); len(doc.URLs) != 1 || doc.URLs[0].Loc != "https://example.org/world/old" {
		t.Errorf("on Nov 14: got %+v, want only the Nov 13 article", doc.URLs)
	}
}
