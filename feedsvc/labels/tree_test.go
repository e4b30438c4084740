package labels

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestStripMetadataLines(t *testing.T) {
	a := feedsvc.Article{Title: "市总工会举办职工读书季", ContentHTML: `<p>市总工会举办职工读书季</p>` +
		`<p>本报记者 张伟 通讯员 李娜</p><p>本报讯 市总工会今天启动职工读书季活动。</p>` +
		`<p>活动持续三个月，By 张三 编写的读本同时发放。</p><p>全市职工均可参加。</p>` +
		`<p>（来源：工人日报）</p><p>责任编辑：王芳</p>`}
	strip(t, &a)
	if a.Editor != "王芳" || a.Source != "工人日报" || !slices.Equal(a.Authors, []string{"张伟", "李娜"}) {
		t.Errorf("editor %q source %q authors %q", a.Editor, a.Source, a.Authors)
	}
	for _, gone := range []string{"责任编辑", "本报记者", "来源", "<p>市总工会举办职工读书季</p>"} {
		if strings.Contains(a.ContentHTML, gone) {
			t.Errorf("content keeps %q: %s", gone, a.ContentHTML)
		}
	}
	for _, kept := range []string{"本报讯 市总工会今天启动", "By 张三 编写的读本", "全市职工均可参加"} {
		if !strings.Contains(a.ContentHTML, kept) {
			t.Errorf("content lost %q: %s", kept, a.ContentHTML)
		}
	}
	b := feedsvc.Article{Editor: "Feed Editor", ContentHTML: "<p>Plain text without labels.</p>"}
	strip(t, &b)
	if b.Editor != "Feed Editor" || b.ContentHTML != "<p>Plain text without labels.</p>" {
		t.Errorf("unlabelled content changed: %+v", b)
	}
}

// strip runs Strip on a's content parsed as a fragment and renders the
// result back into ContentHTML.
func strip(t *testing.T, a *feedsvc.Article) {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(a.ContentHTML), root)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	if !Strip(root, a.ContentHTML, a) {
		return
	}
	var b strings.Builder
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
	}
	a.ContentHTML = strings.TrimSpace(b.String())
}
