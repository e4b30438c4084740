package extract

import (
	"path/filepath"
	"testing"
)

func TestIsArticlePage(t *testing.T) {
	pages := pagesDir(t)
	for _, tt := range []struct {
		name, file, url string
		want            bool
	}{
		{"seed", "seed-article.html", "https://www.workercn.cn/c/2023-11-15/8034712.shtml", true},
		{"zh", "zh-article.html", "https://www.workercn.cn/c/2023-11-15/8034745.shtml", true},
		{"gbk", "gbk-article.html", "https://www.workercn.cn/c/2023-11-15/8034698.shtml", true},
		{"jsonld on a neutral URL", "jsonld-article.html", "https://news.example/story", true},
		{"list", "list.html", "https://www.workercn.cn/c/zgyl/", false},
		{"list as a local file", "list.html", "file:///srv/site/list.html", false},
		{"seed as a local file", "seed-article.html", "file:///srv/site/seed.html", true},
		{"gbk as a local file", "gbk-article.html", "file:///srv/site/page.html", true},
		{"list on an article-shaped URL", "list.html", "https://www.workercn.cn/c/2023-11-15/index_8034.shtml", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsArticlePage(readPage(t, filepath.Join(pages, tt.file)), tt.url); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	for file, want := range map[string]bool{"legacy-article.html": true, "photo-story.html": true, "textdate-article.html": true,
		"wire-article.html": true, "html5-article.html": true, "list-blog.html": false} {
		if got := IsArticlePage(localPage(t, file), "https://site.example/page"); got != want {
			t.Errorf("%s on a neutral URL: got %v, want %v", file, got, want)
		}
	}
}
