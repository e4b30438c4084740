package extract

import (
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// snippet extracts a small hand-written page with no rules.
func snippet(t *testing.T, page string) feedsvc.Article {
	t.Helper()
	a, err := Article([]byte(page), "https://news.example.com/2024/05/13/a1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// para is body text long enough for the body locator.
const para = `<p>The council approved the new port plan on Monday after a long debate, and the works are expected to start next spring with funding from the regional budget.</p>
<p>Residents of the harbour district said they welcomed the decision but asked for more details on traffic, noise and the timetable of the construction work.</p>
<p>The mayor said a public meeting would be held next month to present the plan and to answer the questions of the people who live near the port.</p>`

func TestPublishedDateOnlyMetaLosesToTimedLine(t *testing.T) {
	a := snippet(t, `<html><head><meta name="publishdate" content="2024-05-13"><title>港口扩建获批</title></head><body>
<h1>港口扩建获批</h1><div class="info"><p>2024-05-13 13:48</p><p>来源：中国网</p></div><div class="content">`+para+`</div></body></html>`)
	if a.PublishedRaw != "2024-05-13 13:48" {
		t.Errorf("PublishedRaw = %q, want the info line's 2024-05-13 13:48", a.PublishedRaw)
	}
}

func TestMetaValueAttribute(t *testing.T) {
	a := snippet(t, `<html><head><meta value="2016-12-23T00:47:31Z" name="article:published_time"><title>Port plan approved</title></head><body>
<h1>Port plan approved</h1><div class="content">`+para+`</div></body></html>`)
	if a.PublishedRaw != "2016-12-23T00:47:31Z" {
		t.Errorf("PublishedRaw = %q, want the meta tag's value attribute", a.PublishedRaw)
	}
}

func TestTitleChoice(t *testing.T) {
	tests := []struct {
		name, head, h1s, want string
	}{
		{"navigation h1 before the headline", `<title>港口扩建获批 _光明网</title>`,
			`<h1>全部导航</h1><h1>港口扩建获批</h1>`, "港口扩建获批"},
		{"og:title with a site suffix loses to the h1", `<meta property="og:title" content="Port plan approved | City News"><title>Port plan approved | City News</title>`,
			`<h1>Port plan approved</h1>`, "Port plan approved"},
		{"og:title teaser loses to the h1 the title confirms", `<meta property="og:title" content="It has been a rough month for the port"><title>What's the hold-up at the port?</title>`,
			`<h1>What’s the hold-up at the port?</h1>`, "What’s the hold-up at the port?"},
		{"masthead h1 equal to the site name", `<meta property="og:site_name" content="City News"><meta property="og:title" content="Port plan approved"><title>Port plan approved - City News</title>`,
			`<h1>City News</h1>`, "Port plan approved"},
		{"title suffixes without h1", `<title>港口扩建获批_数据_宏观频道首页_财经网 - CAIJING.COM.CN</title>`, ``, "港口扩建获批"},
		{"bare hyphen between CJK", `<title>静夜思•夜-中国诗歌网</title>`, ``, "静夜思•夜"},
		{"double dash channel", `<title>港口扩建获批（权威发布）--经济·科技--人民网</title>`, ``, "港口扩建获批（权威发布）"},
		{"hyphenated words stay", `<title>Can't-Miss Gadgets for a well-known port</title>`, ``, "Can't-Miss Gadgets for a well-known port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := snippet(t, `<html><head>`+tt.head+`</head><body>`+tt.h1s+`<div class="content">`+para+`</div></body></html>`)
			if a.Title != tt.want {
				t.Errorf("Title = %q, want %q", a.Title, tt.want)
			}
		})
	}
}

func TestTitleWithoutHeadlineFallsBackToH1(t *testing.T) {
	a := snippet(t, `<html><head><title>-铜雀历史网</title></head><body><div class="nav"><a href="/">首页</a></div>
<h1>港口扩建获批</h1><div class="content">`+para+`</div></body></html>`)
	if a.Title != "港口扩建获批" {
		t.Errorf("Title = %q, want the h1", a.Title)
	}
}

func TestPublishedEvidenceForms(t *testing.T) {
	tests := []struct {
		name, head, header, want string
	}{
		{"og:article:published_time", `<meta property="og:article:published_time" content="2019-05-07T11:59:43+00:00">`, ``, "2019-05-07T11:59:43+00:00"},
		{"hAtom published abbr", ``, `<div class="postTime"><abbr class="published updated" title="2010-08-13T16:39:00-04:00">Aug 13, 2010 – 4:39 PM</abbr></div>`, "2010-08-13T16:39:00-04:00"},
		{"three-digit offset", ``, `<span itemprop="datePublished" content="2018-10-29T10:15-500">October 29</span>`, "2018-10-29T10:15-05:00"},
		{"dateline with a zone name", ``, `<p class="date">September 20, 2011, 6:37 PM EDT</p>`, "2011-09-20 18:37 EDT"},
		{"generic US zone, only an update line", ``, `<p class="date">Updated: August 13, 2010, 5:02 PM ET</p>`, "2010-08-13 17:02 EDT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := snippet(t, `<html><head>`+tt.head+`<title>Port plan approved</title></head><body><h1>Port plan approved</h1>`+
				tt.header+`<div class="content">`+para+`</div></body></html>`)
			if a.PublishedRaw != tt.want {
				t.Errorf("PublishedRaw = %q, want %q", a.PublishedRaw, tt.want)
			}
		})
	}
}

