package redisstore_test

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestKeyLayout pins the documented key layout, which operators and other
// tools rely on.
func TestKeyLayout(t *testing.T) {
	s, p := newStore(t)
	c := client(t)
	ctx := t.Context()
	pub := time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC)
	a := feedsvc.Article{ID: "id1", URL: "https://e.org/a", Published: pub, Sections: []string{"news"}}
	if err := s.PutArticles(ctx, []feedsvc.Article{a}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBlob(ctx, "k", []byte("v"), time.Minute); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.TryLock(ctx, "lease", "me", time.Minute); err != nil || !ok {
		t.Fatalf("TryLock: %v %v", ok, err)
	}
	sum := sha1.Sum([]byte(a.URL))
	tests := []struct {
		name, got, want string
	}{
		{"section score", fmt.Sprint(c.ZScore(ctx, p+"s:{news}", "id1").Val()), fmt.Sprint(float64(pub.UnixMilli()))},
		{"url", c.Get(ctx, p+"u:{"+hex.EncodeToString(sum[:])+"}").Val(), "id1"},
		{"version", c.Get(ctx, p+"v:{news}").Val(), "1"},
		{"blob", c.Get(ctx, p+"b:{k}").Val(), "v"},
		{"lease", c.Get(ctx, p+"l:{lease}").Val(), "me"},
		{"article stored", fmt.Sprint(c.Exists(ctx, p+"a:{id1}").Val()), "1"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	if ttl := c.PTTL(ctx, p+"b:{k}").Val(); ttl <= 0 || ttl > time.Minute {
		t.Errorf("blob TTL: got %v, want (0, 1m]", ttl)
	}
}

// BenchmarkSectionArticles reads a page of 50 from the middle of a
// 10,000-article section.
func BenchmarkSectionArticles(b *testing.B) {
	s, _ := newStore(b)
	arts := make([]feedsvc.Article, 10000)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range arts {
		arts[i] = feedsvc.Article{ID: fmt.Sprintf("a%05d", i), URL: fmt.Sprintf("https://e.org/%d", i),
			Title: "Title", BodyText: "Body", Published: start.Add(time.Duration(i) * time.Minute), Sections: []string{"big"}}
	}
	for i := 0; i < len(arts); i += 500 {
		if err := s.PutArticles(b.Context(), arts[i:i+500]); err != nil {
			b.Fatal(err)
		}
	}
	q := feedsvc.Query{Limit: 50, Before: feedsvc.CursorOf(&arts[5000])}
	for b.Loop() {
		got, err := s.SectionArticles(b.Context(), "big", q)
		if err != nil || len(got) != 50 {
			b.Fatalf("got %d, %v", len(got), err)
		}
	}
}
