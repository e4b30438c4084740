package normalize

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// countParses runs f and returns how many HTML parses normalize made.
func countParses(t *testing.T, f func()) int {
	t.Helper()
	n := 0
	parseHook = func() { n++ }
	defer func() { parseHook = nil }()
	f()
	return n
}

// TestOneParsePerContent: a feed item's content is parsed once, for the
// labelled lines, sanitizing, text, images and captions alike; only when
// bluemonday changes the prepared markup is its output parsed once more.
func TestOneParsePerContent(t *testing.T) {
	src := &feedsvc.Source{ID: "s", URL: "https://news.example/feed"}
	now := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	a := feedsvc.Article{
		Title: "市总工会举办职工读书季", URL: "/a/1.html",
		ContentHTML: `<p>本报记者 张伟</p><p>本报讯 市总工会今天启动职工读书季活动。</p>` +
			`<figure><img src="/p/1.jpg" alt="现场"><figcaption>活动现场 <b>李堃</b> 摄</figcaption></figure>` +
			`<p>活动持续三个月。</p><p>读本同时发放。</p><p>全市职工均可参加。（来源：工人日报）</p><p>责任编辑：王芳</p>`,
	}
	var out []feedsvc.Article
	n := countParses(t, func() { out = Articles([]feedsvc.Article{a}, Options{Source: src, Now: now}) })
	if n != 1 {
		t.Errorf("%d HTML parses for one content, want 1", n)
	}
	got := out[0]
	if got.Editor != "王芳" || got.Source != "工人日报" || !slices.Equal(got.Authors, []string{"张伟"}) {
		t.Errorf("labelled lines: editor %q source %q authors %q", got.Editor, got.Source, got.Authors)
	}
	if len(got.Images) != 1 || got.Images[0].URL != "https://news.example/p/1.jpg" || got.Images[0].Caption != "活动现场 李堃 摄" {
		t.Errorf("images %+v", got.Images)
	}
	for _, gone := range []string{"责任编辑", "本报记者", "来源"} {
		if strings.Contains(got.ContentHTML, gone) || strings.Contains(got.BodyText, gone) {
			t.Errorf("content keeps %q: %s / %s", gone, got.ContentHTML, got.BodyText)
		}
	}
	if !strings.HasPrefix(got.BodyText, "本报讯 市总工会今天启动职工读书季活动。\n\n") || got.Language != "zh" {
		t.Errorf("body text %q language %q", got.BodyText, got.Language)
	}

	// A producer that set body text and images (extract) needs no second
	// parse; plain text needs none at all.
	a.BodyText, a.Images = "text", []feedsvc.Image{{URL: "https://news.example/p/2.jpg"}}
	a.ContentHTML = `<p>Plain <b>text</b>.</p><img src="/p/2.jpg">`
	if n := countParses(t, func() { Articles([]feedsvc.Article{a}, Options{Source: src, Now: now}) }); n != 1 {
		t.Errorf("%d parses with body text and images set, want 1", n)
	}
	// An attribute value the allow-list rejects is dropped before
	// sanitizing (dropRejected), as bluemonday would drop it: no second
	// parse.
	a.BodyText, a.Images = "", nil
	a.ContentHTML = `<p>Text.</p><img src="/p/3.jpg" alt="say &quot;cheese&quot;">`
	if n := countParses(t, func() { out = Articles([]feedsvc.Article{a}, Options{Source: src, Now: now}) }); n != 1 {
		t.Errorf("%d parses when the alt text is rejected, want 1", n)
	}
	if len(out[0].Images) != 1 || out[0].Images[0].Alt != "" || out[0].BodyText != "Text." {
		t.Errorf("images %+v, body text %q: want the sanitized output's", out[0].Images, out[0].BodyText)
	}
	// Markup the allow-list changes (an element it drops) is parsed again
	// after sanitizing.
	a.ContentHTML = `<p>Text.</p><kbd>k</kbd><img src="/p/3.jpg">`
	if n := countParses(t, func() { out = Articles([]feedsvc.Article{a}, Options{Source: src, Now: now}) }); n != 2 {
		t.Errorf("%d parses when bluemonday changed the markup, want 2", n)
	}
	if len(out[0].Images) != 1 || strings.Contains(out[0].ContentHTML, "kbd") || out[0].BodyText != "Text.\n\nk" {
		t.Errorf("images %+v, content %q, body text %q: want the sanitized output's", out[0].Images, out[0].ContentHTML, out[0].BodyText)
	}
	plain := feedsvc.Article{Title: "t", ContentHTML: "just text"}
	if n := countParses(t, func() { Articles([]feedsvc.Article{plain}, Options{Source: src, Now: now}) }); n != 1 {
		t.Errorf("%d parses for plain text, want 1", n)
	}
}
