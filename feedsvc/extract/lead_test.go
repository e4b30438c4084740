package extract

import (
	"fmt"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestLeadImage checks that the declared og:image comes first when the
// body does not show it, and that share cards, logos and the same
// picture in another size do not.
func TestLeadImage(t *testing.T) {
	const body = `<h1>A headline for the lead image test</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
%s
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article>`
	inline := `<figure><img src="https://cdn.example.com/2024/05/inline-photo-123.jpg"><figcaption>Inline caption</figcaption></figure>`
	tests := []struct {
		name, og, inBody string
		want             []string
	}{
		{"lead outside body", "https://cdn.example.com/2024/05/lead-photo-456.jpg", "",
			[]string{"https://cdn.example.com/2024/05/lead-photo-456.jpg"}},
		{"lead before inline shown on page", "https://cdn.example.com/2024/05/inline-photo-123.jpg?w=1200", inline,
			[]string{"https://cdn.example.com/2024/05/inline-photo-123.jpg"}},
		{"logo gif", "https://cdn.example.com/site/logo-big.gif", "", nil},
		{"share card", "https://cdn.example.com/img/shareF2023.jpg", "", nil},
		{"thumbnail never shown beside body pictures", "https://cdn.example.com/thumbs/other-thumb-789.jpg", inline,
			[]string{"https://cdn.example.com/2024/05/inline-photo-123.jpg"}},
	}
	for i, tc := range tests {
		meta := `<meta property="og:image" content="` + tc.og + `">`
		if i == 0 {
			meta = `<meta value="` + tc.og + `" name="og:image">` // a value attribute instead of content
		}
		page := `<html><head>` + meta + `</head><body>` +
			fmt.Sprintf(body, tc.inBody) + `</body></html>`
		a, err := Article([]byte(page), "https://example.com/n/3.html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, im := range a.Images {
			got = append(got, im.URL)
		}
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
			t.Errorf("%s: images %q, want %q", tc.name, got, tc.want)
		}
	}
}
