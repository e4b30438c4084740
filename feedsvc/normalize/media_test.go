package normalize

import (
	"net/url"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestCleanImagesDropsAvatars(t *testing.T) {
	base, _ := url.Parse("https://e.org/post/")
	tests := []struct {
		name string
		url  string
		keep bool
	}{
		{"gravatar", "http://1.gravatar.com/avatar/bbce6c?s=96&d=identicon", false},
		{"github avatar", "https://avatars.githubusercontent.com/u/323546?s=30&v=4", false},
		{"avatar path", "https://cdn.e.org/wp-content/avatars/jo.png", false},
		{"relative avatar path", "/avatar/jo.jpg", false},
		{"article picture", "https://cdn.e.org/2023/11/avatar-film-poster.jpg", true},
		{"avatar only in query", "https://cdn.e.org/img.jpg?from=/avatar/", true},
		{"picture", "pic.jpg", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanImages([]feedsvc.Image{{URL: tt.url}}, base)
			if (len(got) == 1) != tt.keep {
				t.Errorf("cleanImages(%q): got %v, want kept=%v", tt.url, got, tt.keep)
			}
		})
	}
}
