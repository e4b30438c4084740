package ingest

import (
	"context"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// dropTombstoned removes taken-down articles (feedsvc.Tombstones, by ID
// or canonical URL) from a poll before anything is merged or stored.
func (in *Ingester) dropTombstoned(ctx context.Context, src *feedsvc.Source, arts []feedsvc.Article) ([]feedsvc.Article, error) {
	ts, err := feedsvc.LoadTombstones(ctx, in.Store)
	if err != nil || len(ts) == 0 {
		return arts, err
	}
	out := arts[:0:0]
	for i := range arts {
		if ts.Blocks(&arts[i]) {
			in.log().Debug("tombstoned article skipped", "source_id", src.ID, "article_id", arts[i].ID, "url", arts[i].URL)
			continue
		}
		out = append(out, arts[i])
	}
	return out, nil
}

// retractTombstoned closes the race with a takedown made while this poll
// was storing: the takedown writes its tombstone before it removes the
// article, so reading the list again after the put either sees the
// tombstone (and removes what was just written) or the takedown's removal
// comes after the put.
func (in *Ingester) retractTombstoned(ctx context.Context, written []feedsvc.Article) error {
	ts, err := feedsvc.LoadTombstones(ctx, in.Store)
	if err != nil || len(ts) == 0 {
		return err
	}
	for i := range written {
		a := &written[i]
		if !ts.Blocks(a) {
			continue
		}
		for _, slug := range a.Sections {
			if err := in.Store.RemoveFromSection(ctx, slug, []string{a.ID}); err != nil {
				return err
			}
		}
	}
	return nil
}
