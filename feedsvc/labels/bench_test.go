package labels

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// benchItem is a feed item's title and HTML content.
type benchItem struct {
	Title   string `xml:"title"`
	Content string `xml:"encoded"`
}

// techcrunchItems are the items of the TechCrunch fixture (English, HTML
// content, no labelled lines but many lines the gate must judge).
func techcrunchItems(b testing.TB) []benchItem {
	raw, err := os.ReadFile(filepath.Join(testenv.Shared(b), "feeds", "feedjira", "techcrunch-rss20-feedburner.xml"))
	if err != nil {
		b.Fatal(err)
	}
	var doc struct {
		Items []benchItem `xml:"channel>item"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		b.Fatal(err)
	}
	return doc.Items
}

// chineseItems are newspaper items printed the way Chinese CMSs print
// them: a byline first, a caption, an inline source note and an editor
// line last.
func chineseItems(n int) []benchItem {
	prose := []string{
		"区文化馆本周推出非遗展演季，剪纸、皮影和面塑艺人轮流登台，为市民讲解技艺的来历。",
		"展演季为期两个月，每个周末安排两场活动，社区居民可以提前在公众号上预约座位。",
		"馆方介绍，今年新增了亲子体验课，孩子们可以在老师指导下完成一件自己的作品。",
	}
	out := make([]benchItem, n)
	for i := range out {
		var c strings.Builder
		c.WriteString("<p>本报记者 刘洋 实习生 陈晨</p>")
		for j := range 5 {
			fmt.Fprintf(&c, "<p>%s%s</p>", prose[(i+j)%len(prose)], prose[(i+j+2)%len(prose)])
			if j == 1 {
				fmt.Fprintf(&c, `<figure><img src="/p/%d.jpg"><figcaption>展演现场。</figcaption></figure>`, i)
			}
		}
		c.WriteString(`<p>更多活动安排见<a href="/zt/">专题</a>。（来源：文化周报）</p><p>责任编辑：赵敏</p>`)
		out[i] = benchItem{Title: fmt.Sprintf("非遗展演季第%d场开演", i+1), Content: c.String()}
	}
	return out
}

// BenchmarkStrip measures Strip on feed content parsed as normalize
// parses it (the parse itself is outside the timing).
func BenchmarkStrip(b *testing.B) {
	for _, f := range []struct {
		name  string
		items func(testing.TB) []benchItem
	}{
		{"techcrunch", techcrunchItems},
		{"zh", func(testing.TB) []benchItem { return chineseItems(20) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			items := f.items(b)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				roots := make([]*html.Node, len(items))
				for i, it := range items {
					roots[i] = fragment(b, it.Content)
				}
				b.StartTimer()
				for i, it := range items {
					a := feedsvc.Article{Title: it.Title}
					Strip(roots[i], it.Content, &a)
				}
			}
		})
	}
}

// fragment parses s as the content of a <div>, as normalize does.
func fragment(b testing.TB, s string) *html.Node {
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}
