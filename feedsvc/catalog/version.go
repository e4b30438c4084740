package catalog

import (
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// SourcesAt returns a copy of the sources and the catalog version they
// belong to, read together (membership backfill: a replica whose copy is
// older than the one last reconciled must not undo a newer change).
func (c *Catalog) SourcesAt() ([]feedsvc.Source, int64) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Clone(c.data.Sources), c.version
}
