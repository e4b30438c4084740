package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// testSectionRecent checks that SectionRecent says what RecentOf says of
// the articles of a first page, in page order, also after a re-put changes
// an article's versions and fingerprint and after one leaves the section.
func testSectionRecent(t *testing.T, s feedsvc.Store) {
	ctx := t.Context()
	arts := scatter("news", 60, 7)
	for i := range arts {
		arts[i].SourceID = []string{"src-a", "src-b", "src-c"}[i%3]
		arts[i].Fingerprint = uint64(i) * 0x9e3779b97f4a7c15
		if i%4 == 0 { // a story with versions from two sources
			arts[i].Versions = []feedsvc.Version{
				{Kind: feedsvc.VersionFeed, Article: feedsvc.Article{SourceID: "src-z", Title: "z"}},
				{Kind: feedsvc.VersionFeed, Article: feedsvc.Article{SourceID: arts[i].SourceID, Title: "own"}},
			}
		}
	}
	put(t, s, arts...)
	check := func(when string, limit int) {
		t.Helper()
		CheckRecent(t, s, "news", limit, when)
	}
	for _, limit := range []int{0, 1, 7, 200} {
		check("after put", limit)
	}
	if got, _ := s.SectionRecent(ctx, "news", 0); len(got) != 50 {
		t.Errorf("limit 0: %d entries, want the default page of 50", len(got))
	}
	first, _ := s.SectionArticles(ctx, "news", feedsvc.Query{Limit: 1})
	a := first[0]
	a.Fingerprint ^= 0xff
	a.Versions = append(a.Versions, feedsvc.Version{Kind: feedsvc.VersionPage, Article: feedsvc.Article{SourceID: "src-new"}})
	put(t, s, a)
	check("after a re-put", 10)
	got, _ := s.SectionRecent(ctx, "news", 1)
	if len(got) != 1 || !got[0].HasSource("src-new") || got[0].Fingerprint != a.Fingerprint {
		t.Errorf("after a re-put: %+v, want src-new among the sources and fingerprint %x", got, a.Fingerprint)
	}
	if err := s.RemoveFromSection(ctx, "news", []string{a.ID}); err != nil {
		t.Fatal(err)
	}
	check("after a removal", 10)
	if got, _ := s.SectionRecent(ctx, "news", 1); len(got) == 1 && got[0].ID == a.ID {
		t.Errorf("removed article %s still listed", a.ID)
	}
	if got, err := s.SectionRecent(ctx, "nowhere", 10); err != nil || len(got) != 0 {
		t.Errorf("unknown section: %+v, %v; want none", got, err)
	}
	later := article("later", base.Add(time.Hour), "news")
	later.SourceID = "src-a"
	put(t, s, later)
	if got, _ := s.SectionRecent(ctx, "news", 1); len(got) != 1 || got[0].ID != "later" || !reflect.DeepEqual(got[0].Sources, []string{"src-a"}) {
		t.Errorf("article without versions: %+v, want later with sources [src-a]", got)
	}
}

// CheckRecent fails t unless SectionRecent(slug, limit) equals RecentOf of
// each article of the page SectionArticles returns for the same limit.
func CheckRecent(t *testing.T, s feedsvc.Store, slug string, limit int, when string) {
	t.Helper()
	got, err := s.SectionRecent(t.Context(), slug, limit)
	if err != nil {
		t.Fatalf("%s: SectionRecent(%s, %d): %v", when, slug, limit, err)
	}
	page, err := s.SectionArticles(t.Context(), slug, feedsvc.Query{Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]feedsvc.Recent, len(page))
	for i := range page {
		want[i] = feedsvc.RecentOf(&page[i])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: SectionRecent(%s, %d) = %d entries, want %d (RecentOf of the page)\ngot  %+v\nwant %+v",
			when, slug, limit, len(got), len(want), head(got), head(want))
	}
}

func head(r []feedsvc.Recent) []feedsvc.Recent { return r[:min(3, len(r))] }
