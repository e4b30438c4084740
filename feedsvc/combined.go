package feedsvc

import (
	"cmp"
	"context"
	"slices"
)

// AllSlug names the combined channel (and page) of every section, which
// no configured section may take.
const AllSlug = "all"

// Combined returns the combined section of secs and the slugs it covers:
// every section of secs, merged newest first. Its language and time zone
// are those every section shares, else empty.
func Combined(secs []Section) (Section, []string) {
	all := Section{Slug: AllSlug, Title: "All sections", Description: "Every section of this feedsvc, newest first"}
	slugs := make([]string, 0, len(secs))
	for i, s := range secs {
		slugs = append(slugs, s.Slug)
		if i == 0 {
			all.Language, all.Timezone = s.Language, s.Timezone
		}
		if s.Language != all.Language {
			all.Language = ""
		}
		if s.Timezone != all.Timezone {
			all.Timezone = ""
		}
	}
	return all, slugs
}

// NewestFirst orders articles as a section's index does: sort time (to
// the millisecond, a Cursor's precision), then ID, both descending.
func NewestFirst(a, b Article) int {
	if c := cmp.Compare(b.SortTime().UnixMilli(), a.SortTime().UnixMilli()); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// ReadSections reads each section of slugs with read and merges them
// newest first, each article once (one published in several sections
// appears once), keeping at most limit (<= 0: all). It is the one reader
// of several sections, for channels and pages alike.
func ReadSections(ctx context.Context, slugs []string, limit int, read func(ctx context.Context, slug string) ([]Article, error)) ([]Article, error) {
	var all []Article
	for _, slug := range slugs {
		arts, err := read(ctx, slug)
		if err != nil {
			return nil, err
		}
		all = append(all, arts...)
	}
	if len(slugs) > 1 {
		slices.SortFunc(all, NewestFirst)
		all = slices.CompactFunc(all, func(a, b Article) bool { return a.ID == b.ID })
	}
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}
