package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestLeadLinesAfterHeadline: the byline and time printed right after
// the headline are read when the header zone misses them — a body
// container that starts above the headline, and a header zone longer
// than the lines it keeps.
func TestLeadLinesAfterHeadline(t *testing.T) {
	text := strings.Repeat("The council voted on Tuesday to approve the new budget for the coming year after a long debate. ", 4)
	pages := map[string]string{
		"container above the headline": `<div class="story"><p>Opinion</p><div class="details"><h2 class="ttl">Budget approved</h2>` +
			`<span>By ADA LOVELACE</span> <span class="x">2015-06-25 08:46:42</span></div><p>` + text + `</p><p>` + text + `</p></div>`,
		"long header zone": `<h1>Budget approved</h1><div>By ADA LOVELACE</div><div>2015-06-25 08:46:42</div>` +
			strings.Repeat(`<div>Like</div>`, 16) + `<article><p>` + text + `</p><p>` + text + `</p></article>`,
	}
	for name, body := range pages {
		t.Run(name, func(t *testing.T) {
			a, err := Article([]byte(`<html><head><title>Budget approved</title></head><body>`+body+`</body></html>`),
				"https://news.example.com/a.html", feedsvc.ArticleRules{})
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"Ada Lovelace"}; !reflect.DeepEqual(a.Authors, want) || a.PublishedRaw != "2015-06-25 08:46:42" {
				t.Errorf("authors = %q, published = %q; want %q, 2015-06-25 08:46:42", a.Authors, a.PublishedRaw, want)
			}
		})
	}
}

// TestSourceFromTitleAndClosingNote: the <title>'s suffix names the site
// when nothing declares one, and wins over a declared name the <title>
// does not show; a closing note in brackets names the source.
func TestSourceFromTitleAndClosingNote(t *testing.T) {
	text := strings.Repeat("The council voted on Tuesday to approve the new budget for the coming year after a long debate. ", 4)
	tests := []struct{ name, head, tail, want string }{
		{"title suffix without a declared site", `<title>Budget approved_网易财经</title>`, ``, "网易财经"},
		{"declared section the title does not show", `<title>Budget approved | Reuters</title><meta property="og:site_name" content="U.S.">`, ``, "Reuters"},
		{"declared site the title shows", `<title>Budget approved | US news | The Guardian</title><meta property="og:site_name" content="The Guardian">`, ``, "The Guardian"},
		{"closing note", `<title>Budget approved_网易财经</title>`, `<p>中法经贸合作将不断迈上新台阶。（本文来源：经济日报 作者：研究员徐占忱）</p>`, "经济日报"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Article([]byte(`<html><head>`+tt.head+`</head><body><h1>Budget approved</h1><article><p>`+text+`</p><p>`+text+`</p>`+tt.tail+`</article></body></html>`),
				"https://news.example.com/a.html", feedsvc.ArticleRules{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Source != tt.want {
				t.Errorf("source = %q, want %q", a.Source, tt.want)
			}
		})
	}
}
