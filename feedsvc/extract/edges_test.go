package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// bodyOf extracts a page built from an <h1> and an article element.
func bodyOf(t *testing.T, i int, head, inner string) feedsvc.Article {
	t.Helper()
	page := `<html><body><h1>` + head + `</h1><article class="content">` + inner + `</article></body></html>`
	a, err := Article([]byte(page), fmt.Sprintf("https://example.com/e/%d.html", i), feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestEdgeSignals checks the structural edge rules: caption and credit
// elements, captions followed by their credit, display lines, highlight
// boxes, author notes, link-only blocks, pagers, placeholders and
// "read also" lines, and Traditional-script hotline boxes.
func TestEdgeSignals(t *testing.T) {
	tests := []struct {
		name, head, inner, first, last string
		absent                         []string
	}{
		{"caption element by class", "A headline for the test story", `<div class="credit-caption"><div class="caption"><p>The senator is escorted from the police department in Shelby on June 18, 2015.</p></div></div>
<p class="story-meta__credit">President Joe Biden speaks about the portal in the South Court Auditorium.</p>
<figure><figcaption><p>This photo, using a thermal camera, shows gender differences in body temperature.</p></figcaption></figure>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"escorted", "South Court", "thermal"}},
		{"caption followed by its credit, file name", "A headline for the test story", `<p>skimming scheme seized cash and cards.jpg</p>
<p>Cash and cards seized during the arrest of two suspects on Wednesday.</p>
<p><em>(Mike Cason/mcason@example.com)</em></p>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"seized", "Cason"}},
		{"zh display lines before the text", "习近平主持召开座谈会并发表重要讲话", `<p>推动长三角一体化发展取得新的重大突破</p>
<p>在中国式现代化中更好发挥引领示范作用</p><p>李强蔡奇出席</p>` + zhText,
			"第一段正文", "这是最后一句话。", []string{"重大突破", "李强蔡奇出席"}},
		{"en display lines before the text", "A headline for the test story", `<p>The White House</p><p>For Immediate Release</p>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"Immediate"}},
		{"highlights box", "A headline for the test story", `<div><h3>Story highlights</h3></div>
<ul><li>The Social Security Act was signed into law on August 14, 1935</li><li>The chairman says Democrats will tout the program this fall</li></ul>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"Social Security", "highlights"}},
		{"author note before the text", "A headline for the test story", `<p>Alexia Tsotsis currently works for the site as a writer. She is also a blogger.</p>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"Tsotsis"}},
		{"pager ends the article", "测试新闻标题在这里出现", zhText + `<p>首页 | 上一页 1 下一页 | 尾页</p>
<p>强图打榜 2024-05-21 23:14:34</p><p>5月21日，展览在上海民生现代美术馆新址开幕，这是另一条新闻的内容。</p>`,
			"第一段正文", "这是最后一句话。", []string{"强图打榜", "民生现代美术馆"}},
		{"placeholder and read-also line inside the text", "A headline for the test story", `<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p>Loading...</p><p>A lire aussi : <a href="/other">Notre récit du discours</a></p>` + strings.SplitN(enText, "\n", 2)[1],
			"The first paragraph", "The last paragraph ends the story here.", []string{"Loading", "lire aussi"}},
		{"tail class run and zh author note", "测试新闻标题在这里出现", zhText + `<p>作者为《中国企业家》主笔，曾任杂志社记者、资深记者。</p>
<p>for-phone-onlyfor-tablet-portrait-upfor-desktop-up</p>`,
			"第一段正文", "这是最后一句话。", []string{"主笔", "for-phone"}},
		{"Traditional hotline box", "測試新聞標題在這裡出現", zhText + `<p><strong>●《某某新聞雲》提醒您，請給自己機會：<br>自殺防治諮詢安心專線：0800-788995；<br>生命線協談專線：1995</strong></p>`,
			"第一段正文", "这是最后一句话。", []string{"專線"}},
	}
	for i, tc := range tests {
		a := bodyOf(t, i, tc.head, tc.inner)
		if !strings.HasPrefix(a.BodyText, tc.first) || !strings.HasSuffix(a.BodyText, tc.last) {
			t.Errorf("%s: body %q … %q, want %q … %q", tc.name, headOf(a.BodyText), tailOf(a.BodyText), tc.first, tc.last)
		}
		for _, s := range tc.absent {
			if strings.Contains(a.BodyText, s) {
				t.Errorf("%s: body keeps %q", tc.name, s)
			}
		}
	}
}

// TestEdgeSignalsKeepText checks that text shaped like furniture stays
// when it is text: a display line with no text after it, a short first
// paragraph that is a sentence, a subheading inside the text, a
// paragraph of prose whose class names a paywall.
func TestEdgeSignalsKeepText(t *testing.T) {
	a := bodyOf(t, 20, "A headline for the test story", enText+`<p>Federal rules</p>
<p class="paywall">The rest of the story was behind the paywall, but it is the story's text all the same, and it ends here.</p>`)
	if !strings.Contains(a.BodyText, "Federal rules") || !strings.HasSuffix(a.BodyText, "it ends here.") {
		t.Errorf("body %q, want the subheading and the paywalled paragraph kept", a.BodyText)
	}
	a = bodyOf(t, 21, "A headline for the test story", `<p>It was cold.</p>`+enText)
	if !strings.HasPrefix(a.BodyText, "It was cold.") {
		t.Errorf("body %q, want the short first sentence kept", headOf(a.BodyText))
	}
}

// TestUnhideScriptRevealedText reads text a page hides until its
// scripts run (visibility:hidden on the content element).
func TestUnhideScriptRevealedText(t *testing.T) {
	page := `<html><body><h1>绥德：33名退役军人被表彰</h1><div class="rich_media_content" id="js_content" style="visibility: hidden;">` +
		zhText + zhText + `</div><div style="display:none"><p>这是一个隐藏的模板，不是正文内容，读者永远看不到它，也不应当出现在正文里面。</p></div></body></html>`
	a, err := Article([]byte(page), "https://example.com/wx/1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.BodyText, "第一段正文") || strings.Contains(a.BodyText, "隐藏的模板") {
		t.Errorf("body %q, want the script-revealed text without the display:none template", a.BodyText)
	}
}
