package extract

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/labels"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// TestArticleTemplates runs the generic path on small hand-written pages
// in other templates than the fixtures' CMS.
func TestArticleTemplates(t *testing.T) {
	tests := []struct {
		name, file, url                   string
		title, kicker, subtitle           string
		source, editor, section, language string
		authors, photographers            []string
		publishedUTC                      string
		captions                          []string // one per expected image
		first, last                       string
		mustNot                           []string
	}{
		{name: "html5 article with time and figure", file: "html5-article.html", url: "https://lejournal.example/culture/2024/03/05/bibliotheque",
			title: "La bibliothèque rouvre ses portes", kicker: "Patrimoine",
			subtitle: "Après deux ans de travaux, le bâtiment accueille de nouveau le public",
			source:   "Le Journal", editor: "Louise Michel", language: "fr",
			authors: []string{"Marie Curie", "Pierre Dupont"}, photographers: []string{"Jean Martin"},
			publishedUTC: "2024-03-05T09:20:00Z", captions: []string{"La nouvelle salle de lecture. Photo: Jean Martin"},
			first: "La bibliothèque municipale a rouvert ses portes samedi matin", last: "des ateliers pour les familles.",
			mustNot: []string{"Partager", "Edited by", "By Marie", "5 mars 2024", "Patrimoine"}},
		{name: "date only in text", file: "textdate-article.html", url: "https://news.example.cn/news/2024/0305/1001.html",
			title: "春季植树活动在城郊举行", source: "某某日报", editor: "赵敏", language: "zh",
			authors: []string{"张伟", "李娜"}, publishedUTC: "2024-03-05T02:20:00Z",
			first: "3月4日，市总工会组织近百名职工志愿者", last: "成为职工喜爱的公益品牌活动。",
			mustNot: []string{"发布时间", "稿源", "作者", "编辑：", "首页"}},
		{name: "wire copy with source after the body", file: "wire-article.html", url: "https://www.example.cn/tech/2024-04/01/c_1130.htm",
			title: "我国成功发射一颗新型卫星", source: "新华社", language: "zh-CN",
			authors: []string{"周明"}, publishedUTC: "2024-04-01T01:15:00Z",
			first: "新华社酒泉4月1日电（记者 周明）", last: "标志着相关技术日趋成熟。",
			mustNot: []string{"来源", "更多新闻"}},
		{name: "photo story", file: "photo-story.html", url: "https://pic.example.cn/2024/02/20/900.shtml",
			title: "组图：雪后故宫", source: "某某图片网", language: "zh-CN",
			photographers: []string{"王强", "刘芳"}, publishedUTC: "2024-02-20T00:00:00Z",
			captions: []string{"雪后的故宫角楼。王强 摄", "红墙白雪相映成趣。王强 摄", "游客在太和殿前拍照留念。刘芳 摄"},
			first:    "雪后的故宫角楼。", last: "吸引众多游客前来观赏。",
			mustNot: []string{"来源：", "2024-02-20 08:00"}},
		{name: "html5 header with byline and wire credits", file: "wire-html5-header.html", url: "https://news.example.com/markets/rates-hold-2024-03-05/",
			title: "Central bank holds rates steady as inflation cools", source: "Reuters", editor: "Mark Smith", language: "en",
			authors: []string{"Jane Doe", "John Roe"}, publishedUTC: "2024-03-05T14:30:00Z",
			first: "LONDON, March 5 (Reuters) - The central bank held", last: "against the dollar.",
			mustNot: []string{"Reporting by", "Editing by", "All rights reserved", "Home"}},
		{name: "traditional chinese labels", file: "traditional-article.html", url: "https://www.example.tw/news/aipl/202403050123.aspx",
			title: "行政院通過新住宅補貼方案", source: "中央社", editor: "李四", language: "zh-Hant-TW",
			authors: []string{"王小明"}, photographers: []string{"林大華"}, publishedUTC: "2024-03-05T06:30:00Z",
			first: "（中央社記者王小明台北5日電）", last: "才能真正減輕年輕世代的居住壓力。",
			mustNot: []string{"發布時間", "來源", "記者：", "攝影", "責任編輯", "編輯：", "關於我們"}},
		{name: "legacy tables and font", file: "legacy-article.html", url: "http://www.example-wb.cn/wenhua/200906/18/t20090618_5511.html",
			title: "老厂房变身文化园", source: "晚报", editor: "孙丽", section: "文化", language: "zh",
			authors: []string{"陈刚"}, publishedUTC: "2009-06-18T07:32:07Z",
			first: "本报讯 昨天，位于城东的老纺织厂厂房经过改造", last: "并定期举办展览和市集活动。",
			mustNot: []string{"责任编辑", "孙丽", "版权所有", "您现在的位置", "来源：", "作者："}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Article(localPage(t, tt.file), tt.url, feedsvc.ArticleRules{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct{ field, got, want string }{
				{"title", got.Title, tt.title}, {"kicker", got.Kicker, tt.kicker},
				{"subtitle", got.Subtitle, tt.subtitle}, {"source", got.Source, tt.source},
				{"editor", got.Editor, tt.editor}, {"section", got.Section, tt.section},
				{"language", got.Language, tt.language},
			} {
				if labels.Clean(f.got) != f.want {
					t.Errorf("%s: got %q, want %q", f.field, f.got, f.want)
				}
			}
			if !slices.Equal(got.Authors, tt.authors) {
				t.Errorf("authors: got %q, want %q", got.Authors, tt.authors)
			}
			if !slices.Equal(got.Photographers, tt.photographers) {
				t.Errorf("photographers: got %q, want %q", got.Photographers, tt.photographers)
			}
			want, _ := time.Parse(time.RFC3339, tt.publishedUTC)
			if d, ok := normalize.ParseDate(got.PublishedRaw, cst, refNow); !ok || !d.Equal(want) {
				t.Errorf("published: raw %q parsed to %v, want %v", got.PublishedRaw, d, want)
			}
			var caps []string
			for _, im := range got.Images {
				caps = append(caps, im.Caption)
			}
			if !slices.Equal(caps, tt.captions) {
				t.Errorf("image captions: got %q, want %q", caps, tt.captions)
			}
			body := labels.Clean(got.BodyText)
			if !strings.HasPrefix(body, tt.first) || !strings.HasSuffix(body, tt.last) {
				t.Errorf("body: got %q, want it to start %q and end %q", body, tt.first, tt.last)
			}
			for _, s := range tt.mustNot {
				if strings.Contains(body, s) {
					t.Errorf("body contains %q", s)
				}
			}
		})
	}
}

// TestPhotoStoryImagesExcludeFurniture checks lazy images win over
// placeholders and logos/share icons are dropped.
func TestPhotoStoryImagesExcludeFurniture(t *testing.T) {
	got, err := Article(localPage(t, "photo-story.html"), "https://pic.example.cn/2024/02/20/900.shtml", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://pic.example.cn/pic/2024/02/20/a1.jpg", "https://pic.example.cn/pic/2024/02/20/a2.jpg",
		"https://pic.example.cn/pic/2024/02/20/a3.jpg"}
	var urls []string
	for _, im := range got.Images {
		urls = append(urls, im.URL)
	}
	if !slices.Equal(urls, want) {
		t.Errorf("images: got %q, want %q", urls, want)
	}
}
