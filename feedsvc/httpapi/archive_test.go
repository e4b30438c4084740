package httpapi

import (
	"context"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestArchiveNextLinks: each monthly archive links the next newer month
// holding an article (RFC 5005 next-archive), across gaps, sections and
// month boundaries; the current month's archive links none, and a past
// month with nothing newer links the current month's archive.
func TestArchiveNextLinks(t *testing.T) {
	s, _, st := newTestServer(t, 0)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	putArticles(t, st,
		feedsvc.Article{ID: "mar", Published: day(2023, 3, 5), Sections: []string{"ent"}},
		feedsvc.Article{ID: "apr", Published: day(2023, 4, 30), Sections: []string{"ent"}},
		feedsvc.Article{ID: "jun", Published: day(2023, 6, 1), Sections: []string{"world"}},
		feedsvc.Article{ID: "sep", Published: day(2023, 9, 9), Sections: []string{"ent"}},
		feedsvc.Article{ID: "jan", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Sections: []string{"ent"}},
		feedsvc.Article{ID: "future", Published: day(2024, 5, 1), Sections: []string{"ent"}},
	)
	now := day(2024, 2, 10)
	for _, tc := range []struct {
		slugs             []string
		month, prev, next string
	}{
		{[]string{"ent"}, "2023-03", "", "2023-04"},
		{[]string{"ent"}, "2023-04", "2023-03", "2023-09"},
		{[]string{"ent", "world"}, "2023-04", "2023-03", "2023-06"},
		{[]string{"ent"}, "2023-09", "2023-04", "2024-01"},
		{[]string{"ent"}, "2023-12", "2023-09", "2024-01"},
		{[]string{"ent"}, "2024-01", "2023-09", "2024-02"},
		{[]string{"ent"}, "2024-02", "2024-01", ""},
		{[]string{"ent"}, "2024-05", "2024-01", ""},
	} {
		m, _ := time.Parse("2006-01", tc.month)
		tg := &target{sec: feedsvc.Section{Slug: "x"}, slugs: tc.slugs, format: "atom", q: pageQuery{month: m}}
		ch := &feedsvc.Channel{}
		if err := s.archiveLinks(context.Background(), tg, ch, now); err != nil {
			t.Fatal(err)
		}
		if want := archiveLink(tc.next); ch.NextArchiveURL != want {
			t.Errorf("%v %s: next-archive %q, want %q", tc.slugs, tc.month, ch.NextArchiveURL, want)
		}
		if want := archiveLink(tc.prev); ch.PrevArchiveURL != want {
			t.Errorf("%v %s: prev-archive %q, want %q", tc.slugs, tc.month, ch.PrevArchiveURL, want)
		}
	}
}

func archiveLink(month string) string {
	if month == "" {
		return ""
	}
	return "http://feeds.test/sections/x/archive/" + month + "/atom"
}
