package media

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Defaults of a Prober.
const (
	DefaultTTL         = 30 * 24 * time.Hour // a known answer
	DefaultFailTTL     = 24 * time.Hour      // a failed HEAD is retried after this
	DefaultMaxPerBatch = 20                  // HEAD requests per Enrich call
	DefaultTimeout     = 5 * time.Second
)

// Prober completes media types and lengths.
type Prober struct {
	// Head returns a URL's media type and length (fetch.Client.Head).
	Head  func(ctx context.Context, url string) (string, int64, error)
	Store feedsvc.Store
	Log   *slog.Logger

	TTL, FailTTL, Timeout time.Duration
	MaxPerBatch           int

	// WriteBehind, when positive, keeps the answers learned in process
	// and stores them in one write with the first Enrich call after the
	// oldest has waited this long or once WriteBehindMax of them wait,
	// instead of one write per Enrich call (they answer meanwhile):
	// during a cold start every poll learns a few answers, and their own
	// commit cost as much as the poll's articles. The answers are a cache
	// (a lost one is asked again), so a crash loses nothing published;
	// Flush stores what waits at shutdown. 0: each call stores its answers.
	WriteBehind    time.Duration
	WriteBehindMax int // default DefaultWriteBehindMax

	mu        sync.Mutex
	pending   map[string]feedsvc.Blob // by key: answers waiting for the write
	firstWait time.Time               // when the oldest pending answer was learned
}

// DefaultWriteBehindMax is how many learned answers wait at most.
const DefaultWriteBehindMax = 512

// Enrich fills missing Type/Length of each article's first image (its
// enclosure) and of its attachments, in place. It never fails: unknown
// values stay unknown. The stored answers are read together first (one
// read on a feedsvc.BlobReader); the answers of the call's HEAD requests
// are cached in the store together at the end (one write on a
// feedsvc.BlobBatcher), or later with other calls' answers (WriteBehind).
func (p *Prober) Enrich(ctx context.Context, arts []feedsvc.Article) {
	budget := p.MaxPerBatch
	if budget <= 0 {
		budget = DefaultMaxPerBatch
	}
	learned := map[string]feedsvc.Blob{} // by key: answers not yet stored
	defer p.save(ctx, learned)
	stored := p.prefetch(ctx, arts)
	eachMissing(arts, func(url string, typ *string, length *int64) {
		*typ, *length = p.complete(ctx, url, *typ, *length, &budget, learned, stored)
	})
}

// eachMissing calls fn with the URL, type and length of the first image
// and of each attachment of arts that misses its type or length.
func eachMissing(arts []feedsvc.Article, fn func(url string, typ *string, length *int64)) {
	for i := range arts {
		a := &arts[i]
		if len(a.Images) > 0 && (a.Images[0].Type == "" || a.Images[0].Length == 0) {
			fn(a.Images[0].URL, &a.Images[0].Type, &a.Images[0].Length)
		}
		for j := range a.Attachments {
			if at := &a.Attachments[j]; at.Type == "" || at.Length == 0 {
				fn(at.URL, &at.Type, &at.Length)
			}
		}
	}
}

// mediaKey is the cache key of a media URL; "" for one the prober never
// asks about (not http or https).
func mediaKey(url string) string {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return ""
	}
	return "media:" + hash(url)
}

// prefetch reads the stored answers about arts' media in one step when
// the store reads blobs together: by key, the ones found. nil: the store
// cannot (or failed to), and complete asks it key by key.
func (p *Prober) prefetch(ctx context.Context, arts []feedsvc.Article) map[string][]byte {
	r, ok := feedsvc.ReaderOf(p.Store)
	if !ok {
		return nil
	}
	var keys []string
	stored := map[string][]byte{}
	seen := map[string]bool{}
	eachMissing(arts, func(url string, _ *string, _ *int64) {
		if k := mediaKey(url); k != "" && !seen[k] {
			seen[k] = true
			if bl, waits := p.waiting(k); waits {
				stored[k] = bl.Value // kept even if another poll stores it now
			} else {
				keys = append(keys, k)
			}
		}
	})
	if len(keys) == 0 {
		return stored
	}
	vals, err := r.Blobs(ctx, keys)
	if err != nil {
		return nil
	}
	for i, v := range vals {
		if v != nil {
			stored[keys[i]] = v
		}
	}
	return stored
}

