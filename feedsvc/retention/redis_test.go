package retention_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// redisStore returns a store on REDIS_URL under a fresh key prefix, a raw
// client, and the prefix; the prefix's keys are deleted at cleanup.
func redisStore(t *testing.T) (*redisstore.Store, *redis.Client, string) {
	t.Helper()
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatalf("REDIS_URL: %v", err)
	}
	c := redis.NewClient(opt)
	var b [6]byte
	rand.Read(b[:])
	prefix := "test:retention:" + hex.EncodeToString(b[:]) + ":"
	s, err := redisstore.New(t.Context(), redisstore.Options{Client: c, Prefix: prefix})
	if err != nil {
		t.Fatalf("redisstore.New: %v", err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		for _, k := range prefixKeys(t, c, prefix) {
			c.Unlink(ctx, k)
		}
		c.Close()
	})
	return s, c, prefix
}

func prefixKeys(t *testing.T, c *redis.Client, prefix string) []string {
	var keys []string
	iter := c.Scan(context.Background(), 0, prefix+"*", 1000).Iterator()
	for iter.Next(context.Background()) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil {
		t.Errorf("scan %s*: %v", prefix, err)
	}
	return keys
}

func TestRedisIngestPastRetention(t *testing.T) {
	s, _, _ := redisStore(t)
	ingestPastRetention(t, s)
}

func TestRedisSharedArticle(t *testing.T) {
	s, _, _ := redisStore(t)
	sharedArticle(t, s)
}

var usedMemoryRE = regexp.MustCompile(`(?m)^used_memory:(\d+)\r?$`)

// usedMemory returns INFO memory's used_memory, in bytes.
func usedMemory(t *testing.T, c *redis.Client) int64 {
	t.Helper()
	info, err := c.Info(t.Context(), "memory").Result()
	if err != nil {
		t.Fatalf("INFO memory: %v", err)
	}
	m := usedMemoryRE.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("INFO memory has no used_memory: %q", info)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n
}

// keysMemory sums MEMORY USAGE over the prefix's keys: what this test
// stores, whatever other tests do on the same server.
func keysMemory(t *testing.T, c *redis.Client, prefix string) int64 {
	t.Helper()
	pipe := c.Pipeline()
	var cmds []*redis.IntCmd
	for _, k := range prefixKeys(t, c, prefix) {
		cmds = append(cmds, pipe.MemoryUsage(t.Context(), k))
	}
	if _, err := pipe.Exec(t.Context()); err != nil {
		t.Fatalf("MEMORY USAGE: %v", err)
	}
	var sum int64
	for _, cmd := range cmds {
		sum += cmd.Val()
	}
	return sum
}

// typical returns article i of a realistic size: about 5 KB of JSON
// (headline, summary, 2 KB of body HTML and its 1.8 KB text, one image).
func typical(i int, pub time.Time) feedsvc.Article {
	para := fmt.Sprintf("Story %d: the city council met on Tuesday to discuss the budget for the coming year, "+
		"including funds for schools, roads and the new library branch. ", i)
	var html, text strings.Builder
	for html.Len() < 1900 {
		html.WriteString("<p>" + para + "</p>")
		text.WriteString(para)
	}
	id := fmt.Sprintf("tag:news.example,2026:%08d", i)
	return feedsvc.Article{ID: id, SourceID: "city", URL: fmt.Sprintf("https://news.example/2026/06/story-%08d.html", i),
		Title: fmt.Sprintf("Council approves budget for schools and roads, story %d", i), Authors: []string{"A. Reporter"},
		Source: "City News", Published: pub, Language: "en", Categories: []string{"politics", "city"},
		Images:  []feedsvc.Image{{URL: fmt.Sprintf("https://news.example/img/%08d.jpg", i)}},
		Summary: strings.Repeat("The council approved the budget. ", 9), ContentHTML: html.String(), BodyText: text.String(),
		Sections: []string{"mem"}, Fingerprint: uint64(i) * 0x9E3779B97F4A7C15}
}

// TestRedisMemoryFlat stores 1,000 typical articles (the section's
// retain_items), then ingests 5,000 more in batches of 50 with a pruner
// tick after each: the prefix's keys and the server's used_memory stay
// flat (used_memory within a generous bound, for other tests share the
// server), where keeping everything would have grown sixfold.
func TestRedisMemoryFlat(t *testing.T) {
	s, c, prefix := redisStore(t)
	const keep, more, batch = 1000, 5000, 50
	size, _ := json.Marshal(typical(0, time.Now()))
	if len(size) < 4500 || len(size) > 5500 {
		t.Fatalf("typical article is %d bytes of JSON, want about 5 KB", len(size))
	}
	p := &retention.Pruner{Store: s, Sections: func() []feedsvc.Section {
		return []feedsvc.Section{{Slug: "mem", RetainItems: keep}}
	}}
	start := time.Now().Add(-30 * 24 * time.Hour)
	next := 0
	ingest := func(n int) {
		for range n / batch {
			arts := make([]feedsvc.Article, batch)
			for i := range arts {
				arts[i] = typical(next, start.Add(time.Duration(next)*time.Minute))
				next++
			}
			put(t, s, arts)
			tick(t, p)
		}
	}
	before := usedMemory(t, c)
	ingest(keep)
	base, baseKeys := usedMemory(t, c), keysMemory(t, c, prefix)
	perArticle := baseKeys / keep
	t.Logf("Redis memory per stored article of %d bytes of JSON: %d bytes (MEMORY USAGE of its keys); used_memory grew %d bytes per article",
		len(size), perArticle, (base-before)/keep)
	peak := base
	for range more / 1000 {
		ingest(1000)
		peak = max(peak, usedMemory(t, c))
		if n := len(sectionIDs(t, s, "mem")); n != keep {
			t.Fatalf("after %d articles: section holds %d, want %d", next, n, keep)
		}
	}
	endKeys := keysMemory(t, c, prefix)
	t.Logf("used_memory: %d before, %d at retention, peak %d after %d more; prefix keys %d -> %d bytes",
		before, base, peak, more, baseKeys, endKeys)
	if endKeys > baseKeys*11/10 || endKeys < baseKeys*9/10 {
		t.Errorf("the store's keys: %d bytes at retention, %d after %d more articles; want within 10%%", baseKeys, endKeys, more)
	}
	unbounded := int64(more) * perArticle
	if grew := peak - base; grew > unbounded/4 {
		t.Errorf("used_memory grew %d bytes past retention; keeping everything would add %d, want under a quarter of that", grew, unbounded)
	}
}
