package ingest

import (
	"cmp"
	"context"
	"errors"
	"fmt"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// nearDupWindow is how many recent articles per section a new article is
// compared with for near-duplicates.
const nearDupWindow = 200

// findDuplicate returns the stored story that a is another version of:
// the article stored under a's canonical URL (from any source, also src
// itself after a changed guid), or another source's article with a
// near-identical SimHash of title and body; else nil.
func (in *Ingester) findDuplicate(ctx context.Context, src *feedsvc.Source, a *feedsvc.Article, recent recentCache) (*feedsvc.Article, error) {
	if a.URL != "" {
		id, err := in.Store.LookupURL(ctx, a.URL)
		switch {
		case err == nil && id != a.ID:
			arts, err := in.Store.Articles(ctx, []string{id})
			if err != nil {
				return nil, fmt.Errorf("load %s: %w", id, err)
			}
			if len(arts) == 1 {
				return &arts[0], nil
			}
		case err != nil && !errors.Is(err, feedsvc.ErrNotFound):
			return nil, fmt.Errorf("lookup %s: %w", a.URL, err)
		}
	}
	if in.NearDupDistance < 0 || a.Fingerprint == 0 {
		return nil, nil
	}
	for _, slug := range a.Sections {
		entries, err := recent.get(ctx, in.Store, slug)
		if err != nil {
			return nil, err
		}
		for i := range entries {
			r := &entries[i]
			if r.HasSource(src.ID) || r.Fingerprint == 0 ||
				normalize.Distance(r.Fingerprint, a.Fingerprint) > in.NearDupDistance {
				continue
			}
			arts, err := in.Store.Articles(ctx, []string{r.ID})
			if err != nil {
				return nil, fmt.Errorf("load %s: %w", r.ID, err)
			}
			if len(arts) == 1 && !hasVersion(&arts[0], src.ID) { // else gone or changed since
				return &arts[0], nil
			}
		}
	}
	return nil, nil
}

// carryMedia keeps media types and lengths learned earlier (by enrichment)
// for the same URLs, so a re-poll without them is not a change.
func carryMedia(prev, a *feedsvc.Article) {
	type meta struct {
		typ string
		n   int64
	}
	known := map[string]meta{}
	for _, im := range prev.Images {
		known[im.URL] = meta{im.Type, im.Length}
	}
	for _, at := range prev.Attachments {
		known[at.URL] = meta{at.Type, at.Length}
	}
	for i := range a.Images {
		if k, ok := known[a.Images[i].URL]; ok {
			a.Images[i].Type, a.Images[i].Length = cmp.Or(a.Images[i].Type, k.typ), cmp.Or(a.Images[i].Length, k.n)
		}
	}
	for i := range a.Attachments {
		if k, ok := known[a.Attachments[i].URL]; ok {
			a.Attachments[i].Type, a.Attachments[i].Length = cmp.Or(a.Attachments[i].Type, k.typ), cmp.Or(a.Attachments[i].Length, k.n)
		}
	}
}

// recentCache holds what near-duplicate matching and the first-page share
// need of each section's newest articles (source, versions' sources,
// fingerprint: feedsvc.Recent, never the articles), read once per batch.
type recentCache map[string][]feedsvc.Recent

func (c recentCache) get(ctx context.Context, st feedsvc.Store, slug string) ([]feedsvc.Recent, error) {
	if r, ok := c[slug]; ok {
		return r, nil
	}
	r, err := st.SectionRecent(ctx, slug, nearDupWindow)
	if err != nil {
		return nil, fmt.Errorf("recent %s: %w", slug, err)
	}
	c[slug] = r
	return r, nil
}
