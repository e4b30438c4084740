package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// TestArticleRulesOverrideGeneric checks that per-source selectors win
// over what the generic path finds on a page built to mislead it.
func TestArticleRulesOverrideGeneric(t *testing.T) {
	doc := localPage(t, "rules-article.html")
	const pageURL = "https://example.com/news/2024/03/05/77.html"
	generic, err := Article(doc, pageURL, feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	rules := feedsvc.ArticleRules{Title: "h2.hed", Kicker: "p.strap", Subtitle: ".standfirst-x",
		Authors: "meta:writer", Editor: "p.desk", Source: "p.origin", Published: "meta:pubtime",
		Body: "div.story-text", Remove: []string{".promo-box"}}
	got, err := Article(doc, pageURL, rules)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, generic, got, want string
	}{
		{"title", generic.Title, got.Title, "Rule headline from selector"},
		{"kicker", generic.Kicker, got.Kicker, "Rule kicker line"},
		{"subtitle", generic.Subtitle, got.Subtitle, "Rule subtitle from selector"},
		{"authors", strings.Join(generic.Authors, ","), strings.Join(got.Authors, ","), "Ada Lovelace"},
		{"editor", generic.Editor, got.Editor, "Grace Hopper"},
		{"source", generic.Source, got.Source, "Example Wire"},
		{"published", generic.PublishedRaw, got.PublishedRaw, "2024-03-05 10:20"},
		{"body", generic.BodyText, labels.Clean(got.BodyText), "The real story text is short. It ends here."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("with rules: got %q, want %q", tt.got, tt.want)
			}
			if tt.generic == tt.want {
				t.Errorf("generic path already gives %q: the page does not test the rule", tt.generic)
			}
		})
	}
}

// TestArticleRulesJSONLDAndRemove checks jsonld: and meta: rules and that
// Remove selectors are applied before the body is extracted.
func TestArticleRulesJSONLDAndRemove(t *testing.T) {
	doc := localPage(t, "rules-jsonld.html")
	rules := feedsvc.ArticleRules{Authors: "jsonld:creator", Source: "meta:sourceline",
		Body: "#story", Remove: []string{".ad-slot", "p.by"}}
	got, err := Article(doc, "https://coast.example/2024/05/01/bridge.html", rules)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Alan Turing", "Joan Clarke"}; !slices.Equal(got.Authors, want) {
		t.Errorf("authors: got %q, want %q", got.Authors, want)
	}
	if got.Source != "Coast Wire" {
		t.Errorf("source: got %q, want %q", got.Source, "Coast Wire")
	}
	if strings.Contains(got.BodyText, "Advertisement") || !strings.HasPrefix(got.BodyText, "The harbour bridge reopened") {
		t.Errorf("body: got %q", got.BodyText)
	}
	if got.PublishedRaw != "2024-05-01T08:00:00Z" {
		t.Errorf("published: got %q, want JSON-LD datePublished", got.PublishedRaw)
	}
}

// TestInvalidRulesAreIgnored checks that a broken selector falls back to
// the generic path instead of failing.
func TestInvalidRulesAreIgnored(t *testing.T) {
	doc := localPage(t, "wire-article.html")
	got, err := Article(doc, "https://www.example.cn/tech/2024-04/01/c_1130.htm",
		feedsvc.ArticleRules{Title: "h1[", Body: "div[", Remove: []string{"::bad"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "我国成功发射一颗新型卫星" || !strings.Contains(got.BodyText, "预定轨道") {
		t.Errorf("got title %q body %q", got.Title, got.BodyText)
	}
}

// TestDensestFallback checks the paragraph-density scorer used when
// readability yields nothing.
func TestDensestFallback(t *testing.T) {
	gq, err := goquery.NewDocumentFromReader(strings.NewReader(`<div id="nav"><p><a href="/">home</a></p></div>
<div id="story"><p>First paragraph of the story, long enough to count.</p><p>Second paragraph of the story, also long enough.</p></div>
<div id="side"><p>A single sidebar line that is long enough.</p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	n := densest(gq)
	if n == nil || attr(n, "id") != "story" {
		t.Errorf("got %v, want the #story element", n)
	}
}
