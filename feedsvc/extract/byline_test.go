package extract

import (
	"reflect"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// bylinePage extracts a small page and fails the test on error.
func bylinePage(t *testing.T, html string) feedsvc.Article {
	t.Helper()
	body := `<p>` + repeatText("The council voted on Tuesday to approve the new budget for the coming year. ", 6) + `</p>`
	a, err := Article([]byte(`<html><head>`+html+`</head><body><article><h1>Budget approved</h1>`+body+`</article></body></html>`),
		"https://news.example.com/2023/11/15/budget.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func repeatText(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestMetaValueAttribute(t *testing.T) {
	a := bylinePage(t, `<meta name="author" value="Lisa de Moraes">`)
	if want := []string{"Lisa de Moraes"}; !reflect.DeepEqual(a.Authors, want) {
		t.Errorf("authors = %q, want %q", a.Authors, want)
	}
}
