package extract

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// seedPages adds the fixture and hand-written pages to a fuzz corpus.
func seedPages(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("<p>x</p>"))
	f.Add([]byte(`<a href="javascript:alert(1)"><img src="data:x"></a><script>1</script>`))
	f.Add([]byte(`<base href="//evil"><h1>t</h1><p><img data-src="../a.jpg" src="grey.gif">图为x。 王强 摄</p>`))
	var files []string
	for _, dir := range []string{filepath.Join(testenv.Shared(f), "pages"), "testdata"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		files = append(files, m...)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// scriptTagRe matches a script start tag; an unknown element such as
// <script0> is not one (found by FuzzArticle).
var scriptTagRe = regexp.MustCompile(`(?i)<script[\s/>]`)

func absolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https")
}

// FuzzArticle: no panics; no script in the body; every image URL is
// absolute; empty input is an error.
func FuzzArticle(f *testing.F) {
	seedPages(f)
	f.Fuzz(func(t *testing.T, doc []byte) {
		a, err := Article(doc, "https://www.example.cn/c/2023-11-15/1.shtml", feedsvc.ArticleRules{})
		if len(strings.TrimSpace(string(doc))) == 0 && err == nil {
			t.Fatal("empty input: want an error")
		}
		if err != nil {
			if !errors.Is(err, feedsvc.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if scriptTagRe.MatchString(a.ContentHTML) {
			t.Fatalf("content has a script: %q", a.ContentHTML)
		}
		for _, im := range a.Images {
			if !absolute(im.URL) {
				t.Fatalf("image URL %q is not absolute", im.URL)
			}
		}
		if !absolute(a.URL) {
			t.Fatalf("article URL %q is not absolute", a.URL)
		}
	})
}

// FuzzList: no panics; every item URL and the next page are absolute and
// items are unique; empty input is an error.
func FuzzList(f *testing.F) {
	seedPages(f)
	f.Add([]byte(`<ul><li><a href="/a/2023-11-15/1.shtml">x</a> 2023-11-15</li><li><a href="../2023-11-15/1.shtml">x</a></li></ul><a href="index_1.shtml">下一页</a>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		lp, err := List(doc, "https://www.example.cn/c/list/", feedsvc.ListRules{})
		if len(strings.TrimSpace(string(doc))) == 0 && err == nil {
			t.Fatal("empty input: want an error")
		}
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, it := range lp.Items {
			if !absolute(it.URL) || seen[it.URL] {
				t.Fatalf("item URL %q is relative or repeated", it.URL)
			}
			seen[it.URL] = true
		}
		if lp.Next != "" && !absolute(lp.Next) {
			t.Fatalf("next page %q is not absolute", lp.Next)
		}
	})
}
