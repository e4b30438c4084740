package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Store keys of the persisted catalog.
const (
	dataKey    = "cfg:catalog"
	versionKey = "cfg:version"
	lockName   = "cfg:write"
)

// ErrConflict reports a change that would break references (a section that
// sources still use, an id that already exists).
var ErrConflict = errors.New("conflict")

// ValidationError names the field that failed validation.
type ValidationError struct {
	Field string
	Err   error
}

func (e *ValidationError) Error() string { return e.Err.Error() }
func (e *ValidationError) Unwrap() error { return feedsvc.ErrInvalid }

// Validators check and complete entries (config.ValidateSource and
// config.ValidateSection in production); errors start with the field name.
type Validators struct {
	Source  func(s *feedsvc.Source, slugs map[string]bool) error
	Section func(s feedsvc.Section) error
}

// Catalog is the live, persisted set of sections and sources.
type Catalog struct {
	Store    feedsvc.Store
	Validate Validators
	Log      *slog.Logger

	mu      sync.RWMutex
	data    snapshot
	version int64
	owner   string
}

type snapshot struct {
	Sections []feedsvc.Section `json:"sections"`
	Sources  []feedsvc.Source  `json:"sources"`
}

// Load reads the catalog from the store, or seeds the store with the
// given sections and sources when it holds none yet.
func (c *Catalog) Load(ctx context.Context, sections []feedsvc.Section, sources []feedsvc.Source) error {
	c.owner = strconv.FormatInt(time.Now().UnixNano(), 36)
	ver, err := c.storedVersion(ctx)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return c.update(ctx, func(s *snapshot) error {
			if len(s.Sections)+len(s.Sources) > 0 {
				return nil // another replica seeded it first
			}
			s.Sections, s.Sources = sections, sources
			return nil
		})
	}
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	return c.reload(ctx, ver)
}

// Sections returns a copy of the sections.
func (c *Catalog) Sections() []feedsvc.Section {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Clone(c.data.Sections)
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
		if err != nil || ver == cur {
			continue
		}
		if err := c.reload(ctx, ver); err != nil {
			c.log().Warn("catalog reload failed", slog.Any("error", err))
		}
	}
}

func (c *Catalog) storedVersion(ctx context.Context) (int64, error) {
	b, err := c.Store.Blob(ctx, versionKey)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(string(b), 10, 64)
}

// reload reads the stored snapshot, re-validating entries (which also
// restores each source's time zone).
func (c *Catalog) reload(ctx context.Context, ver int64) error {
	b, err := c.Store.Blob(ctx, dataKey)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	var s snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("catalog: stored snapshot: %w", err)
	}
	if err := c.check(&s); err != nil {
		return fmt.Errorf("catalog: stored snapshot: %w", err)
	}
	c.mu.Lock()
	c.data, c.version = s, ver
	c.mu.Unlock()
	return nil
}

// check validates every entry of s and the references between them.
func (c *Catalog) check(s *snapshot) error {
	slugs := map[string]bool{}
	for _, sec := range s.Sections {
		if c.Validate.Section != nil {
			if err := c.Validate.Section(sec); err != nil {
				return &ValidationError{Field: fieldOf(err), Err: fmt.Errorf("section %s: %w", sec.Slug, err)}
			}
		}
		slugs[sec.Slug] = true
	}
	for i := range s.Sources {
		if c.Validate.Source != nil {
			if err := c.Validate.Source(&s.Sources[i], slugs); err != nil {
				return &ValidationError{Field: fieldOf(err), Err: fmt.Errorf("source %s: %w", s.Sources[i].ID, err)}
			}
		}
	}
	return nil
}

func (c *Catalog) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.Default()
}
