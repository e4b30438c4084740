package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// testNow is the clock of the sitemap tests: a day after the Chinese
// article was published.
var testNow = time.Date(2023, 11, 16, 0, 0, 0, 0, time.UTC)

var testSections = []feedsvc.Section{
	{Slug: "zgyl", Title: "中工娱乐", Description: "文化娱乐新闻", Language: "zh-CN", Timezone: "Asia/Shanghai"},
	{Slug: "world", Title: "World <News>", Description: "Stories & reports", Language: "en", Timezone: "America/New_York"},
	{Slug: "empty", Title: "Empty", Language: "en"},
}

// testArticles covers kicker/subtitle/images/authors in Chinese and
// English, markup in a title, an article in two sections, an old article
// and one without a publication date.
func testArticles() []feedsvc.Article {
	return []feedsvc.Article{
		{ID: "zh1", URL: "https://www.workercn.cn/c/2023-11-15/8040001.shtml", Language: "zh-CN",
			Kicker: "在文化传承中守正创新", Title: "非遗焕新彩 匠心绘未来", Subtitle: "多地探索非遗保护与产业融合发展新路径",
			Authors: []string{"李丰", "张三"}, Source: "工人日报",
			Published: time.Date(2023, 11, 14, 23, 24, 0, 0, time.UTC),
			Images:    []feedsvc.Image{{URL: "https://img.example/feiyi.jpg", Alt: "非遗传承人在工作", Caption: "传承人展示作品"}},
			Summary:   "近年来，各地非遗保护工作取得新进展。", Sections: []string{"zgyl"}},
		{ID: "en1", URL: "https://example.org/world/attack", Language: "en",
			Title: `<script>alert("x")</script> Breaking & "quoted"`, Kicker: "Exclusive <b>now</b>",
			Subtitle: "Reports from the ground", Authors: []string{"Jane Roe"}, Photographers: []string{"Max Lens"},
			Published: time.Date(2023, 11, 15, 12, 0, 0, 0, time.UTC),
			Summary:   "A summary with <img src=x onerror=alert(1)> markup.", Sections: []string{"world", "zgyl"}},
		{ID: "en0", URL: "https://example.org/world/old", Language: "en", Title: "Three days old story",
			Published: time.Date(2023, 11, 13, 0, 0, 0, 0, time.UTC), Sections: []string{"world"},
			BodyText: "Body text that becomes the summary when none is given."},
		{ID: "en2", URL: "https://example.org/world/undated", Language: "en", Title: "Undated story",
			FirstSeen: testNow.Add(-time.Hour), Sections: []string{"world"}},
	}
}

// newTestPages returns Pages over a memstore seeded with testArticles,
// with base as BaseURL (nil: the request's host).
func newTestPages(t *testing.T, base *url.URL) *Pages {
	t.Helper()
	st := memstore.New()
	t.Cleanup(func() { _ = st.Close() })
	if err := st.PutArticles(context.Background(), testArticles()); err != nil {
		t.Fatal(err)
	}
	return &Pages{Store: st, BaseURL: base, Hubs: []string{"https://hub.example/"},
		Sections: func() []feedsvc.Section { return testSections },
		Now:      func() time.Time { return testNow },
		Log:      slog.New(slog.DiscardHandler)}
}

// testBase is the public base URL of the handler tests.
var testBase = &url.URL{Scheme: "https", Host: "feeds.example", Path: "/"}

// mux routes requests the way httpapi does.
func mux(p *Pages) *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", p.Index)
	m.HandleFunc("GET /opml", p.OPML)
	m.HandleFunc("GET /sections/{slug}", p.Section)
	m.HandleFunc("GET /sections/{slug}/news-sitemap.xml", p.NewsSitemap)
	m.HandleFunc("GET /sections/{slug}/{format}", p.Section)
	return m
}

// get performs a request against p and returns the response and body.
func get(t *testing.T, p *Pages, path string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	mux(p).ServeHTTP(rec, req)
	res := rec.Result()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}
