package dump

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// batchSize is how many articles Import puts at once.
const batchSize = 500

// ErrNotEmpty reports an Import into a store that already holds data.
var ErrNotEmpty = errors.New("store is not empty")

// errStop ends the emptiness probe at the first record.
var errStop = errors.New("stop")

// Import reads JSON Lines records from r into dst, which must be empty
// (it must be a feedsvc.Dumper so that Import can tell). Blobs whose
// expiry has passed are skipped; others keep their remaining lifetime.
func Import(ctx context.Context, r io.Reader, dst feedsvc.Store) (Counts, error) {
	var n Counts
	if err := empty(ctx, dst); err != nil {
		return n, err
	}
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	var batch []feedsvc.Article
	for line := 1; ; line++ {
		var rec feedsvc.Record
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, fmt.Errorf("import: record %d: %w: %w", line, feedsvc.ErrInvalid, err)
		}
		if batch, err = load(ctx, dst, rec, batch); err != nil {
			return n, fmt.Errorf("import: record %d: %w", line, err)
		}
		n.add(rec.Type)
	}
	if err := flush(ctx, dst, batch); err != nil {
		return n, fmt.Errorf("import: %w", err)
	}
	return n, nil
}

// empty returns ErrNotEmpty unless dst holds no record.
func empty(ctx context.Context, dst feedsvc.Store) error {
	d, ok := dst.(feedsvc.Dumper)
	if !ok {
		return fmt.Errorf("import: %T cannot list its records: %w", dst, feedsvc.ErrInvalid)
	}
	err := d.Dump(ctx, func(feedsvc.Record) error { return errStop })
	if errors.Is(err, errStop) {
		return fmt.Errorf("import: %w: import only into an empty store", ErrNotEmpty)
	}
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

// load writes one record to dst, or queues an article in batch.
func load(ctx context.Context, dst feedsvc.Store, rec feedsvc.Record, batch []feedsvc.Article) ([]feedsvc.Article, error) {
	if rec.Version < 1 || rec.Version > feedsvc.RecordVersion {
		return batch, fmt.Errorf("version %d of a %s record: %w (this build reads 1..%d)", rec.Version, rec.Type, feedsvc.ErrInvalid, feedsvc.RecordVersion)
	}
	switch {
	case rec.Type == feedsvc.RecordArticle && rec.Article != nil:
		if batch = append(batch, *rec.Article); len(batch) < batchSize {
			return batch, nil
		}
		return batch[:0], flush(ctx, dst, batch)
	case rec.Type == feedsvc.RecordState && rec.State != nil:
		return batch, dst.PutSourceState(ctx, *rec.State)
	case rec.Type == feedsvc.RecordBlob:
		var ttl time.Duration
		if !rec.Expires.IsZero() {
			if ttl = time.Until(rec.Expires); ttl <= 0 {
				return batch, nil // expired in transit
			}
		}
		return batch, dst.PutBlob(ctx, rec.Key, rec.Data, ttl)
	}
	return batch, fmt.Errorf("record of type %q: %w", rec.Type, feedsvc.ErrInvalid)
}

// flush puts a batch of articles.
func flush(ctx context.Context, dst feedsvc.Store, batch []feedsvc.Article) error {
	if len(batch) == 0 {
		return nil
	}
	return dst.PutArticles(ctx, batch)
}
