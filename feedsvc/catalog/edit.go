package catalog

import (
	"context"
	"fmt"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// PutSource creates or replaces a source (create=true refuses an existing
// id: feedsvc.ErrConflict). Only this source and its references are
// validated (a *feedsvc.ValidationError; file: URLs are refused, they are
// for configuration files) and written.
func (c *Catalog) PutSource(ctx context.Context, src feedsvc.Source, create bool) error {
	return c.exclusive(ctx, func(ctx context.Context) error {
		if err := c.sync(ctx); err != nil {
			return err
		}
		cur, _ := c.current()
		i := cur.sourceAt(src.ID)
		switch {
		case i >= 0 && create:
			return fmt.Errorf("source %q exists: %w", src.ID, feedsvc.ErrConflict)
		case i < 0 && !create:
			return fmt.Errorf("source %q: %w", src.ID, feedsvc.ErrNotFound)
		}
		if err := checkSource(&src, cur.slugs(), false); err != nil {
			return err
		}
		next := clone(cur)
		next.putSource(src)
		return c.commit(ctx, kindSource, src.ID, src, next, i < 0)
	})
}

// DeleteSource removes a source; its stored articles stay published.
func (c *Catalog) DeleteSource(ctx context.Context, id string) error {
	return c.exclusive(ctx, func(ctx context.Context) error {
		if err := c.sync(ctx); err != nil {
			return err
		}
		cur, _ := c.current()
		if cur.sourceAt(id) < 0 {
			return fmt.Errorf("source %q: %w", id, feedsvc.ErrNotFound)
		}
		next := clone(cur)
		next.remove(kindSource, id)
		return c.commit(ctx, kindSource, id, nil, next, true)
	})
}

// PutSection creates or replaces a section (create=true refuses an existing slug).
func (c *Catalog) PutSection(ctx context.Context, sec feedsvc.Section, create bool) error {
	return c.exclusive(ctx, func(ctx context.Context) error {
		if err := c.sync(ctx); err != nil {
			return err
		}
		cur, _ := c.current()
		i := cur.sectionAt(sec.Slug)
		switch {
		case i >= 0 && create:
			return fmt.Errorf("section %q exists: %w", sec.Slug, feedsvc.ErrConflict)
		case i < 0 && !create:
			return fmt.Errorf("section %q: %w", sec.Slug, feedsvc.ErrNotFound)
		}
		if err := checkSection(sec); err != nil {
			return err
		}
		next := clone(cur)
		next.putSection(sec)
		return c.commit(ctx, kindSection, sec.Slug, sec, next, i < 0)
	})
}

// DeleteSection removes a section no source uses.
func (c *Catalog) DeleteSection(ctx context.Context, slug string) error {
	return c.exclusive(ctx, func(ctx context.Context) error {
		if err := c.sync(ctx); err != nil {
			return err
		}
		cur, _ := c.current()
		for _, src := range cur.Sources {
			if slices.Contains(src.Sections, slug) {
				return fmt.Errorf("section %q is used by source %q: %w", slug, src.ID, feedsvc.ErrConflict)
			}
		}
		if cur.sectionAt(slug) < 0 {
			return fmt.Errorf("section %q: %w", slug, feedsvc.ErrNotFound)
		}
		next := clone(cur)
		next.remove(kindSection, slug)
		return c.commit(ctx, kindSection, slug, nil, next, true)
	})
}
