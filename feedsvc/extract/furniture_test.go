package extract

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Paragraphs of text the furniture cases wrap their chrome around.
const (
	zhText = `<p>第一段正文，讲述了事情的起因和经过，内容足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p>第二段正文，继续讲述事情的经过和结果，内容也足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p>第三段正文，这是最后一句话。</p>`
	enText = `<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<p>The last paragraph ends the story here.</p>`
)

// TestEdgeFurniture checks that chrome before the first and after the
// last line of text leaves the body, and that text stays.
func TestEdgeFurniture(t *testing.T) {
	tests := []struct {
		name, head, inner, first, last string
	}{
		{"zh lead and tail chrome", "测试新闻标题在这里出现", `<p>上海证券报网络版 2005-08-26 05:39 关注</p>
<p>摘要：这是摘要。</p>` + zhText + `<p>《人民日报》（2024年05月10日 04 版）</p>
<p>声明：本文仅代表作者本人观点，不代表本网立场。</p>
<p>编辑 刘晓阳 校对 李铭</p>
<p>欢迎关注微信公众号：某某<img src="/wx/code-photo.jpg"></p>
<p>首赞</p>
<p>阅读 (177万)</p>
<p>Notice: The content above is uploaded and posted by a user, which only provides information storage services.</p>
<p><a href="/a">相关新闻一</a> <a href="/b">相关新闻二</a></p>`, "第一段正文", "这是最后一句话。"},
		{"zh comment section", "测试新闻标题在这里出现", zhText + `<p>文章不错，点个赞吧</p>
<h3>评论13</h3>
<p>这篇文章写得真好，我完全同意作者的观点。</p>
<p>一天天的就瞎忽悠！</p>`, "第一段正文", "这是最后一句话。"},
		{"en text mentioning copyright stays", "A headline for the test story", enText +
			`<p>The court said the copyright claim, filed by <a href="/x">the publisher</a> last year, would go to trial in the spring.</p>`,
			"The first paragraph", "would go to trial in the spring."},
		{"en author note, affiliate notice, byline", "A headline for the test story", enText + `<p>-- By Michael Russell</p>
<p>Alyssa Newcomb is an NBC News contributor who writes about business and technology.</p>
<p>If you purchase something through one of our affiliate links we may earn a commission.</p>
<p>À lire aussi :</p>`,
			"The first paragraph", "The last paragraph ends the story here."},
		// In a photo story, where captions are most of the text, they
		// stay: TestArticleTemplates/photo_story.
		{"en lead caption and credits", "A headline for the test story", `<p>| Example.com</p>
<ul><li>Email</li><li>Tweet</li></ul>
<p>Steven Puetzer | The Image Bank | Getty Images</p>
<figure><img src="https://cdn.example.com/2024/05/lead-photo-456.jpg"><figcaption>The mayor speaks at a rally on Sunday.</figcaption></figure>` + enText,
			"The first paragraph", "The last paragraph ends the story here."},
	}
	for i, tc := range tests {
		page := `<html><body><h1>` + tc.head + `</h1><article class="content">` + tc.inner + `</article></body></html>`
		a, err := Article([]byte(page), "https://example.com/n/"+string(rune('a'+i))+".html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.BodyText, tc.first) || !strings.HasSuffix(a.BodyText, tc.last) {
			t.Errorf("%s: body %q … %q, want %q … %q", tc.name, headOf(a.BodyText), tailOf(a.BodyText), tc.first, tc.last)
		}
		if strings.Contains(tc.name, "caption") && (len(a.Images) != 1 || a.Images[0].Caption != "The mayor speaks at a rally on Sunday.") {
			t.Errorf("%s: images %+v, want the picture with its caption", tc.name, a.Images)
		}
	}
}

func headOf(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60])
	}
	return s
}

func tailOf(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[len(r)-60:])
	}
	return s
}
