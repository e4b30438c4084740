package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// full returns an article with every stored field set, dates in a non-UTC
// zone.
func full(id string) feedsvc.Article {
	cst := time.FixedZone("CST", 8*3600)
	return feedsvc.Article{
		ID: id, SourceID: "src-1", URL: "https://news.example.org/2024/03/" + id + ".html",
		GUID: "urn:guid:" + id, Title: "头条 Headline", Kicker: "引题", Subtitle: "副题",
		PrintTitle: "原标题", Authors: []string{"Li Wei", "Ann Smith"}, Photographers: []string{"Zhang San"},
		Editor: "Wang Wu", Source: "Workers Daily", SourceURL: "https://orig.example.com/x",
		Published: time.Date(2024, 3, 10, 16, 30, 15, 0, cst),
		Updated:   time.Date(2024, 3, 11, 9, 0, 0, 0, cst),
		FirstSeen: time.Date(2024, 3, 10, 16, 31, 2, 123456789, cst),
		Section:   "Society", Language: "zh-CN", Categories: []string{"labour", "policy"},
		Rights: "© 2024", Summary: "Short summary.",
		Images: []feedsvc.Image{
			{URL: "https://img.example.org/1.jpg", Alt: "alt", Caption: "cap", Credit: "cr", Type: "image/jpeg", Length: 12345},
			{URL: "https://img.example.org/2.png"},
		},
		Attachments: []feedsvc.Attachment{{URL: "https://cdn.example.org/a.mp3", Type: "audio/mpeg", Length: 999, Title: "Audio"}},
		ContentHTML: "<p>Body <b>text</b></p>", BodyText: "Body text",
		Sections:    []string{"society", "front"},
		AlsoIn:      []feedsvc.SourceRef{{SourceID: "src-2", URL: "https://other.example.net/y"}},
		Fingerprint: 0xfedcba9876543210,
	}
}

// stored is what the store must return for a: times in UTC, raw fields
// dropped.
func stored(a feedsvc.Article) feedsvc.Article {
	a.Published, a.Updated, a.FirstSeen = a.Published.UTC(), a.Updated.UTC(), a.FirstSeen.UTC()
	a.PublishedRaw, a.UpdatedRaw, a.BaseURL = "", "", ""
	return a
}

var equateEmpty = cmpopts.EquateEmpty()

func testRoundTrip(t *testing.T, s feedsvc.Store) {
	a, b := full("full-1"), full("full-2")
	a.PublishedRaw, a.UpdatedRaw, a.BaseURL = "2024-03-10 16:30", "raw", "https://news.example.org/"
	b.Images, b.AlsoIn, b.Fingerprint, b.Updated = nil, nil, 1, time.Time{}
	put(t, s, a, b)
	got, err := s.Articles(t.Context(), []string{"full-2", "missing", "full-1"})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	want := []feedsvc.Article{stored(b), stored(a)}
	if diff := cmp.Diff(want, got, equateEmpty); diff != "" {
		t.Errorf("Articles mismatch (-want +got):\n%s", diff)
	}
	for _, g := range got {
		for _, tm := range []time.Time{g.Published, g.Updated, g.FirstSeen} {
			if !tm.IsZero() && tm.Location() != time.UTC {
				t.Errorf("%s: time %v in %v, want UTC", g.ID, tm, tm.Location())
			}
		}
	}
	none, err := s.Articles(t.Context(), nil)
	if err != nil || len(none) != 0 {
		t.Errorf("Articles(nil): got %d articles, err %v; want 0, nil", len(none), err)
	}
}

func testCopies(t *testing.T, s feedsvc.Store) {
	a := full("copy-1")
	put(t, s, a)
	a.Authors[0], a.Images[0].URL, a.Sections[0] = "changed", "changed", "changed"
	got, err := s.Articles(t.Context(), []string{"copy-1"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Articles: got %d, err %v", len(got), err)
	}
	got[0].Categories[0], got[0].AlsoIn[0].URL = "changed", "changed"
	again, err := s.Articles(t.Context(), []string{"copy-1"})
	if err != nil || len(again) != 1 {
		t.Fatalf("Articles: got %d, err %v", len(again), err)
	}
	if diff := cmp.Diff(stored(full("copy-1")), again[0], equateEmpty); diff != "" {
		t.Errorf("stored article changed through a caller's slice (-want +got):\n%s", diff)
	}
}

func testInvalid(t *testing.T, s feedsvc.Store) {
	ok, bad := article("valid", base, "news"), article("", base, "news")
	err := s.PutArticles(t.Context(), []feedsvc.Article{ok, bad})
	if !errors.Is(err, feedsvc.ErrInvalid) {
		t.Fatalf("PutArticles without ID: got %v, want ErrInvalid", err)
	}
	if got := page(t, s, "news", feedsvc.Query{}); len(got) != 0 {
		t.Errorf("rejected batch was partly stored: section has %q", ids(got))
	}
	if err := s.PutArticles(t.Context(), nil); err != nil {
		t.Errorf("PutArticles(nil): %v", err)
	}
}
