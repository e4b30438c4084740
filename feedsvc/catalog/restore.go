package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// restore writes a catalog into a store that holds none: the former
// single-blob catalog when present (migration), else on first start the
// seed (the configuration file), else the catalog this process knew.
func (c *Catalog) restore(ctx context.Context) error {
	_, ver := c.current()
	if stored, err := c.storedVersion(ctx); err == nil && stored > ver {
		ver = stored // keep versions growing for replicas that compare them
	}
	s, from, err := c.fallback(ctx)
	if err != nil {
		return err
	}
	if from != fromProcess {
		if err := c.check(&s); err != nil {
			return fmt.Errorf("catalog: %s: %w", from, err)
		}
	}
	if err := c.writeAll(ctx, s, ver+1); err != nil {
		return err
	}
	c.log().Info("catalog stored", "from", from, "sections", len(s.Sections), "sources", len(s.Sources))
	if from == fromLegacy {
		return c.Store.DeleteBlobs(ctx, legacyKey)
	}
	return nil
}

const (
	fromLegacy  = "single-blob catalog (migrated)"
	fromProcess = "this process's last known catalog"
)

// fallback picks the catalog to restore and names where it came from.
func (c *Catalog) fallback(ctx context.Context) (snapshot, string, error) {
	b, err := c.Store.Blob(ctx, legacyKey)
	switch {
	case err == nil:
		var s snapshot
		if err := json.Unmarshal(b, &s); err != nil {
			return s, "", fmt.Errorf("catalog: stored snapshot: %w", err)
		}
		return s, fromLegacy, nil
	case !errors.Is(err, feedsvc.ErrNotFound):
		return snapshot{}, "", fmt.Errorf("catalog: %w", err)
	}
	cur, _ := c.current()
	if !c.loaded {
		return clone(c.seed), "configuration file", nil // first start
	}
	// The store lost the catalog (a restarted Redis without persistence,
	// FLUSHALL, eviction): restore the last one this process knew, never
	// an empty one.
	from := fromProcess
	if len(cur.Sections)+len(cur.Sources) == 0 {
		cur, from = c.seed, "configuration file"
	}
	c.log().Error("catalog missing from the store (data loss?): restoring it",
		"from", from, "sections", len(cur.Sections), "sources", len(cur.Sources))
	return clone(cur), from, nil
}

// check validates every entry of s and the references between them (a
// configuration file's catalog: file: URLs allowed).
func (c *Catalog) check(s *snapshot) error {
	slugs := map[string]bool{}
	for _, sec := range s.Sections {
		if err := checkSection(sec); err != nil {
			return err
		}
		slugs[sec.Slug] = true
	}
	for i := range s.Sources {
		if err := checkSource(&s.Sources[i], slugs, true); err != nil {
			return err
		}
	}
	return nil
}

func checkSection(sec feedsvc.Section) error {
	if err := feedsvc.ValidateSection(sec); err != nil {
		return fmt.Errorf("section %s: %w", sec.Slug, err)
	}
	return nil
}

// checkSource validates src and fills its defaults; allowFile permits
// file: URLs (configuration files only, never the admin API).
func checkSource(src *feedsvc.Source, slugs map[string]bool, allowFile bool) error {
	if err := validateSource(src, slugs, allowFile); err != nil {
		return fmt.Errorf("source %s: %w", src.ID, err)
	}
	return nil
}
