package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Admit, when set, returns for a poll of a source publishing into sections
// whether an article with a given sort time is worth storing; false means
// retention would prune it from every one of them at once
// (retention.Pruner.Admit).
type Admit func(ctx context.Context, sections []string) (func(sort time.Time) bool, error)

// admitted returns the articles of arts that src's sections keep, in
// order: a source that still serves stories older than its sections
// retain would otherwise re-add them at every poll, and every pruning
// pass remove them again. An undated article sorts by when it is first
// seen, so it is always kept.
func (in *Ingester) admitted(ctx context.Context, src *feedsvc.Source, arts []feedsvc.Article) ([]feedsvc.Article, error) {
	if in.Admit == nil || len(arts) == 0 {
		return arts, nil
	}
	keep, err := in.Admit(ctx, src.Sections)
	if err != nil {
		return nil, fmt.Errorf("retention of %s: %w", src.ID, err)
	}
	out := arts[:0:0]
	for i := range arts {
		if arts[i].Published.IsZero() || keep(arts[i].Published) {
			out = append(out, arts[i])
		}
	}
	return out, nil
}
