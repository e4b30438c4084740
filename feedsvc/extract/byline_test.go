package extract

import (
	"reflect"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// bylinePage extracts a small page and fails the test on error.
func bylinePage(t *testing.T, head, byline string) feedsvc.Article {
	t.Helper()
	body := `<p>` + repeatText("The council voted on Tuesday to approve the new budget for the coming year. ", 6) + `</p>`
	a, err := Article([]byte(`<html><head>`+head+`</head><body><article><h1>Budget approved</h1>`+byline+body+`</article></body></html>`),
		"https://news.example.com/2023/11/15/budget.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func repeatText(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestMetaValueAttributeAuthor(t *testing.T) {
	a := bylinePage(t, `<meta name="author" value="Lisa de Moraes">`, "")
	if want := []string{"Lisa de Moraes"}; !reflect.DeepEqual(a.Authors, want) {
		t.Errorf("authors = %q, want %q", a.Authors, want)
	}
}

func TestAuthorsEvidence(t *testing.T) {
	tests := []struct {
		name, head, byline string
		want               []string
	}{
		{"organisation meta author falls through to rel=author", `<meta name="author" content="ABC News">`,
			`<p class="by">By <a rel="author" href="/p/a">Ada Lovelace</a></p>`, []string{"Ada Lovelace"}},
		{"agency as author is no person", `<meta name="author" content="新华社">`, ``, nil},
		{"readability byline", ``, `<div class="byline">By Ada Lovelace and Alan Turing | Dec. 4, 2016</div>`,
			[]string{"Ada Lovelace", "Alan Turing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := bylinePage(t, tt.head, tt.byline); !reflect.DeepEqual(a.Authors, tt.want) {
				t.Errorf("authors = %q, want %q", a.Authors, tt.want)
			}
		})
	}
}

func TestPhotographersFromCredits(t *testing.T) {
	a := bylinePage(t, "", `<figure><img src="/a.jpg"><figcaption>The council chamber. <span class="caption-credit">Photograph: Stephanie Keith/Reuters</span></figcaption></figure>`)
	if want := []string{"Stephanie Keith"}; !reflect.DeepEqual(a.Photographers, want) {
		t.Errorf("photographers = %q, want %q", a.Photographers, want)
	}
	a = bylinePage(t, "", `<p>新华社记者 刘满仓 摄</p><p>新华社发</p>`)
	for _, p := range a.Photographers {
		if p == "新华社发" || p == "新华社" {
			t.Errorf("photographers = %q: an agency is no photographer", a.Photographers)
		}
	}
}

func TestStructuredAuthorRoleAndPlace(t *testing.T) {
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget approved","author":{"@type":"Person","name":"記者陳嘉寧／桃園機場報導"}}</script>`
	if a := bylinePage(t, ld, ""); !reflect.DeepEqual(a.Authors, []string{"陳嘉寧"}) {
		t.Errorf("authors = %q, want [陳嘉寧]", a.Authors)
	}
}

func TestOrganisationAuthorIsSource(t *testing.T) {
	a := bylinePage(t, `<meta property="og:site_name" content="Example Portal"><meta property="article:author" content="每日经济新闻">`, "")
	if a.Source != "每日经济新闻" || len(a.Authors) != 0 {
		t.Errorf("source = %q, authors = %q; want source 每日经济新闻 and no author", a.Source, a.Authors)
	}
	a = bylinePage(t, `<meta property="og:site_name" content="Example Portal"><meta name="author" content="CNN Wire">`, "")
	if a.Source != "CNN" {
		t.Errorf("source = %q, want CNN", a.Source)
	}
	a = bylinePage(t, `<meta property="og:site_name" content="Example Portal"><meta name="author" content="本网">`, "")
	if a.Source != "Example Portal" {
		t.Errorf("source = %q, want the site (本网 names no outlet)", a.Source)
	}
}

func TestEditorInMetaAuthorIsNoAuthor(t *testing.T) {
	a := bylinePage(t, `<meta name="author" content="刘峻凌">`, `<p>责任编辑：刘峻凌</p>`)
	if len(a.Authors) != 0 || a.Editor != "刘峻凌" {
		t.Errorf("authors = %q, editor = %q; want no author and editor 刘峻凌", a.Authors, a.Editor)
	}
}

func TestBylineElement(t *testing.T) {
	a := bylinePage(t, "", `<div class="lebyline"><span class="pubdate">October 14, 2009</span><span>|</span><span>Marc Lifsher</span></div>`)
	if want := []string{"Marc Lifsher"}; !reflect.DeepEqual(a.Authors, want) {
		t.Errorf("authors = %q, want %q", a.Authors, want)
	}
}

func TestPublisherSkipsChannel(t *testing.T) {
	for site, want := range map[string]string{"39健康网_饮食": "39健康网", "社會 - 中時": "中時", "政治 | 中央社 CNA": "中央社 CNA",
		"新华网河北频道-新华网": "新华网", "Yahoo! News": "Yahoo! News"} {
		if got := publisher(site); got != want {
			t.Errorf("publisher(%q) = %q, want %q", site, got, want)
		}
	}
}

func TestBylineElementForms(t *testing.T) {
	tests := []struct {
		name, head, byline string
		authors            []string
		source             string
	}{
		{"pull quote author is the person quoted", `<meta property="og:site_name" content="Example">`,
			`<div class="pull-quote"><blockquote>We agree.</blockquote><span class="author">Boris Kingma</span></div>`, nil, "Example"},
		{"author id and a handle", `<meta property="og:site_name" content="Example">`,
			`<a id="author_box" href="/u/1">私~川流</a>`, []string{"私~川流"}, "Example"},
		{"outlet beside the writers", `<meta property="og:site_name" content="Example">`,
			`<div class="article_byline"><div>By <span>Joe Davidson</span></div><div>Washington Post</div></div>`, []string{"Joe Davidson"}, "Washington Post"},
		{"medium in a platform's author box", `<meta property="og:site_name" content="Example">`,
			`<div class="author-info"><div class="author-info__name">中国新闻网</div><time>2024-05-20 13:09</time></div>`, nil, "中国新闻网"},
		{"labelled byline with an agency", `<meta property="og:site_name" content="Example">`,
			`<p>By:  Paul Wiseman, Fatima Hussein, The Associated Press</p>`, []string{"Paul Wiseman", "Fatima Hussein"}, "The Associated Press"},
		{"organisation in meta author", `<meta property="og:site_name" content="Example"><meta name="author" content="John Patrick Pullen, TIME">`,
			``, []string{"John Patrick Pullen"}, "TIME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := bylinePage(t, tt.head, tt.byline)
			if !reflect.DeepEqual(a.Authors, tt.authors) || a.Source != tt.source {
				t.Errorf("authors = %q, source = %q; want %q, %q", a.Authors, a.Source, tt.authors, tt.source)
			}
		})
	}
}