func TestPublishedFromScriptsAndCambrian(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"JSON member in a page script", `<script>window.DATA = {"media":"经济日报","pubtime":"2024-05-13 06:16:25","tags":""};</script>`, "2024-05-13 06:16:25"},
		{"JS variable holding a Unix time", `<script>var nickname = "x"; var ct = "1659274471"; var user_name = "gh";</script>`, "2022-07-31T13:34:31Z"},
		{"window variable", `<script>window.currentPostDateAdded = '2024-05-09 14:45';</script>`, "2024-05-09 14:45"},
		{"cambrian JSON-LD", `<script type="application/ld+json">{"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld", "title": "港口扩建获批", "pubDate":"2021-01-20 04:29:44", "upDate":"2023-12-27T17:36:02"}</script>`, "2021-01-20 04:29:44"},
		{"og:time meta", `<meta name="og:time " content="2024-01-25 18:03:35">`, "2024-01-25 18:03:35"},
		{"a script date does not beat meta", `<meta property="article:published_time" content="2024-05-12T08:00:00+08:00"><script>var pubtime = "2024-05-20 10:00";</script>`, "2024-05-12T08:00:00+08:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := snippet(t, `<html><head>`+tt.head+`<title>港口扩建获批</title></head><body><h1>港口扩建获批</h1><div class="content">`+para+`</div></body></html>`)
			if a.PublishedRaw != tt.want {
				t.Errorf("PublishedRaw = %q, want %q", a.PublishedRaw, tt.want)
			}
		})
	}
}

func TestPageLanguage(t *testing.T) {
	en := "The council approved the new port plan on Monday, and the works that were expected for this year would start with funding from the regional budget, which is said to have been agreed by the members of the board."
	tests := []struct {
		name, declared, text, want string
	}{
		{"declared tag kept", "fr", "Le conseil a approuvé le plan du port lundi.", "fr"},
		{"template en on a Chinese text", "en-US", "港口扩建获批，工程预计明年春天开工，资金来自地区预算。", "zh"},
		{"charset in lang is no tag", "utf-8", "港口扩建获批，工程预计明年春天开工。", "zh"},
		{"undeclared English text", "", en, "en"},
		{"undeclared French text is not guessed", "", "Le conseil municipal a approuvé lundi le nouveau plan du port, et les travaux devraient commencer au printemps prochain avec un financement du budget régional selon les membres du conseil et les habitants du quartier du port qui ont demandé plus de détails.", ""},
		{"Chinese with English terms", "", "对于Docker和Podman的一点使用经验：容器镜像的构建与运行", "zh"},
	}
	for _, tt := range tests {
		if got := pageLanguage(tt.declared, tt.text); got != tt.want {
			t.Errorf("%s: pageLanguage(%q) = %q, want %q", tt.name, tt.declared, got, tt.want)
		}
	}
}

