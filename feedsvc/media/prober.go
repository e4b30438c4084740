package media

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
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
}

// Enrich fills missing Type/Length of each article's first image (its
// enclosure) and of its attachments, in place. It never fails: unknown
// values stay unknown.
func (p *Prober) Enrich(ctx context.Context, arts []feedsvc.Article) {
	budget := p.MaxPerBatch
	if budget <= 0 {
		budget = DefaultMaxPerBatch
	}
	for i := range arts {
		a := &arts[i]
		if len(a.Images) > 0 && (a.Images[0].Type == "" || a.Images[0].Length == 0) {
			a.Images[0].Type, a.Images[0].Length = p.complete(ctx, a.Images[0].URL, a.Images[0].Type, a.Images[0].Length, &budget)
		}
		for j := range a.Attachments {
			at := &a.Attachments[j]
			if at.Type == "" || at.Length == 0 {
				at.Type, at.Length = p.complete(ctx, at.URL, at.Type, at.Length, &budget)
			}
		}
	}
}

// complete returns typ and length with missing values filled from the
// store cache or, while budget lasts, a HEAD request.
func (p *Prober) complete(ctx context.Context, url, typ string, length int64, budget *int) (string, int64) {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return typ, length
	}
	key := "media:" + hash(url)
	if b, err := p.Store.Blob(ctx, key); err == nil {
		t, n := decode(b)
		return or(typ, t), orLen(length, n)
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
	if err := p.Store.PutBlob(ctx, key, []byte(fmt.Sprintf("%s\t%d", t, n)), ttl); err != nil {
		p.log().Warn("media cache write failed", slog.Any("error", err))
	}
	return or(typ, t), orLen(length, n)
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
