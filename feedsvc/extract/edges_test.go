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
		{"author bio box inside the text", "A headline for the test story", strings.Replace(enText, "</p>", `</p><section class="about-the-author"><div class="author-bio"><p>Jamelle Bouie is Slate’s chief political correspondent.</p></div></section>`, 1),
			"The first paragraph", "The last paragraph ends the story here.", []string{"Bouie"}},
		{"Traditional hotline box", "測試新聞標題在這裡出現", zhText + `<p><strong>●《某某新聞雲》提醒您，請給自己機會：<br>自殺防治諮詢安心專線：0800-788995；<br>生命線協談專線：1995</strong></p>`,
			"第一段正文", "这是最后一句话。", []string{"專線"}},
		{"caption repeating the picture's alt", "A headline for the test story", `<div><div><img src="/p/kaine.jpg" alt="The chairman says Democrats will continue to highlight their role."></div>
<div>The chairman says Democrats will continue to highlight their role.</div></div>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"chairman"}},
		{"caption beside the picture in one block", "A headline for the test story", `<p><img src="/p/mayor.jpg"><br> <span class="pb-caption">The mayor near the synagogue on Sunday. (Dustin Franz/AFP/Getty Images)</span></p>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"mayor"}},
		{"dek before a byline", "Un juge se récuse d'un dossier fiscal", `<p>Un juge de la Cour de l'impôt se récuse d'un dossier. Selon les émissions, il avait participé à une soirée.</p>
<p>Un texte de Frédéric Zalac d'Enquête</p>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"Zalac", "soirée"}},
		{"loose share text in a figure", "測試新聞標題在這裡出現", `<figure><img src="/p/1.jpg"> 分享 <div><ul><li>facebook</li></ul></div></figure>` + zhText,
			"第一段正文", "这是最后一句话。", []string{"分享", "facebook"}},
		{"credit line inside the text", "A headline for the test story", strings.Replace(enText, "</p>", "</p><p>US Navy / Getty Images</p>", 1),
			"The first paragraph", "The last paragraph ends the story here.", []string{"Getty"}},
		{"tail caption and fan-page promotion", "測試新聞標題在這裡出現", zhText + `<p>&gt;&gt;加入蘋果日報粉絲團94即時94狂！</p>
<figure><img src="/p/2.jpg"><figcaption>台中市賴姓女子酒後與男友發生口角後，從5樓租屋處墬落身亡。王煌忠攝</figcaption></figure>`,
			"第一段正文", "这是最后一句话。", []string{"粉絲團", "墬落"}},
		{"comment section longer than the text", "測試新聞標題在這裡出現", zhText + `<section class="comments"><h4>發表意見</h4><ul>
<li>中時電子報對留言系統使用者發布的文字、圖片或檔案保有片面修改或移除的權利，使用者同意配合下述規定。</li>
<li>請勿重覆刊登一樣的文章，或大意內容相同、類似的文章，也不要刊登與主題無相關之內容，謝謝大家的配合。</li>
<li>發言涉及攻擊、侮辱、影射或其他有違社會善良風俗、社會正義、國家安全、政府法令之內容，本網站將會直接移除。</li>
<li>請確認發表或回覆的內容未侵害到他人的著作權、商標、專利等權利，版權法律責任將由使用者自行承擔，謝謝。</li></ul></section>`,
			"第一段正文", "这是最后一句话。", []string{"留言系統"}},
		{"related list of linked headlines", "測試新聞標題在這裡出現", zhText + `<section><ul><li><a href="/n/1"><p>謠言終結站》潛艦顧問沒經驗？ 海軍：有心人刻意放話</p></a></li>
<li><a href="/n/2"><p>謠言終結站》綠色馬鈴薯就是有毒？食藥署說話了！</p></a></li></ul><a href="/topic">... more</a></section>`,
			"第一段正文", "这是最后一句话。", []string{"謠言終結站"}},
		{"status messages and player chrome before the text", "测试新闻标题在这里出现", `<p>Verifying your credentials...</p><p>Please wait.</p>
<p>《蓝羽会客厅》之《北京影人》5月20日起电影频道22:00播出 时长：01:45 来源：电影网</p><p>很抱歉，当前视频播放失败</p><p>错误代码：QVS.4100</p>` + zhText,
			"第一段正文", "这是最后一句话。", []string{"Verifying", "播放失败", "QVS"}},
		{"series note and social follow after the text", "A headline for the test story", enText + `<p>The story is part of a special series that explores energy issues. For more, visit The Great Energy Challenge.</p>
<p>On Twitter: Follow Wendy Koch and get more environment and energy coverage at NatGeoEnergy.</p>`,
			"The first paragraph", "The last paragraph ends the story here.", []string{"Twitter", "series"}},
		{"long author note before the text", "A headline for the test story", `<p>Alexia Tsotsis currently works for the site as a writer. She is also a blogger who attended the University of Southern California in Los Angeles, CA. She majored in Writing and Art, moving to New York City shortly after graduation to work in the Entertainment/Media industry. After four years of living in New York City and attending courses at New York University she moved back.</p>` + enText,
			"The first paragraph", "The last paragraph ends the story here.", []string{"Tsotsis"}},
		{"hotline lines after the last sentence in one block", "測試新聞標題在這裡出現", strings.Replace(zhText, "这是最后一句话。</p>", `这是最后一句话。（王煌忠／台中報導）<span style="display:block;height:1em;"></span><strong>《蘋果》關心你</strong><br>自殺解決不了問題，卻留給家人無比悲痛。請珍惜生命。<br>再給自己一次機會<br>自殺防治諮詢安心專線：0800-788995（24小時）<br>生命線協談專線：1995</p>`, 1),
			"第一段正文", "这是最后一句话。（王煌忠／台中報導）", []string{"關心你", "珍惜生命", "專線"}},
		{"buttons in a figure inside the text", "測試新聞標題在這裡出現", strings.Replace(zhText, "</p>", `</p><figure><img src="/p/3.jpg"><figcaption>警消醫護趕到現場搶救。記者陳嘉寧／攝影</figcaption> 分享 <div><ul><li>facebook</li></ul></div></figure>`, 1),
			"第一段正文", "这是最后一句话。", []string{"分享", "facebook"}},
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
	a = bodyOf(t, 23, "A headline for the test story", enText+`<p class="paywall">You don’t own these.</p><div class="paywall"><p>Subscribe now to keep reading.</p></div>`)
	if !strings.HasSuffix(a.BodyText, "You don’t own these.") {
		t.Errorf("body %q, want the short paywalled paragraph kept and the paywall prompt gone", tailOf(a.BodyText))
	}
	a = bodyOf(t, 22, "A headline for the test story", enText+`<p>On Twitter, the founder appealed for the public's help with any photos or video of the failure.</p>`)
	if !strings.HasSuffix(a.BodyText, "video of the failure.") {
		t.Errorf("body %q, want the sentence opened by 'On Twitter,' kept", tailOf(a.BodyText))
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

// TestHeadlineArticleBody reads the body from the <article> element that
// holds the headline when readability picks text wholly outside it (a
// stream of other stories with longer summaries than a short wire story).
func TestHeadlineArticleBody(t *testing.T) {
	stream := ""
	for i := 0; i < 6; i++ {
		stream += `<li><h4><a href="/s/` + fmt.Sprint(i) + `">納達爾現身練球6千人爭睹 打不打法網就將揭曉</a></h4>
<p>（法新社巴黎21日電） 網球名將納達爾昨天現身法國公開賽球場練球，今年參賽與否23日大會抽籤時即可揭曉。他生涯傷痛不斷，至今共缺席12場大滿貫賽事，今年能否參賽仍是未知數，球迷十分關注。</p></li>`
	}
	page := `<html><body><main><article class="story"><header><h1>義大利公開賽 茲韋列夫封王</h1></header>
<div class="story-body"><p>（法新社羅馬19日電） 德國網球好手茲韋列夫今天在義大利網球公開賽決賽擊敗對手，第二度在羅馬封王。</p>
<p>他賽後表示：「羅馬對我來說是意義非凡的地方。」</p></div></article>
<div id="more-stories"><ul>` + stream + `</ul></div></main></body></html>`
	a, err := Article([]byte(page), "https://example.com/hk/1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.BodyText, "（法新社羅馬19日電）") || strings.Contains(a.BodyText, "納達爾") {
		t.Errorf("body %q, want the article's own text", headOf(a.BodyText))
	}
}

// TestWidgetInsideText removes a "Most Popular" box set between the
// paragraphs of a long article without cutting the text after it, and
// keeps a paywalled paragraph that ends with a closing quote.
func TestWidgetInsideText(t *testing.T) {
	para := `<p class="paywall">The checkpoint closed at noon, and the men who had waited since the morning were sent back to their homes without a word of explanation.</p>`
	page := `<html><body><h1>A headline for the widget test</h1><article>` + strings.Repeat(para, 6) +
		`<div class="box"><h3>Most Popular</h3><ul><li><a href="/a">One story</a></li><li><a href="/b">Another story</a></li></ul></div>` +
		strings.Repeat(para, 4) + `<p class="paywall">He says: ‘We cannot accept this because it doesn’t work, and we will say so to everyone who asks us.’</p></article></body></html>`
	a, err := Article([]byte(page), "https://example.com/w/1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.BodyText, "Most Popular") || strings.Contains(a.BodyText, "Another story") ||
		!strings.HasSuffix(a.BodyText, "everyone who asks us.’") {
		t.Errorf("body ends %q (widget kept or text cut)", tailOf(a.BodyText))
	}
}

// TestDeckUnderLabelAtStart drops a lead block that repeats the deck
// (here JSON-LD alternativeHeadline) under a label word, though the deck
// is a sentence.
func TestDeckUnderLabelAtStart(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ayrault assume sa méthode",
"alternativeHeadline":"Après une semaine agitée, le Premier ministre s'est offert un succès d'estrade."}</script></head>
<body><h1>Ayrault assume sa méthode</h1><article><p><span>Analyse</span> Après une semaine agitée, le Premier ministre s'est offert un succès d'estrade.</p>` +
		enText + `</article></body></html>`
	a, err := Article([]byte(page), "https://example.com/fr/1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.BodyText, "The first paragraph") {
		t.Errorf("body %q, want the deck gone", headOf(a.BodyText))
	}
}

// TestContributorsLineKept keeps the contributors sentence that closes a
// story, inside the text's container or printed just after it.
func TestContributorsLineKept(t *testing.T) {
	for i, tail := range []string{
		`</div><p>CNN's Christine Romans and Emily Jane Fox contributed to this report</p>`,
		`</div><div id="pnlContributors"><p>CNN's Christine Romans and Emily Jane Fox contributed to this report</p></div>
<p>The-CNN-Wire<br>™ &amp; © 2013 Cable News Network, Inc. All rights reserved.</p>`,
	} {
		page := `<html><body><h1>A headline for the contributors test</h1><div class="entry"><div class="text">` + enText + tail + `</div></body></html>`
		a, err := Article([]byte(page), fmt.Sprintf("https://example.com/c/%d.html", i), feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(a.BodyText, "contributed to this report") {
			t.Errorf("case %d: body ends %q, want the contributors line", i, tailOf(a.BodyText))
		}
	}
}