func TestStructuredAuthorsAgainstShownByline(t *testing.T) {
	ld := func(name string) string {
		return `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget approved","author":{"@type":"Person","name":"` + name + `"}}</script>`
	}
	tests := []struct {
		name, head, byline string
		want               []string
	}{
		{"shown byline names more", ld("Ada Lovelace"),
			`<p><a rel="author" href="/p/a">Ada Lovelace</a> and <a rel="author" href="/p/b">Alan Turing</a></p>`, []string{"Ada Lovelace", "Alan Turing"}},
		{"structured name the page never shows", ld("陳昱光"), `<div class="author">謝明俊</div>`, []string{"謝明俊"}},
		{"structured name the page shows stays", ld("Ada Lovelace"), `<div class="author">Grace Hopper</div><p>Ada Lovelace wrote.</p>`, []string{"Ada Lovelace"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := bylinePage(t, tt.head, tt.byline); !reflect.DeepEqual(a.Authors, tt.want) {
				t.Errorf("authors = %q, want %q", a.Authors, tt.want)
			}
		})
	}
}

func TestEditorsJoined(t *testing.T) {
	a := bylinePage(t, "", `<p>Editing by David Chance and Paul Simao</p>`)
	if a.Editor != "David Chance, Paul Simao" {
		t.Errorf("editor = %q, want David Chance, Paul Simao", a.Editor)
	}
	a = bylinePage(t, "", `<p>责任编辑：胡永秋、杨光宇</p>`)
	if a.Editor != "胡永秋 杨光宇" {
		t.Errorf("editor = %q, want 胡永秋 杨光宇", a.Editor)
	}
}
