package retention

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Defaults of Pruner's zero fields.
const (
	DefaultBatch    = 500
	DefaultInterval = time.Minute
	// catchUp is the pause before the next tick while a section still has
	// more to prune than one Batch.
	catchUp = time.Second
	// leaseName is the lease replicas sharing a store take, so that one
	// of them prunes at a time.
	leaseName = "retention"
)

// Pruner removes what each section's policy no longer keeps, a bounded
// batch per section per tick.
type Pruner struct {
	Store    feedsvc.Store
	Sections func() []feedsvc.Section
	// Default is the policy of a section that sets none (see Defaults).
	Default Policy
	// Batch is the most index entries read, and articles removed, per
	// section per tick (default 500).
	Batch int
	// Interval is the pause between ticks (default 1m).
	Interval time.Duration
	// OnChange is told the sections a tick pruned (render cache).
	OnChange func(ctx context.Context, slugs []string)
	Log      *slog.Logger
	Now      func() time.Time // default time.Now

	owner string
}

// Result is what one tick removed, by section.
type Result struct {
	Removed map[string]int
	More    bool // some section had a full batch: more may be due
}

// Run ticks until ctx is done, sooner while a section is catching up.
func (p *Pruner) Run(ctx context.Context) {
	defer p.Store.Unlock(context.WithoutCancel(ctx), leaseName, p.lease())
	for {
		wait := p.interval()
		res, err := p.Tick(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			p.log().Warn("retention: tick failed", slog.Any("error", err))
		case res.More:
			wait = catchUp
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// Tick prunes every section once, at most Batch articles each. A replica
// that does not hold the retention lease does nothing.
func (p *Pruner) Tick(ctx context.Context) (Result, error) {
	res := Result{Removed: map[string]int{}}
	ok, err := p.Store.TryLock(ctx, leaseName, p.lease(), 2*p.interval()+time.Minute)
	if err != nil || !ok {
		return res, err
	}
	var changed []string
	var errs []error
	for _, sec := range p.Sections() {
		n, err := p.section(ctx, sec)
		if err != nil {
			errs = append(errs, fmt.Errorf("retention %s: %w", sec.Slug, err))
			continue
		}
		if n > 0 {
			res.Removed[sec.Slug] = n
			changed = append(changed, sec.Slug)
			p.log().Info("retention: pruned", "section", sec.Slug, "removed", n)
		}
		res.More = res.More || n >= p.batch()
	}
	if len(changed) > 0 && p.OnChange != nil {
		p.OnChange(ctx, changed)
	}
	return res, errors.Join(errs...)
}

// section prunes one section and returns how many articles left it.
func (p *Pruner) section(ctx context.Context, sec feedsvc.Section) (int, error) {
	pol := For(sec, p.Default)
	if !pol.bounded() {
		return 0, nil
	}
	oldest, total, err := p.Store.SectionOldest(ctx, sec.Slug, p.batch())
	if err != nil {
		return 0, err
	}
	ids := plan(oldest, total, pol, p.now())
	if len(ids) == 0 {
		return 0, nil
	}
	if err := p.Store.RemoveFromSection(ctx, sec.Slug, ids); err != nil {
		return 0, err
	}
	return len(ids), nil
}

func (p *Pruner) lease() string {
	if p.owner == "" {
		var b [8]byte
		rand.Read(b[:])
		p.owner = "retention-" + hex.EncodeToString(b[:])
	}
	return p.owner
}

func (p *Pruner) batch() int {
	if p.Batch > 0 {
		return p.Batch
	}
	return DefaultBatch
}

func (p *Pruner) interval() time.Duration {
	if p.Interval > 0 {
		return p.Interval
	}
	return DefaultInterval
}

func (p *Pruner) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Pruner) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.New(slog.DiscardHandler)
}
