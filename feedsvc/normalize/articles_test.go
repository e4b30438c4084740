package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

var (
	shanghai = time.FixedZone("+08:00", 8*3600)
	testNow  = time.Date(2023, 11, 15, 12, 0, 0, 0, shanghai)
)

func testSource() *feedsvc.Source {
	return &feedsvc.Source{ID: "workercn", URL: "https://www.workercn.cn/c/zgyl/", Location: shanghai,
		Sections: []string{"culture"}, Rights: "© Workers Daily"}
}

func TestArticlesFields(t *testing.T) {
	in := feedsvc.Article{
		URL:          "/c/2023-11-15/8034712.shtml?utm_source=rss#top",
		Title:        "  全总 &amp; 工会\n 研讨班  ",
		Kicker:       "\u3000引题 ",
		Authors:      []string{" 郑莉 ", "zl@workercn.cn (郑莉)", "郝赫 <hh@workercn.cn>", "", "noreply@e.org"},
		Categories:   []string{"中工娱乐", " 中工娱乐 ", "文化"},
		PublishedRaw: "2023-11-15 07:24",
		ContentHTML:  `<p>正文第一段。<script>x()</script></p><p><img data-src="/upload/a.jpg" src="/grey.gif"></p>`,
		Images:       []feedsvc.Image{{URL: "/upload/a.jpg"}, {URL: "https://www.workercn.cn/upload/a.jpg", Caption: " 图注 "}, {URL: ""}},
		Attachments:  []feedsvc.Attachment{{URL: "/a.mp3", Type: "Audio/MPEG"}, {URL: "https://www.workercn.cn/a.mp3"}},
		Language:     "zh_cn",
		BaseURL:      "https://www.workercn.cn/c/2023-11-15/",
	}
	got := Articles([]feedsvc.Article{in}, Options{Source: testSource(), Now: testNow})
	if len(got) != 1 {
		t.Fatalf("got %d articles, want 1", len(got))
	}
	a := got[0]
	checks := []struct{ name, got, want string }{
		{"url", a.URL, "https://www.workercn.cn/c/2023-11-15/8034712.shtml"},
		{"title", a.Title, "全总 & 工会 研讨班"},
		{"kicker", a.Kicker, "引题"},
		{"published", a.Published.Format(time.RFC3339), "2023-11-14T23:24:00Z"},
		{"first seen", a.FirstSeen.Format(time.RFC3339), "2023-11-15T04:00:00Z"},
		{"language", a.Language, "zh-CN"},
		{"source id", a.SourceID, "workercn"},
		{"rights", a.Rights, "© Workers Daily"},
		{"body", a.BodyText, "正文第一段。"},
		{"summary", a.Summary, "正文第一段。"},
		{"content", a.ContentHTML, `<p>正文第一段。</p><p><img src="https://www.workercn.cn/upload/a.jpg" referrerpolicy="no-referrer"/></p>`},
		{"id", a.ID, ID("workercn", &feedsvc.Article{URL: "https://www.workercn.cn/c/2023-11-15/8034712.shtml"})},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	if d := cmp.Diff([]string{"郑莉", "郝赫"}, a.Authors); d != "" {
		t.Errorf("authors (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"中工娱乐", "文化"}, a.Categories); d != "" {
		t.Errorf("categories (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"culture"}, a.Sections); d != "" {
		t.Errorf("sections (-want +got):\n%s", d)
	}
	wantImg := []feedsvc.Image{{URL: "https://www.workercn.cn/upload/a.jpg", Caption: "图注"}}
	if d := cmp.Diff(wantImg, a.Images); d != "" {
		t.Errorf("images (-want +got):\n%s", d)
	}
	wantAtt := []feedsvc.Attachment{{URL: "https://www.workercn.cn/a.mp3", Type: "audio/mpeg"}}
	if d := cmp.Diff(wantAtt, a.Attachments); d != "" {
		t.Errorf("attachments (-want +got):\n%s", d)
	}
	if a.Fingerprint == 0 || a.Fingerprint != Fingerprint(a.Title, a.BodyText) {
		t.Errorf("fingerprint: got %x, want Fingerprint(title, body)", a.Fingerprint)
	}
}

func TestArticlesDates(t *testing.T) {
	set := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		raw       string
		set       time.Time
		wantZero  bool
		wantEqual time.Time
	}{
		{"raw parsed in source zone", "2023-11-15 07:24", time.Time{}, false, time.Date(2023, 11, 14, 23, 24, 0, 0, time.UTC)},
		{"set date kept when raw empty", "", set, false, set},
		{"set date kept when raw garbage", "soon", set, false, set},
		{"far future dropped", "2023-11-20 07:24", time.Time{}, true, time.Time{}},
		{"within skew kept", "2023-11-16 07:24", time.Time{}, false, time.Date(2023, 11, 15, 23, 24, 0, 0, time.UTC)},
		{"before 1995 dropped", "1990-01-01", time.Time{}, true, time.Time{}},
		{"relative uses now", "3小时前", time.Time{}, false, testNow.Add(-3 * time.Hour).UTC()},
		{"unparseable stays empty", "not a date", time.Time{}, true, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Articles([]feedsvc.Article{{Title: "t", PublishedRaw: tt.raw, Published: tt.set, UpdatedRaw: tt.raw}},
				Options{Source: testSource(), Now: testNow})[0]
			if tt.wantZero != got.Published.IsZero() || !tt.wantZero && !got.Published.Equal(tt.wantEqual) {
				t.Errorf("got %q, want %q (zero=%v)", got.Published.Format(time.RFC3339), tt.wantEqual.Format(time.RFC3339), tt.wantZero)
			}
			if got.Published.Location() != time.UTC {
				t.Errorf("got location %v, want UTC", got.Published.Location())
			}
			if tt.raw != "" && !got.Updated.Equal(got.Published) && tt.set.IsZero() {
				t.Errorf("updated: got %v, want %v", got.Updated, got.Published)
			}
		})
	}
}

func TestArticlesDedupe(t *testing.T) {
	arts := []feedsvc.Article{
		{GUID: "g1", Title: "First", URL: "https://e.org/1"},
		{GUID: "g2", Title: "Second"},
		{GUID: "g1", Title: "First again", Summary: "filled from the copy", Authors: []string{"A"}},
	}
	got := Articles(arts, Options{Source: testSource(), Now: testNow})
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2", len(got))
	}
	if got[0].Title != "First" || got[0].Summary != "filled from the copy" || len(got[0].Authors) != 1 {
		t.Errorf("merge: got title %q summary %q authors %q", got[0].Title, got[0].Summary, got[0].Authors)
	}
	if got[1].Title != "Second" || got[0].ID == got[1].ID {
		t.Errorf("second: got %q with id %q (first %q)", got[1].Title, got[1].ID, got[0].ID)
	}
	if arts[0].ID != "" || arts[2].Title != "First again" {
		t.Errorf("input modified: %+v", arts[0])
	}
}