// complete returns typ and length with missing values filled from this
// call's answers, the ones waiting to be stored, the store cache (stored
// when prefetched, else asked) or, while budget lasts, a HEAD request
// whose answer it adds to learned.
func (p *Prober) complete(ctx context.Context, url, typ string, length int64, budget *int, learned map[string]feedsvc.Blob, stored map[string][]byte) (string, int64) {
	key := mediaKey(url)
	if key == "" {
		return typ, length
	}
	if bl, ok := learned[key]; ok {
		t, n := decode(bl.Value)
		return or(typ, t), orLen(length, n)
	}
	if bl, ok := p.waiting(key); ok {
		t, n := decode(bl.Value)
		return or(typ, t), orLen(length, n)
	}
	if b, ok := stored[key]; ok {
		t, n := decode(b)
		return or(typ, t), orLen(length, n)
	}
	if stored == nil { // not prefetched: ask the store
		if b, err := p.Store.Blob(ctx, key); err == nil {
			t, n := decode(b)
			return or(typ, t), orLen(length, n)
		}
	}
	if *budget <= 0 {
		return typ, length
	}
	*budget--
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	hctx, cancel := context.WithTimeout(ctx, timeout)
	t, n, err := p.Head(hctx, url)
	cancel()
	ttl := p.TTL
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	if err != nil {
		p.log().Debug("media HEAD failed", "url", url, slog.Any("error", err))
		ttl = p.FailTTL
		if ttl <= 0 {
			ttl = DefaultFailTTL
		}
		t, n = "", 0
	}
	learned[key] = feedsvc.Blob{Key: key, Value: fmt.Appendf(nil, "%s\t%d", t, n), TTL: ttl}
	return or(typ, t), orLen(length, n)
}

// waiting returns the answer for key that waits for the write-behind.
func (p *Prober) waiting(key string) (feedsvc.Blob, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	bl, ok := p.pending[key]
	return bl, ok
}

// save stores the answers learned, in one write when the store batches;
// with WriteBehind it adds them to the waiting ones and stores those all
// once the oldest has waited WriteBehind or WriteBehindMax of them wait.
func (p *Prober) save(ctx context.Context, learned map[string]feedsvc.Blob) {
	if p.WriteBehind <= 0 {
		p.write(ctx, learned)
		return
	}
	max := p.WriteBehindMax
	if max <= 0 {
		max = DefaultWriteBehindMax
	}
	now := time.Now()
	p.mu.Lock()
	if len(learned) > 0 {
		if len(p.pending) == 0 {
			p.pending, p.firstWait = map[string]feedsvc.Blob{}, now
		}
		maps.Copy(p.pending, learned)
	}
	var due map[string]feedsvc.Blob
	if len(p.pending) >= max || (len(p.pending) > 0 && now.Sub(p.firstWait) >= p.WriteBehind) {
		due, p.pending = p.pending, nil
	}
	p.mu.Unlock()
	p.write(ctx, due)
}

// Flush stores the answers that wait for the write-behind.
func (p *Prober) Flush(ctx context.Context) {
	p.mu.Lock()
	due := p.pending
	p.pending = nil
	p.mu.Unlock()
	p.write(ctx, due)
}

// write stores answers, in one write when the store batches.
func (p *Prober) write(ctx context.Context, learned map[string]feedsvc.Blob) {
	if len(learned) == 0 {
		return
	}
	blobs := slices.SortedFunc(maps.Values(learned), func(x, y feedsvc.Blob) int { return strings.Compare(x.Key, y.Key) })
	if b, ok := feedsvc.BatcherOf(p.Store); ok {
		if err := b.PutBlobs(ctx, blobs); err != nil {
			p.log().Warn("media cache write failed", "blobs", len(blobs), slog.Any("error", err))
		}
		return
	}
	for _, bl := range blobs {
		if err := p.Store.PutBlob(ctx, bl.Key, bl.Value, bl.TTL); err != nil {
			p.log().Warn("media cache write failed", slog.Any("error", err))
		}
	}
}

func decode(b []byte) (string, int64) {
	t, n, _ := strings.Cut(string(b), "\t")
	l, _ := strconv.ParseInt(n, 10, 64)
	return t, l
}

func hash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func orLen(a, b int64) int64 {
	if a > 0 {
		return a
	}
	return b
}

func (p *Prober) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.Default()
}
