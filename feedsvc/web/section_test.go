package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func doc(t *testing.T, body string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSectionPageContent(t *testing.T) {
	p := newTestPages(t, testBase)
	res, body := get(t, p, "/sections/zgyl")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status: got %d, want 200: %s", res.StatusCode, body)
	}
	d := doc(t, body)
	if got, want := d.Find("html").AttrOr("lang", ""), "zh-CN"; got != want {
		t.Errorf("html lang: got %q, want %q", got, want)
	}
	if got := d.Find("meta[name=viewport]").Length(); got != 1 {
		t.Errorf("viewport meta: got %d, want 1", got)
	}
	arts := d.Find("main article")
	if got := arts.Length(); got != 2 {
		t.Fatalf("articles: got %d, want 2", got)
	}
	// Newest first: the English article (12:00Z) precedes the Chinese one.
	zh := arts.Eq(1)
	checks := []struct{ name, got, want string }{
		{"kicker", zh.Find("hgroup > p.kicker").Text(), "在文化传承中守正创新"},
		{"headline", zh.Find("hgroup > h2 > a").Text(), "非遗焕新彩 匠心绘未来"},
		{"headline link", zh.Find("hgroup > h2 > a").AttrOr("href", ""), "https://www.workercn.cn/c/2023-11-15/8040001.shtml"},
		{"subtitle", zh.Find("hgroup > p.subtitle").Text(), "多地探索非遗保护与产业融合发展新路径"},
		{"date in section zone", zh.Find("time").Text(), "2023-11-15 07:24 CST"},
		{"datetime attr", zh.Find("time").AttrOr("datetime", ""), "2023-11-15T07:24:00+08:00"},
		{"image alt", zh.Find("img").AttrOr("alt", ""), "非遗传承人在工作"},
		{"image lazy", zh.Find("img").AttrOr("loading", ""), "lazy"},
		{"image referrer", zh.Find("img").AttrOr("referrerpolicy", ""), "no-referrer"},
		{"caption", zh.Find("figcaption").Text(), "传承人展示作品"},
		{"summary", zh.Find("p.summary").Text(), "近年来，各地非遗保护工作取得新进展。"},
		{"english article lang", arts.Eq(0).AttrOr("lang", ""), "en"},
		{"chinese article lang", zh.AttrOr("lang", "(none)"), "(none)"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	meta := zh.Find("p.meta").Text()
	for _, want := range []string{"来源：工人日报", "李丰、张三"} {
		if !strings.Contains(meta, want) {
			t.Errorf("meta line %q lacks %q", meta, want)
		}
	}
}

func TestSectionPageFeedLinks(t *testing.T) {
	p := newTestPages(t, testBase)
	_, body := get(t, p, "/sections/zgyl")
	d := doc(t, body)
	tests := []struct{ name, typ, want string }{
		{"rss", "application/rss+xml", "https://feeds.example/sections/zgyl/rss"},
		{"atom", "application/atom+xml", "https://feeds.example/sections/zgyl/atom"},
		{"json", "application/feed+json", "https://feeds.example/sections/zgyl/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			link := d.Find(`head link[rel=alternate][type="` + tt.typ + `"]`)
			if got := link.AttrOr("href", ""); got != tt.want {
				t.Errorf("discovery href: got %q, want %q", got, tt.want)
			}
			if link.AttrOr("title", "") == "" {
				t.Error("discovery link has no title")
			}
			input := d.Find(`header ul.feeds input[value="` + tt.want + `"]`)
			if input.Length() != 1 {
				t.Fatalf("header shows %d inputs with %q, want 1", input.Length(), tt.want)
			}
			id := input.AttrOr("id", "")
			if got := d.Find(`button[data-copy="` + id + `"]`).Length(); got != 1 {
				t.Errorf("copy buttons for %q: got %d, want 1", id, got)
			}
		})
	}
	if got, want := d.Find(`head link[rel=hub]`).AttrOr("href", ""), "https://hub.example/"; got != want {
		t.Errorf("hub: got %q, want %q", got, want)
	}
}

func TestSectionPageEscapes(t *testing.T) {
	p := newTestPages(t, testBase)
	_, body := get(t, p, "/sections/world")
	if n := strings.Count(body, "<script"); n != 1 {
		t.Errorf("got %d <script elements, want only the page's own 1", n)
	}
	for _, bad := range []string{"<b>now</b>", "<img src=x", "World <News>"} {
		if strings.Contains(body, bad) {
			t.Errorf("unescaped %q in page", bad)
		}
	}
	d := doc(t, body)
	art := d.Find(`main article:has(a[href="https://example.org/world/attack"])`)
	if got, want := art.Find("h2 a").Text(), `<script>alert("x")</script> Breaking & "quoted"`; got != want {
		t.Errorf("headline text: got %q, want %q", got, want)
	}
	if got, want := art.Find("time").Text(), "2023-11-15 07:00 EST"; got != want {
		t.Errorf("date in America/New_York: got %q, want %q", got, want)
	}
	if got, want := d.Find("h1").Text(), "World <News>"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
}

func TestSectionPageSummaryFallback(t *testing.T) {
	p := newTestPages(t, testBase)
	_, body := get(t, p, "/sections/world")
	d := doc(t, body)
	got := d.Find(`main article:has(a[href="https://example.org/world/old"]) p.summary`).Text()
	if want := "Body text that becomes the summary when none is given."; got != want {
		t.Errorf("summary from body: got %q, want %q", got, want)
	}
}