// TestArticlesUntitledKeptApart: items with neither GUID, link nor title
// (RSS allows an item with only a description or an enclosure) are not
// merged into one.
func TestArticlesUntitledKeptApart(t *testing.T) {
	arts := []feedsvc.Article{
		{Summary: "first note"}, {Summary: "second note"},
		{Attachments: []feedsvc.Attachment{{URL: "https://e.org/1.mp3"}}},
		{Attachments: []feedsvc.Attachment{{URL: "https://e.org/2.mp3"}}},
		{Summary: "first note"},
	}
	got := Articles(arts, Options{Source: testSource(), Now: testNow})
	if len(got) != 4 {
		t.Fatalf("got %d articles, want 4 (the last repeats the first)", len(got))
	}
}

func TestArticlesStableAcrossPolls(t *testing.T) {
	a := feedsvc.Article{URL: "https://e.org/a?utm_source=x", Title: "T", PublishedRaw: "2023-11-15"}
	first := Articles([]feedsvc.Article{a}, Options{Source: testSource(), Now: testNow})[0]
	a.Title, a.URL = "T (updated)", "https://E.ORG/a"
	second := Articles([]feedsvc.Article{a}, Options{Source: testSource(), Now: testNow.Add(time.Hour)})[0]
	if first.ID != second.ID {
		t.Errorf("got ids %q and %q, want equal", first.ID, second.ID)
	}
}

func TestArticlesLanguage(t *testing.T) {
	tests := []struct{ name, item, fallback, title, want string }{
		{"item lower case", "zh-cn", "en", "t", "zh-CN"},
		{"underscore", "en_US", "", "t", "en-US"},
		{"fallback", "", "zh-CN", "t", "zh-CN"},
		{"garbage falls back", "not a language!", "en", "t", "en"},
		{"none", "", "", "t", ""},
		{"script when nothing declared", "", "", "首都职工冬季读书季启动", "zh"},
		{"declared wins over script", "", "ja", "首都职工冬季读书季启动", "ja"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Articles([]feedsvc.Article{{Title: tt.title, Language: tt.item}}, Options{Source: testSource(), Now: testNow, Language: tt.fallback})[0]
			if got.Language != tt.want {
				t.Errorf("got %q, want %q", got.Language, tt.want)
			}
		})
	}
}

