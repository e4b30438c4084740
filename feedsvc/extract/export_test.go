package extract

import (
	"encoding/json"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// ExpectedArticle and CheckArticleJSON let the external test package run
// the same field-by-field assertions on the whole pipeline's output.
type ExpectedArticle = expectedArticle

// CheckArticleJSON decodes an .expected.json and checks got against it.
func CheckArticleJSON(t *testing.T, expected []byte, got feedsvc.Article) ExpectedArticle {
	t.Helper()
	var exp expectedArticle
	if err := json.Unmarshal(expected, &exp); err != nil {
		t.Fatal(err)
	}
	if exp.Kind == "article" {
		checkArticle(t, exp, got, fieldScore{})
	}
	return exp
}
