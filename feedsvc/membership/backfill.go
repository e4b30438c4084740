package membership

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// plan is what one scan found: sections to add per article id, article
// ids to take out per section.
type plan struct {
	add    map[string][]string
	remove map[string][]string
}

// backfill scans the store once for the articles of the changed sources,
// then adds them to their new sections and takes them out of the old
// ones (adds first, so a move never leaves an article in no section).
func (r *Reconciler) backfill(ctx context.Context, changes map[string]change, cur map[string][]string) ([]string, error) {
	p := plan{add: map[string][]string{}, remove: map[string][]string{}}
	err := r.Dump.Dump(ctx, func(rec feedsvc.Record) error {
		if rec.Type == feedsvc.RecordArticle && rec.Article != nil {
			p.consider(rec.Article, changes, cur)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("membership: scan: %w", err)
	}
	touched := map[string]bool{}
	if err := r.applyAdds(ctx, p.add, touched); err != nil {
		return nil, err
	}
	for slug, ids := range p.remove {
		for chunk := range slices.Chunk(ids, batchSize) {
			if err := r.Store.RemoveFromSection(ctx, slug, chunk); err != nil {
				return nil, fmt.Errorf("membership: leave %s: %w", slug, err)
			}
		}
		touched[slug] = true
	}
	slugs := slices.Sorted(maps.Keys(touched))
	if len(slugs) > 0 && r.OnChange != nil {
		r.OnChange(ctx, slugs)
	}
	r.log().Info("membership backfill", "sources", slices.Sorted(maps.Keys(changes)),
		"added", len(p.add), "removed", countAll(p.remove), "sections", slugs)
	return slugs, nil
}

// consider plans a's moves for every changed source that carries it.
func (p *plan) consider(a *feedsvc.Article, changes map[string]change, cur map[string][]string) {
	holders := holdersOf(a)
	for _, src := range holders {
		c, ok := changes[src]
		if !ok {
			continue
		}
		for _, slug := range c.added {
			if !slices.Contains(a.Sections, slug) && !slices.Contains(p.add[a.ID], slug) {
				p.add[a.ID] = append(p.add[a.ID], slug)
			}
		}
		for _, slug := range c.removed {
			if slices.Contains(a.Sections, slug) && !heldElsewhere(holders, src, slug, cur) &&
				!slices.Contains(p.remove[slug], a.ID) {
				p.remove[slug] = append(p.remove[slug], a.ID)
			}
		}
	}
}

// applyAdds re-reads the articles in batches and puts each into its new
// sections (within the section's retention).
func (r *Reconciler) applyAdds(ctx context.Context, add map[string][]string, touched map[string]bool) error {
	ids := slices.Sorted(maps.Keys(add))
	for chunk := range slices.Chunk(ids, batchSize) {
		arts, err := r.Store.Articles(ctx, chunk)
		if err != nil {
			return fmt.Errorf("membership: load: %w", err)
		}
		var out []feedsvc.Article
		for i := range arts {
			a := &arts[i]
			changed := false
			for _, slug := range add[a.ID] {
				if !slices.Contains(a.Sections, slug) && (r.Keep == nil || r.Keep(slug, a)) {
					a.Sections = append(a.Sections, slug)
					touched[slug], changed = true, true
				}
			}
			if changed {
				out = append(out, *a)
			}
		}
		if len(out) > 0 {
			if err := r.Store.PutArticles(ctx, out); err != nil {
				return fmt.Errorf("membership: put: %w", err)
			}
		}
	}
	return nil
}

// holdersOf lists the sources that carry a: its own, then AlsoIn.
func holdersOf(a *feedsvc.Article) []string {
	out := []string{a.SourceID}
	for _, ref := range a.AlsoIn {
		if !slices.Contains(out, ref.SourceID) {
			out = append(out, ref.SourceID)
		}
	}
	return out
}

// heldElsewhere reports whether a holder other than src is now in slug.
func heldElsewhere(holders []string, src, slug string, cur map[string][]string) bool {
	for _, h := range holders {
		if h != src && slices.Contains(cur[h], slug) {
			return true
		}
	}
	return false
}

func countAll(m map[string][]string) int {
	n := 0
	for _, ids := range m {
		n += len(ids)
	}
	return n
}