func TestSubtitleDek(t *testing.T) {
	long := "A Home Depot executive discusses the retailer's strategy for engaging consumers via Facebook, Twitter, and blogs, relying on store associates for much of the social interaction"
	tests := []struct {
		name, after, want string
	}{
		{"long h2 under the headline", `<h2>` + long + `</h2>`, long},
		{"dek inside a longer class name", `<div class="ArticleLayoutComponent_dek__Yy5TX"><p class="ArticleDek_root__R8OvU">The city has never used the system this way.</p></div>`, "The city has never used the system this way."},
		{"id naming a subtitle", `<div id="mod-article-subtitle"><h2>Lobbying appears to elicit little sympathy.</h2></div>`, "Lobbying appears to elicit little sympathy."},
		{"a plain paragraph is no dek", `<p class="intro-text">The council met on Monday.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := snippet(t, `<html><head><title>Port plan approved</title></head><body><div class="head"><h1>Port plan approved</h1>`+tt.after+`</div><div class="content">`+para+`</div></body></html>`)
			if a.Subtitle != tt.want {
				t.Errorf("Subtitle = %q, want %q", a.Subtitle, tt.want)
			}
		})
	}
}

func TestReleaseDateAndInfoLineSubtitle(t *testing.T) {
	a := snippet(t, `<html><head><meta name="og:release_date" content="2024-05-08 23:23:53"><title>港口扩建获批</title></head><body>
<div class="head"><h1>港口扩建获批</h1><h4><span>原创：</span><span>某健康网</span><span>2024-04-23 12:27:25</span></h4></div>
<div class="related"><span>2024-05-07 16:16</span></div><div class="content">`+para+`</div></body></html>`)
	if a.PublishedRaw != "2024-05-08 23:23:53" {
		t.Errorf("PublishedRaw = %q, want og:release_date", a.PublishedRaw)
	}
	if a.Subtitle != "" {
		t.Errorf("Subtitle = %q, want none: a line with a timestamp is an info line", a.Subtitle)
	}
}

func TestSubtitleDekAfterShareBar(t *testing.T) {
	tests := []struct {
		name, header, want string
	}{
		{"class deck after a share bar", `<div class="share"><span>Share</span></div><h2 class="deck">Average price of a home was $640,479</h2>`, "Average price of a home was $640,479"},
		{"data name standfirst", `<figure><img src="/a.jpg"></figure><div data-gu-name="standfirst"><p>Distrust pervades the protest site.</p></div>`, "Distrust pervades the protest site."},
		{"no dek element", `<div class="share"><span>Share</span></div><p class="byline">By Ann Lee</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := snippet(t, `<html><head><title>Port plan approved</title></head><body><header><h1>Port plan approved</h1>`+tt.header+`</header><div class="content">`+para+`</div></body></html>`)
			if a.Subtitle != tt.want {
				t.Errorf("Subtitle = %q, want %q", a.Subtitle, tt.want)
			}
		})
	}
}

func TestPublishedFromDateClass(t *testing.T) {
	a := snippet(t, `<html><head><meta name="publishdate" content="2024-05-15"><title>港口扩建获批</title></head><body>
<h1>港口扩建获批</h1><div class="info"><span class="time">2024-05-15 08:58:52</span><i>来源：</i><span>新华网</span></div>
<div class="content">`+para+`</div><ul class="related"><li><span class="time">2024-05-16 10:00:00</span></li></ul></body></html>`)
	if a.PublishedRaw != "2024-05-15 08:58:52" {
		t.Errorf("PublishedRaw = %q, want the span.time before the body", a.PublishedRaw)
	}
}

// TestSoleTimeElement reads the page's only <time datetime> as the
// published time wherever it stands (a date in words is canonicalised),
// and ignores <time> elements when the page has several.
func TestSoleTimeElement(t *testing.T) {
	body := `<p>The first paragraph of the story is long enough to be read as the text of the article, with commas, and more words.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>`
	page := func(times string) string {
		return `<html><body><div class="top">` + times + `</div><h1>A headline for the time element test</h1><article>` + body + `</article></body></html>`
	}
	tests := []struct{ times, want string }{
		{`<div class="fecha"><time datetime="jueves, 09 enero 2014 10:21">jueves, 09 enero 2014</time></div>`, "2014-01-09 10:21"},
		{`<time datetime="2014-01-09T10:21:00+01:00">9 Jan</time>`, "2014-01-09T10:21:00+01:00"},
		{`<time datetime="2014-01-09T10:21:00+01:00">9 Jan</time><time datetime="2014-01-08T10:21:00+01:00">8 Jan</time>`, ""},
	}
	for _, tt := range tests {
		a, err := Article([]byte(page(tt.times)), "https://example.com/n/5.html", feedsvc.ArticleRules{})
		if err != nil {
			t.Fatal(err)
		}
		if a.PublishedRaw != tt.want {
			t.Errorf("%s: published %q, want %q", tt.times, a.PublishedRaw, tt.want)
		}
	}
}
