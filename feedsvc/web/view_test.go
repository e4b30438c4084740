package web

import (
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestArticleDateZones(t *testing.T) {
	pub := time.Date(2023, 11, 14, 23, 24, 0, 0, time.UTC)
	tests := []struct{ name, zone, want string }{
		{"shanghai", "Asia/Shanghai", "2023-11-15 07:24 CST"},
		{"new york", "America/New_York", "2023-11-14 18:24 EST"},
		{"no abbreviation", "Asia/Kathmandu", "2023-11-15 05:09 +0545"},
		{"default", "", "2023-11-14 23:24 UTC"},
		{"unknown zone falls back to UTC", "Mars/Olympus", "2023-11-14 23:24 UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := feedsvc.Article{Published: pub}
			if got := newArticleView(&a, location(tt.zone), "", english).Date; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
