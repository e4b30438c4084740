package catalog

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// validateSource is feedsvc.ValidateSource (a test counts its calls).
var validateSource = feedsvc.ValidateSource

// Catalog is the live, persisted set of sections and sources. Each
// section and source is its own blob in the store; an index blob lists
// them in order and a version blob counts changes, each change leaving a
// journal entry naming the entity it touched (see store.go).
type Catalog struct {
	Store feedsvc.Store
	Log   *slog.Logger

	mu      sync.RWMutex // guards data and version for readers
	data    snapshot
	version int64
	gen     uint64   // counts adopted snapshots (Generation)
	loaded  bool     // data came from (or was written to) the store once
	seed    snapshot // the configuration file's catalog (Load)

	semOnce sync.Once
	sem     chan struct{} // one writer or reloader per process
}

type snapshot struct {
	Sections []feedsvc.Section `json:"sections"`
	Sources  []feedsvc.Source  `json:"sources"`
}

// Load reads the catalog from the store, or seeds the store with the
// given sections and sources when it holds none yet.
func (c *Catalog) Load(ctx context.Context, sections []feedsvc.Section, sources []feedsvc.Source) error {
	c.seed = snapshot{Sections: sections, Sources: sources}
	// At start, outwait a lease left by a writer that died holding it.
	return c.exclusiveWait(ctx, lockTTL+time.Second, func(ctx context.Context) error { return c.sync(ctx) })
}

// Sections returns the sections: a snapshot shared by every caller (each
// change replaces it, never writes into it), so callers must not modify
// its elements. Its capacity is its length: an append copies.
func (c *Catalog) Sections() []feedsvc.Section {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Clip(c.data.Sections)
}

// Sources returns a copy of the sources.
func (c *Catalog) Sources() []feedsvc.Source {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Clone(c.data.Sources)
}

// Watch reloads the catalog whenever another replica changed it, checking
// every `every` until ctx ends.
func (c *Catalog) Watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		ver, err := c.storedVersion(ctx)
		c.mu.RLock()
		cur := c.version
		c.mu.RUnlock()
		if err == nil && ver == cur || err != nil && !errors.Is(err, feedsvc.ErrNotFound) {
			continue
		}
		if err := c.exclusive(ctx, func(ctx context.Context) error { return c.sync(ctx) }); err != nil {
			c.log().Warn("catalog reload failed", slog.Any("error", err))
		}
	}
}

// current returns the in-process snapshot and version. Only writers
// holding the write lock change them.
func (c *Catalog) current() (snapshot, int64) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.data, c.version
}

// adopt replaces the in-process snapshot.
func (c *Catalog) adopt(s snapshot, ver int64) {
	c.mu.Lock()
	c.data, c.version, c.loaded = s, ver, true
	c.gen++
	c.mu.Unlock()
}

// Generation counts the snapshots this process adopted: while it stays
// the same, Sources and Sections return what they returned before, so a
// caller that re-reads them often can skip copying them.
func (c *Catalog) Generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

func (c *Catalog) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.Default()
}
