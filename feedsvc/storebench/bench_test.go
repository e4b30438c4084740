package storebench_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

const (
	sectionSize = 100_000 // articles in the paged section
	loadBatch   = 2_000   // articles per put while filling it
	batch       = 50      // articles per measured put, and page size
)

var start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// body is a ~1 KB article text.
var body = strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 18)

// article returns article i of the big section, one minute apart.
func article(i int) feedsvc.Article {
	return feedsvc.Article{ID: fmt.Sprintf("a%07d", i), URL: fmt.Sprintf("https://news.example.org/story/%d", i),
		Title: fmt.Sprintf("Story %d", i), Summary: body[:200], BodyText: body, Authors: []string{"A. Writer"},
		Published: start.Add(time.Duration(i) * time.Minute), Sections: []string{"big"}}
}

// BenchmarkStores measures, for each store, a put of a 50-article batch
// into and a page of 50 from the middle of a 100,000-article section.
// Filling the section is set-up, not measured.
func BenchmarkStores(b *testing.B) {
	stores := []struct {
		name string
		open func(b *testing.B) feedsvc.Store
	}{
		{"disk", openDisk},
		{"redis", openRedis},
		{"memory", func(*testing.B) feedsvc.Store { return memstore.New() }},
	}
	for _, st := range stores {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			defer s.Close()
			fill(b, s)
			b.Run("put50", func(b *testing.B) { benchPut(b, s) })
			b.Run("page50", func(b *testing.B) { benchPage(b, s) })
		})
	}
}

// fill puts the section's articles in batches of loadBatch.
func fill(b *testing.B, s feedsvc.Store) {
	arts := make([]feedsvc.Article, 0, loadBatch)
	for i := range sectionSize {
		if arts = append(arts, article(i)); len(arts) == loadBatch {
			if err := s.PutArticles(context.Background(), arts); err != nil {
				b.Fatal(err)
			}
			arts = arts[:0]
		}
	}
}

// benchPut puts batches of 50 new articles into the big section.
func benchPut(b *testing.B, s feedsvc.Store) {
	next := sectionSize + 1_000_000*int(time.Now().UnixNano()%1000)
	arts := make([]feedsvc.Article, batch)
	for b.Loop() {
		for j := range arts {
			arts[j] = article(next)
			next++
		}
		if err := s.PutArticles(b.Context(), arts); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPage reads the page of 50 before the middle of the section.
func benchPage(b *testing.B, s feedsvc.Store) {
	mid := article(sectionSize / 2)
	q := feedsvc.Query{Limit: batch, Before: feedsvc.CursorOf(&mid)}
	for b.Loop() {
		got, err := s.SectionArticles(b.Context(), "big", q)
		if err != nil || len(got) != batch {
			b.Fatalf("page: got %d articles, %v", len(got), err)
		}
	}
}

func openDisk(b *testing.B) feedsvc.Store {
	s, err := boltstore.Open(b.TempDir(), boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// openRedis opens a store at REDIS_URL under a fresh prefix whose keys
// are deleted when the benchmark ends.
func openRedis(b *testing.B) feedsvc.Store {
	url := testenv.RedisURL(b)
	p := make([]byte, 6)
	_, _ = rand.Read(p)
	prefix := "bench:" + hex.EncodeToString(p) + ":"
	s, err := redisstore.New(context.Background(), redisstore.Options{URL: url, Prefix: prefix})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { unlinkPrefix(b, url, prefix) })
	return s
}

// unlinkPrefix deletes every key under prefix.
func unlinkPrefix(b *testing.B, url, prefix string) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		b.Fatal(err)
	}
	c := redis.NewClient(opt)
	defer c.Close()
	ctx := context.Background()
	iter := c.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		c.Unlink(ctx, iter.Val())
	}
	if err := iter.Err(); err != nil {
		b.Errorf("cleanup of %s*: %v", prefix, err)
	}
}
