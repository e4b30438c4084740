package partner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strconv"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Usage is counted in hourly buckets: in process as requests come, then
// added to the partner's usage blob (hour -> counts, 30 days kept) every
// Flush under the write lease, so replicas add up and a restart loses at
// most one flush interval. The hot path never touches the store.
const (
	hour     = int64(time.Hour / time.Second)
	keepHrs  = 30 * 24
	usageTTL = 31 * 24 * time.Hour
)

// hours is a partner's usage by Unix hour (Unix seconds / 3600).
type hours map[int64]feedsvc.Usage

// pending is unflushed usage by partner id.
type pending map[string]hours

// Record counts one request of partner id with its status and bytes.
func (g *Registry) Record(id string, status int, bytes int64) {
	h := time.Now().Unix() / hour
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.pending == nil {
		g.pending = pending{}
	}
	if g.pending[id] == nil {
		g.pending[id] = hours{}
	}
	u := g.pending[id][h] // its Status map is owned by pending alone
	u.Add(status, bytes)
	g.pending[id][h] = u
}

// Usage returns a partner's usage over the last 24 hours and 30 days,
// flushed and unflushed.
func (g *Registry) Usage(ctx context.Context, id string) (feedsvc.PartnerUsage, error) {
	if _, err := g.Get(ctx, id); err != nil {
		return feedsvc.PartnerUsage{}, err
	}
	stored, err := g.readUsage(ctx, id)
	if err != nil {
		return feedsvc.PartnerUsage{}, err
	}
	g.mu.Lock()
	for h, u := range g.pending[id] {
		s := stored[h]
		s.Status = maps.Clone(s.Status)
		s.Merge(u)
		stored[h] = s
	}
	g.mu.Unlock()
	now := time.Now().Unix() / hour
	out := feedsvc.PartnerUsage{Partner: id, Day: feedsvc.Usage{Status: map[string]int64{}}, Month: feedsvc.Usage{Status: map[string]int64{}}}
	for h, u := range stored {
		if h > now-24 {
			out.Day.Merge(u)
		}
		if h > now-keepHrs {
			out.Month.Merge(u)
		}
	}
	return out, nil
}

// flushUsage adds the unflushed counts to the store; counts that fail to
// be written stay pending.
func (g *Registry) flushUsage(ctx context.Context) error {
	g.mu.Lock()
	batch := g.pending
	g.pending = nil
	g.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	err := g.lock(ctx)
	if err == nil {
		defer func() { _ = g.Store.Unlock(context.WithoutCancel(ctx), writeLock, g.Owner) }()
		for id, hs := range batch {
			if err = g.addUsage(ctx, id, hs); err != nil {
				break
			}
			delete(batch, id)
		}
	}
	g.mu.Lock()
	for id, hs := range batch { // not written: keep for the next flush
		for h, u := range hs {
			if g.pending == nil {
				g.pending = pending{}
			}
			if g.pending[id] == nil {
				g.pending[id] = hours{}
			}
			p := g.pending[id][h]
			p.Status = maps.Clone(p.Status)
			p.Merge(u)
			g.pending[id][h] = p
		}
	}
	g.mu.Unlock()
	return err
}

func (g *Registry) addUsage(ctx context.Context, id string, add hours) error {
	stored, err := g.readUsage(ctx, id)
	if err != nil {
		return err
	}
	now := time.Now().Unix() / hour
	for h, u := range add {
		s := stored[h]
		s.Merge(u)
		stored[h] = s
	}
	for h := range stored {
		if h <= now-keepHrs {
			delete(stored, h)
		}
	}
	enc := make(map[string]feedsvc.Usage, len(stored))
	for h, u := range stored {
		enc[strconv.FormatInt(h, 10)] = u
	}
	b, err := json.Marshal(enc)
	if err != nil {
		return err
	}
	if err := g.Store.PutBlob(ctx, usageKey+id, b, usageTTL); err != nil {
		return fmt.Errorf("store usage %s: %w", id, err)
	}
	return nil
}

func (g *Registry) readUsage(ctx context.Context, id string) (hours, error) {
	out := hours{}
	b, err := g.Store.Blob(ctx, usageKey+id)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read usage %s: %w", id, err)
	}
	var enc map[string]feedsvc.Usage
	if err := json.Unmarshal(b, &enc); err != nil {
		return nil, fmt.Errorf("read usage %s: %w", id, err)
	}
	for k, u := range enc {
		if h, err := strconv.ParseInt(k, 10, 64); err == nil {
			out[h] = u
		}
	}
	return out, nil
}

// Run flushes usage every Flush until ctx is done, then once more.
func (g *Registry) Run(ctx context.Context) {
	every := g.Flush
	if every <= 0 {
		every = time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := g.flushUsage(fctx); err != nil {
				g.log().Warn("partners: final usage flush failed", slog.Any("error", err))
			}
			return
		}
		if err := g.flushUsage(ctx); err != nil {
			g.log().Warn("partners: usage flush failed", slog.Any("error", err))
		}
	}
}
