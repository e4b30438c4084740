package retention

import (
	"context"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Admit returns, for a poll of a source publishing into slugs, whether an
// article with a given sort time is worth storing: false when every one of
// the sections would prune it at once (Policy.dropsNew), so a source that
// still serves what its sections no longer keep does not re-add it at
// every poll (ingest.Ingester.Admit). It reads each bounded section's
// oldest index entry once.
func (p *Pruner) Admit(ctx context.Context, slugs []string) (func(time.Time) bool, error) {
	type bound struct {
		pol    Policy
		oldest feedsvc.Cursor
		total  int
	}
	var bounds []bound
	for _, slug := range slugs {
		pol := For(p.configured(slug), p.Default)
		if !pol.bounded() {
			return func(time.Time) bool { return true }, nil
		}
		oldest, total, err := p.Store.SectionOldest(ctx, slug, 1)
		if err != nil {
			return nil, fmt.Errorf("retention %s: %w", slug, err)
		}
		b := bound{pol: pol, total: total}
		if len(oldest) > 0 {
			b.oldest = oldest[0]
		}
		bounds = append(bounds, b)
	}
	now := p.now()
	return func(t time.Time) bool {
		for _, b := range bounds {
			if !b.pol.dropsNew(t, b.oldest, b.total, now) {
				return true
			}
		}
		return len(bounds) == 0
	}, nil
}

// configured returns the section slug as configured; a slug no longer
// configured has no policy of its own.
func (p *Pruner) configured(slug string) feedsvc.Section {
	for _, s := range p.Sections() {
		if s.Slug == slug {
			return s
		}
	}
	return feedsvc.Section{Slug: slug}
}
