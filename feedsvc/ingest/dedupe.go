package ingest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// nearDupWindow is how many recent articles per section a new article is
// compared with for near-duplicates.
const nearDupWindow = 200

// mergeSame carries stored facts over to a re-fetched article with the same
// ID and reports whether it differs from what is stored. A changed article
// without a source-given update time gets one, so its updated date and the
// channel's ETag move.
func mergeSame(prev, a *feedsvc.Article) bool {
	a.FirstSeen = prev.FirstSeen
	a.AlsoIn = prev.AlsoIn
	for _, s := range prev.Sections {
		if !slices.Contains(a.Sections, s) && len(prev.AlsoIn) > 0 {
			a.Sections = append(a.Sections, s) // gained via another source
		}
	}
	if a.Published.IsZero() {
		a.Published = prev.Published
	}
	carryMedia(prev, a)
	if a.Updated.IsZero() || a.Updated.Equal(prev.Updated) {
		a.Updated = prev.Updated
		if !sameContent(prev, a) {
			a.Updated = time.Now().UTC().Truncate(time.Second)
		}
	}
	return !sameContent(prev, a)
}

func sameContent(x, y *feedsvc.Article) bool {
	bx, err1 := json.Marshal(x)
	by, err2 := json.Marshal(y)
	return err1 == nil && err2 == nil && string(bx) == string(by)
}

// findDuplicate returns the stored article from another source that carries
// the same story as a (same canonical URL, or a near-identical SimHash of
// title and body), or nil. A stored article of the same source under the
// same URL but another ID (a changed guid) gives a its ID instead.
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
				if arts[0].SourceID == src.ID {
					a.ID = id
					mergeSame(&arts[0], a)
					return nil, nil
				}
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
		arts, err := recent.get(ctx, in.Store, slug)
		if err != nil {
			return nil, err
		}
		for i := range arts {
			r := &arts[i]
			if r.SourceID != src.ID && r.Fingerprint != 0 &&
				normalize.Distance(r.Fingerprint, a.Fingerprint) <= in.NearDupDistance {
				return r, nil
			}
		}
	}
	return nil, nil
}

// addAlsoIn records src's copy of the story on target; it reports whether
// target changed.
func addAlsoIn(target *feedsvc.Article, src *feedsvc.Source, a *feedsvc.Article) bool {
	changed := false
	if !slices.ContainsFunc(target.AlsoIn, func(r feedsvc.SourceRef) bool { return r.SourceID == src.ID }) {
		target.AlsoIn = append(target.AlsoIn, feedsvc.SourceRef{SourceID: src.ID, URL: a.URL})
		changed = true
	}
	for _, s := range a.Sections {
		if !slices.Contains(target.Sections, s) {
			target.Sections = append(target.Sections, s)
			changed = true
		}
	}
	return changed
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

// recentCache holds each section's newest articles, read once per batch
// for near-duplicate matching.
type recentCache map[string][]feedsvc.Article

func (c recentCache) get(ctx context.Context, st feedsvc.Store, slug string) ([]feedsvc.Article, error) {
	if arts, ok := c[slug]; ok {
		return arts, nil
	}
	arts, err := st.SectionArticles(ctx, slug, feedsvc.Query{Limit: nearDupWindow})
	if err != nil {
		return nil, fmt.Errorf("recent %s: %w", slug, err)
	}
	c[slug] = arts
	return arts, nil
}
