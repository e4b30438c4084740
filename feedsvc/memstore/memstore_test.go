package memstore_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) feedsvc.Store {
		s := memstore.New()
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestClosed(t *testing.T) {
	s := memstore.New()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Ping(t.Context()); !errors.Is(err, feedsvc.ErrUnavailable) {
		t.Errorf("Ping after Close: got %v, want ErrUnavailable", err)
	}
	if err := s.PutArticles(t.Context(), []feedsvc.Article{{ID: "x"}}); !errors.Is(err, feedsvc.ErrUnavailable) {
		t.Errorf("PutArticles after Close: got %v, want ErrUnavailable", err)
	}
}

// BenchmarkSectionArticles reads a page of 50 from the middle of a
// 10,000-article section.
func BenchmarkSectionArticles(b *testing.B) {
	s := memstore.New()
	arts := make([]feedsvc.Article, 10000)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range arts {
		arts[i] = feedsvc.Article{ID: fmt.Sprintf("a%05d", i), URL: fmt.Sprintf("https://e.org/%d", i),
			Title: "Title", BodyText: "Body", Published: start.Add(time.Duration(i) * time.Minute), Sections: []string{"big"}}
	}
	if err := s.PutArticles(b.Context(), arts); err != nil {
		b.Fatal(err)
	}
	q := feedsvc.Query{Limit: 50, Before: feedsvc.CursorOf(&arts[5000])}
	for b.Loop() {
		got, err := s.SectionArticles(b.Context(), "big", q)
		if err != nil || len(got) != 50 {
			b.Fatalf("got %d, %v", len(got), err)
		}
	}
}