func BenchmarkArticles(b *testing.B) {
	page, err := os.ReadFile(filepath.Join(testenv.Shared(b), "pages", "zh-article.html"))
	if err != nil {
		b.Fatal(err)
	}
	body := string(page)
	if i := strings.Index(body, "<body"); i >= 0 {
		body = body[i:]
	}
	arts := make([]feedsvc.Article, 50)
	for i := range arts {
		arts[i] = feedsvc.Article{GUID: "g" + string(rune('a'+i%26)) + string(rune('a'+i/26)), URL: "/c/2023-11-15/" + string(rune('a'+i%26)) + ".shtml",
			Title: "全总机关和直属单位局级干部学习贯彻中国工会十八大精神研讨班开班", PublishedRaw: "Wed, 15 Nov 2023 07:24:00 +0800",
			Authors: []string{"郑莉", "郝赫"}, ContentHTML: body, Images: []feedsvc.Image{{URL: "/upload/a.jpg"}}}
	}
	o := Options{Source: testSource(), Now: testNow}
	b.ReportAllocs()
	for b.Loop() {
		if got := Articles(arts, o); len(got) != len(arts) {
			b.Fatalf("got %d articles, want %d", len(got), len(arts))
		}
	}
}

func TestCleanCategories(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"slug of a name", []string{"Muslim women", "News", "muslim-women", "news", "NEWS"}, []string{"Muslim women", "News"}},
		{"underscore slug", []string{"tom_petty", "Tom Petty"}, []string{"tom_petty"}},
		{"different words kept", []string{"e-mail", "mail", "email"}, []string{"e-mail", "mail", "email"}},
		{"chinese kept", []string{"中工娱乐", " 中工娱乐 ", "文化"}, []string{"中工娱乐", "文化"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, cleanCategories(tt.in)); d != "" {
				t.Errorf("cleanCategories(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestCleanPeople(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"email then name", []string{"jo@e.org (Jo Smith)"}, []string{"Jo Smith"}},
		{"name then angle email", []string{"Jo Smith <jo@e.org>"}, []string{"Jo Smith"}},
		{"mailto in parentheses", []string{"Jo (mailto:jo@e.org)"}, []string{"Jo"}},
		{"bare email alone kept", []string{"jo@e.org"}, []string{"jo@e.org"}},
		{"bare email dropped beside a name", []string{"jo@e.org", "Ann"}, []string{"Ann"}},
		{"byline label", []string{"By Jo Smith", "作者：王喆"}, []string{"Jo Smith", "王喆"}},
		{"author label", []string{"Author: Luke", "Written by Ann Lee", "posted by: Bo"}, []string{"Luke", "Ann Lee", "Bo"}},
		{"label word inside a name kept", []string{"Authority Jones", "Byron Smith"}, []string{"Authority Jones", "Byron Smith"}},
		{"dedupe case-insensitive", []string{"Jo", " jo ", "JO"}, []string{"Jo"}},
		{"empties dropped", []string{"", "  ", "\u3000"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, cleanPeople(tt.in)); d != "" {
				t.Errorf("cleanPeople(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestArticlesContentImages(t *testing.T) {
	body := `<p>t</p><figure><img src="../img/a.jpg" alt="A"><figcaption> 图一 说明 </figcaption></figure>` +
		`<p><img src="https://www.workercn.cn/img/b.jpg"><img src="/x.gif" width="1" height="1"></p>`
	tests := []struct {
		name   string
		images []feedsvc.Image
		want   []feedsvc.Image
	}{
		{"inline pictures when none listed", nil, []feedsvc.Image{
			{URL: "https://www.workercn.cn/c/img/a.jpg", Alt: "A", Caption: "图一 说明"},
			{URL: "https://www.workercn.cn/img/b.jpg"}}},
		{"listed images kept as given", []feedsvc.Image{{URL: "/img/b.jpg", Caption: "B"}}, []feedsvc.Image{
			{URL: "https://www.workercn.cn/img/b.jpg", Caption: "B"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := feedsvc.Article{Title: "t", ContentHTML: body, Images: tt.images, BaseURL: "https://www.workercn.cn/c/2023-11-15/1.shtml"}
			got := Articles([]feedsvc.Article{in}, Options{Source: testSource(), Now: testNow})[0]
			if d := cmp.Diff(tt.want, got.Images); d != "" {
				t.Errorf("images (-want +got):\n%s", d)
			}
		})
	}
}
