package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// bodyText is article text for the snippet pages of these tests.
var bodyText = strings.Repeat("The council voted on Tuesday to approve the new budget for the coming year after a long debate. ", 4)

// headBody extracts a page made of head and body markup, where {TEXT}
// in body stands for two paragraphs of bodyText.
func headBody(t *testing.T, head, body string) feedsvc.Article {
	t.Helper()
	body = strings.ReplaceAll(body, "{TEXT}", "<p>"+bodyText+"</p><p>"+bodyText+"</p>")
	return snippet(t, "<html><head>"+head+"</head><body>"+body+"</body></html>")
}

// TestLeadLinesAfterHeadline: the byline and time printed right after
// the headline are read when the header zone misses them — a body
// container that starts above the headline, and a header zone longer
// than the lines it keeps.
func TestLeadLinesAfterHeadline(t *testing.T) {
	pages := map[string]string{
		"container above the headline": `<div class="story"><p>Opinion</p><div class="details"><h2 class="ttl">Budget approved</h2>` +
			`<span>By ADA LOVELACE</span> <span class="x">2015-06-25 08:46:42</span></div>{TEXT}</div>`,
		"long header zone": `<h1>Budget approved</h1><div>By ADA LOVELACE</div><div>2015-06-25 08:46:42</div>` +
			strings.Repeat(`<div>Like</div>`, 16) + `<article>{TEXT}</article>`,
	}
	for name, body := range pages {
		t.Run(name, func(t *testing.T) {
			a := headBody(t, `<title>Budget approved</title>`, body)
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
	tests := []struct{ name, head, tail, want string }{
		{"title suffix without a declared site", `<title>Budget approved_网易财经</title>`, ``, "网易财经"},
		{"declared section the title does not show", `<title>Budget approved | Reuters</title><meta property="og:site_name" content="U.S.">`, ``, "Reuters"},
		{"declared site the title shows", `<title>Budget approved | US news | The Guardian</title><meta property="og:site_name" content="The Guardian">`, ``, "The Guardian"},
		{"closing note", `<title>Budget approved_网易财经</title>`, `<p>中法经贸合作将不断迈上新台阶。（本文来源：经济日报 作者：研究员徐占忱）</p>`, "经济日报"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := headBody(t, tt.head, `<h1>Budget approved</h1><article>{TEXT}`+tt.tail+`</article>`)
			if a.Source != tt.want {
				t.Errorf("source = %q, want %q", a.Source, tt.want)
			}
		})
	}
}
