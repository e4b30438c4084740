package extract

import (
	"encoding/json"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/accuracy"
)

// CheckArticleJSON lets the external test package run the same
// field-by-field assertions on the whole pipeline's output.
func CheckArticleJSON(t *testing.T, expected []byte, got feedsvc.Article) accuracy.Expected {
	t.Helper()
	var exp accuracy.Expected
	if err := json.Unmarshal(expected, &exp); err != nil {
		t.Fatal(err)
	}
	if exp.Kind == "article" {
		checkArticle(t, exp, got)
	}
	return exp
}
