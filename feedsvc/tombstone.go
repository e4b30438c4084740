package feedsvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// TombstonesKey is the blob that holds every tombstone, one JSON list
// (export and import carry it as a blob record). One blob keeps a poll's
// check to a single read; takedowns are rare and few.
const TombstonesKey = "takedown:tombstones"

// ErrGone reports an article that is taken down (its tombstone stands).
var ErrGone = errors.New("taken down")

// Tombstone records a taken-down article: ingest never stores an article
// with its ID or its canonical URL again until the tombstone is lifted.
type Tombstone struct {
	ID    string `json:"id"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	// Sources are the sources that carried it (SourceID, then AlsoIn):
	// lifting the tombstone makes them fetch afresh.
	Sources  []string  `json:"sources,omitempty"`
	Sections []string  `json:"sections,omitempty"`
	Deleted  time.Time `json:"deleted"`
}

// Tombstones is the stored list, oldest first.
type Tombstones []Tombstone

// Blocks reports whether a is taken down (by ID or canonical URL).
func (ts Tombstones) Blocks(a *Article) bool {
	for _, t := range ts {
		if t.ID == a.ID || (t.URL != "" && t.URL == a.URL) {
			return true
		}
	}
	return false
}

// LoadTombstones reads the tombstone list; none stored is an empty list.
func LoadTombstones(ctx context.Context, st Store) (Tombstones, error) {
	b, err := st.Blob(ctx, TombstonesKey)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("tombstones: %w", err)
	}
	var ts Tombstones
	if err := json.Unmarshal(b, &ts); err != nil {
		return nil, fmt.Errorf("tombstones: stored list: %w", err)
	}
	return ts, nil
}
