package membership

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

const (
	membershipKey = "membership:sections" // sourceID -> sections last reconciled
	leaseName     = "membership:backfill"
	batchSize     = 100
)

// Reconciler backfills the sections of sources whose membership changed.
type Reconciler struct {
	Store feedsvc.Store
	Dump  feedsvc.Dumper // the same store, enumerable
	// Sources returns the live sources and the catalog version they
	// belong to (catalog.SourcesAt); versions only grow.
	Sources func() ([]feedsvc.Source, int64)
	// Keep reports whether a is within the retention of section slug; nil
	// keeps everything.
	Keep func(slug string, a *feedsvc.Article) bool
	// OnChange is told the sections a backfill changed (render cache).
	OnChange func(ctx context.Context, slugs []string)
	Log      *slog.Logger
	// Interval between checks (default 5s); Kick checks at once.
	Interval time.Duration

	kick chan struct{}
}

// Init prepares Kick; call before Run and Kick.
func (r *Reconciler) Init() { r.kick = make(chan struct{}, 1) }

// Kick asks for a check soon (after an admin change on this replica).
func (r *Reconciler) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// PollNow is Kick, so the reconciler can sit beside the scheduler as an
// admin refresher (a source PUT).
func (r *Reconciler) PollNow(string) { r.Kick() }

// Run checks at start, every Interval and on Kick until ctx ends.
func (r *Reconciler) Run(ctx context.Context) {
	every := r.Interval
	if every <= 0 {
		every = 5 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := r.Tick(ctx); err != nil && ctx.Err() == nil {
			r.log().Error("membership backfill failed", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-r.kick:
		}
	}
}

// change is how one source's sections moved.
type change struct{ added, removed []string }

// Tick reconciles once and returns the sections it changed.
func (r *Reconciler) Tick(ctx context.Context) ([]string, error) {
	owner := strconv.FormatInt(time.Now().UnixNano(), 36)
	ok, err := r.Store.TryLock(ctx, leaseName, owner, 10*time.Minute)
	if err != nil || !ok {
		return nil, err
	}
	defer r.Store.Unlock(context.WithoutCancel(ctx), leaseName, owner)
	rec, found, err := r.recorded(ctx)
	if err != nil {
		return nil, err
	}
	srcs, ver := r.Sources()
	if found && ver < rec.Version {
		return nil, nil // this replica has not yet loaded the newer catalog
	}
	cur := map[string][]string{}
	for _, s := range srcs {
		cur[s.ID] = slices.Sorted(slices.Values(s.Sections))
	}
	if found && maps.EqualFunc(rec.Sources, cur, slices.Equal) {
		return nil, nil
	}
	changes := diff(rec.Sources, cur)
	var slugs []string
	if len(changes) > 0 {
		if slugs, err = r.backfill(ctx, changes, cur); err != nil {
			return nil, err
		}
	}
	return slugs, r.save(ctx, record{Version: ver, Sources: cur})
}

// record is the membership last reconciled: each source's sections at a
// catalog version.
type record struct {
	Version int64               `json:"version"`
	Sources map[string][]string `json:"sources"`
}

// diff lists the sources present in both maps whose sections differ.
func diff(rec, cur map[string][]string) map[string]change {
	out := map[string]change{}
	for id, now := range cur {
		was, ok := rec[id]
		if !ok || slices.Equal(was, now) {
			continue
		}
		var c change
		for _, s := range now {
			if !slices.Contains(was, s) {
				c.added = append(c.added, s)
			}
		}
		for _, s := range was {
			if !slices.Contains(now, s) {
				c.removed = append(c.removed, s)
			}
		}
		out[id] = c
	}
	return out
}

func (r *Reconciler) recorded(ctx context.Context) (record, bool, error) {
	var rec record
	b, err := r.Store.Blob(ctx, membershipKey)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return rec, false, nil
	}
	if err != nil {
		return rec, false, fmt.Errorf("membership: %w", err)
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		return rec, false, fmt.Errorf("membership: stored record: %w", err)
	}
	return rec, true, nil
}

func (r *Reconciler) save(ctx context.Context, rec record) error {
	b, err := json.Marshal(rec)
	if err == nil {
		err = r.Store.PutBlob(ctx, membershipKey, b, 0)
	}
	if err != nil {
		return fmt.Errorf("membership: save: %w", err)
	}
	return nil
}

func (r *Reconciler) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}
