package extract

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestEdgeFurnitureLeavesBody checks that chrome before the first and
// after the last line of text leaves the body: an info line, a summary,
// a disclaimer, a print stamp, staff credits, a WeChat promotion and a
// list of related links.
func TestEdgeFurnitureLeavesBody(t *testing.T) {
	const page = `<html><head><title>测试新闻标题在这里出现</title></head><body>
<h1>测试新闻标题在这里出现</h1>
<div class="content">
<p>上海证券报网络版 2005-08-26 05:39 关注</p>
<p>摘要：这是摘要。</p>
<p>第一段正文，讲述了事情的起因和经过，内容足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p>第二段正文，继续讲述事情的经过和结果，内容也足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p>第三段正文，这是最后一句话。</p>
<p>《人民日报》（2024年05月10日 04 版）</p>
<p>声明：本文仅代表作者本人观点，不代表本网立场。</p>
<p>编辑 刘晓阳 校对 李铭</p>
<p>欢迎关注微信公众号：某某<img src="/wx/code-photo.jpg"></p>
<p>首赞</p>
<p>阅读 (177万)</p>
<p>Notice: The content above is uploaded and posted by a user, which only provides information storage services.</p>
<p><a href="/a">相关新闻一</a> <a href="/b">相关新闻二</a></p>
</div></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.BodyText, "第一段正文") {
		t.Errorf("body starts %q", headOf(a.BodyText))
	}
	if !strings.HasSuffix(a.BodyText, "这是最后一句话。") {
		t.Errorf("body ends %q", tailOf(a.BodyText))
	}
}

// TestEdgeFurnitureKeepsText checks that a closing paragraph of text is
// kept even when it mentions copyright or links.
func TestEdgeFurnitureKeepsText(t *testing.T) {
	const page = `<html><body><h1>A headline for the test story</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<p>The court said the copyright claim, filed by <a href="/x">the publisher</a> last year, would go to trial in the spring.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/2.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.BodyText, "would go to trial in the spring.") {
		t.Errorf("body ends %q", tailOf(a.BodyText))
	}
}

// TestEdgeFurnitureEnglishTail checks an author note, an affiliate
// notice and a byline after the text.
func TestEdgeFurnitureEnglishTail(t *testing.T) {
	const page = `<html><body><h1>A headline for the test story</h1><article>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
<p>The last paragraph ends the story here.</p>
<p>-- By Michael Russell</p>
<p>Alyssa Newcomb is an NBC News contributor who writes about business and technology.</p>
<p>If you purchase something through one of our affiliate links we may earn a commission.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/4.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.BodyText, "The last paragraph ends the story here.") {
		t.Errorf("body ends %q", tailOf(a.BodyText))
	}
}

// TestEdgeFurnitureLeadCaption checks that the caption of the lead
// picture and a picture credit above the text leave the body text while
// the image keeps its caption (in a photo story, where captions are most
// of the text, they stay: TestArticleTemplates/photo_story).
func TestEdgeFurnitureLeadCaption(t *testing.T) {
	const page = `<html><body><h1>A headline for the test story</h1><article>
<p>| Example.com</p>
<ul><li>Email</li><li>Tweet</li></ul>
<p>Steven Puetzer | The Image Bank | Getty Images</p>
<figure><img src="https://cdn.example.com/2024/05/lead-photo-456.jpg"><figcaption>The mayor speaks at a rally on Sunday.</figcaption></figure>
<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/5.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.BodyText, "The first paragraph") {
		t.Errorf("body starts %q", headOf(a.BodyText))
	}
	if len(a.Images) != 1 || a.Images[0].Caption != "The mayor speaks at a rally on Sunday." {
		t.Errorf("images %+v", a.Images)
	}
}

// TestEdgeFurnitureCommentSection checks that a comments heading in the
// second half of the body cuts the comments after it.
func TestEdgeFurnitureCommentSection(t *testing.T) {
	const page = `<html><body><h1>测试新闻标题在这里出现</h1><div class="content">
<p>第一段正文，讲述了事情的起因和经过，内容足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p>第二段正文，继续讲述事情的经过和结果，内容也足够长以便被识别为正文，并且包含多个分句，逗号，句号。</p>
<p>第三段正文，这是最后一句话。</p>
<p>文章不错，点个赞吧</p>
<h3>评论13</h3>
<p>这篇文章写得真好，我完全同意作者的观点。</p>
<p>一天天的就瞎忽悠！</p>
</div></body></html>`
	a, err := Article([]byte(page), "https://example.com/n/8.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.BodyText, "这是最后一句话。") {
		t.Errorf("body ends %q", tailOf(a.BodyText))
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
