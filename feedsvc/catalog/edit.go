package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// PutSource creates or replaces a source (create=true refuses an existing id).
func (c *Catalog) PutSource(ctx context.Context, src feedsvc.Source, create bool) error {
	return c.update(ctx, func(s *snapshot) error {
		i := slices.IndexFunc(s.Sources, func(x feedsvc.Source) bool { return x.ID == src.ID })
		switch {
		case i >= 0 && create:
			return fmt.Errorf("source %q exists: %w", src.ID, ErrConflict)
		case i >= 0:
			s.Sources[i] = src
		case !create:
			return fmt.Errorf("source %q: %w", src.ID, feedsvc.ErrNotFound)
		default:
			s.Sources = append(s.Sources, src)
		}
		return nil
	})
}

// DeleteSource removes a source; its stored articles stay published.
func (c *Catalog) DeleteSource(ctx context.Context, id string) error {
	return c.update(ctx, func(s *snapshot) error {
		n := len(s.Sources)
		s.Sources = slices.DeleteFunc(s.Sources, func(x feedsvc.Source) bool { return x.ID == id })
		if len(s.Sources) == n {
			return fmt.Errorf("source %q: %w", id, feedsvc.ErrNotFound)
		}
		return nil
	})
}

// PutSection creates or replaces a section (create=true refuses an existing slug).
func (c *Catalog) PutSection(ctx context.Context, sec feedsvc.Section, create bool) error {
	return c.update(ctx, func(s *snapshot) error {
		i := slices.IndexFunc(s.Sections, func(x feedsvc.Section) bool { return x.Slug == sec.Slug })
		switch {
		case i >= 0 && create:
			return fmt.Errorf("section %q exists: %w", sec.Slug, ErrConflict)
		case i >= 0:
			s.Sections[i] = sec
		case !create:
			return fmt.Errorf("section %q: %w", sec.Slug, feedsvc.ErrNotFound)
		default:
			s.Sections = append(s.Sections, sec)
		}
		return nil
	})
}

// DeleteSection removes a section no source uses.
func (c *Catalog) DeleteSection(ctx context.Context, slug string) error {
	return c.update(ctx, func(s *snapshot) error {
		for _, src := range s.Sources {
			if slices.Contains(src.Sections, slug) {
				return fmt.Errorf("section %q is used by source %q: %w", slug, src.ID, ErrConflict)
			}
		}
		n := len(s.Sections)
		s.Sections = slices.DeleteFunc(s.Sections, func(x feedsvc.Section) bool { return x.Slug == slug })
		if len(s.Sections) == n {
			return fmt.Errorf("section %q: %w", slug, feedsvc.ErrNotFound)
		}
		return nil
	})
}

// update applies change to the stored snapshot under a store lock,
// validates the result, writes it with a new version and adopts it.
func (c *Catalog) update(ctx context.Context, change func(*snapshot) error) error {
	if err := c.lock(ctx); err != nil {
		return err
	}
	defer func() { _ = c.Store.Unlock(context.WithoutCancel(ctx), lockName, c.owner) }()
	var s snapshot
	b, err := c.Store.Blob(ctx, dataKey)
	switch {
	case err == nil:
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("catalog: stored snapshot: %w", err)
		}
	case !errors.Is(err, feedsvc.ErrNotFound):
		return fmt.Errorf("catalog: %w", err)
	}
	if err := change(&s); err != nil {
		return err
	}
	if err := c.check(&s); err != nil {
		return err
	}
	ver, err := c.storedVersion(ctx)
	if err != nil && !errors.Is(err, feedsvc.ErrNotFound) {
		return fmt.Errorf("catalog: version: %w", err)
	}
	ver++
	if b, err = json.Marshal(s); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if err := c.Store.PutBlob(ctx, dataKey, b, 0); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if err := c.Store.PutBlob(ctx, versionKey, []byte(strconv.FormatInt(ver, 10)), 0); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	c.mu.Lock()
	c.data, c.version = s, ver
	c.mu.Unlock()
	return nil
}

// lock takes the catalog write lock, waiting up to 5 s for another writer.
func (c *Catalog) lock(ctx context.Context) error {
	for deadline := time.Now().Add(5 * time.Second); ; {
		ok, err := c.Store.TryLock(ctx, lockName, c.owner, 10*time.Second)
		if err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("catalog: another writer holds the lock: %w", ErrConflict)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// fieldOf returns the field name an error message starts with ("url: …").
func fieldOf(err error) string {
	f, _, ok := strings.Cut(err.Error(), ":")
	if !ok || strings.ContainsAny(f, " \"") {
		return ""
	}
	return f
}
