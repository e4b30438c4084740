package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Store layout of the catalog (blobs without expiry unless noted):
//
//	cfg:version        change counter, written last by every change
//	cfg:index          {"sections":[slug…],"sources":[id…]} in catalog order
//	cfg:sec:<slug>;    one section as JSON
//	cfg:src:<id>;      one source as JSON
//	cfg:log:<version>  "sec:<slug>" or "src:<id>": what that change touched (journalTTL)
//	cfg:catalog        the former single-blob catalog, migrated on load
//
// Entity keys end in ';' so DeleteBlobs of one key is exact (ids and slugs
// are URL-safe and never contain it).
const (
	versionKey = "cfg:version"
	indexKey   = "cfg:index"
	legacyKey  = "cfg:catalog"
	journalTTL = time.Hour
	maxReplay  = 500 // more changes than this since our version: full reload
)

// Entity kinds in keys and the journal.
const (
	kindSection = "sec"
	kindSource  = "src"
)

func entityKey(kind, id string) string { return "cfg:" + kind + ":" + id + ";" }
func journalKey(ver int64) string      { return "cfg:log:" + strconv.FormatInt(ver, 10) }

type index struct {
	Sections []string `json:"sections"`
	Sources  []string `json:"sources"`
}

func (c *Catalog) storedVersion(ctx context.Context) (int64, error) {
	b, err := c.Store.Blob(ctx, versionKey)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(string(b), 10, 64)
}

// sync brings the in-process catalog to the stored version: nothing when
// it is current, the journaled changes when few, else a full reload; a
// store without a catalog is seeded (see restore). Callers hold the write
// lock.
func (c *Catalog) sync(ctx context.Context) error {
	ver, err := c.storedVersion(ctx)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return c.restore(ctx)
	}
	if err != nil {
		return fmt.Errorf("catalog: version: %w", err)
	}
	cur, have := c.current()
	if c.loaded && ver == have {
		return nil
	}
	if c.loaded && ver > have && ver-have <= maxReplay {
		if err := c.replay(ctx, cur, have, ver); err == nil {
			return nil
		}
	}
	return c.reload(ctx, ver)
}

// replay applies the journaled changes from version have+1 to ver.
func (c *Catalog) replay(ctx context.Context, s snapshot, have, ver int64) error {
	s = clone(s)
	for v := have + 1; v <= ver; v++ {
		b, err := c.Store.Blob(ctx, journalKey(v))
		if err != nil {
			return err
		}
		kind, id, _ := strings.Cut(string(b), ":")
		if err := c.refetch(ctx, &s, kind, id); err != nil {
			return err
		}
	}
	c.adopt(s, ver)
	return nil
}

// refetch re-reads one entity into s (removing it when it is gone).
func (c *Catalog) refetch(ctx context.Context, s *snapshot, kind, id string) error {
	b, err := c.Store.Blob(ctx, entityKey(kind, id))
	if errors.Is(err, feedsvc.ErrNotFound) {
		s.remove(kind, id)
		return nil
	}
	if err != nil {
		return err
	}
	switch kind {
	case kindSection:
		var sec feedsvc.Section
		if err := json.Unmarshal(b, &sec); err != nil {
			return fmt.Errorf("catalog: section %s: %w", id, err)
		}
		s.putSection(sec)
	case kindSource:
		var src feedsvc.Source
		if err := json.Unmarshal(b, &src); err != nil {
			return fmt.Errorf("catalog: source %s: %w", id, err)
		}
		c.complete(&src, s.slugs())
		s.putSource(src)
	default:
		return fmt.Errorf("catalog: journal names %q", kind)
	}
	return nil
}

// reload reads the whole catalog at version ver from its index.
func (c *Catalog) reload(ctx context.Context, ver int64) error {
	b, err := c.Store.Blob(ctx, indexKey)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return c.restore(ctx)
	}
	if err != nil {
		return fmt.Errorf("catalog: index: %w", err)
	}
	var ix index
	if err := json.Unmarshal(b, &ix); err != nil {
		return fmt.Errorf("catalog: index: %w", err)
	}
	var s snapshot
	for _, slug := range ix.Sections {
		if err := c.refetch(ctx, &s, kindSection, slug); err != nil {
			return err
		}
	}
	for _, id := range ix.Sources {
		if err := c.refetch(ctx, &s, kindSource, id); err != nil {
			return err
		}
	}
	c.keepLost(&s, ix)
	c.adopt(s, ver)
	return nil
}

// keepLost keeps this process's copy of entities the index lists but the
// store lost (evicted keys), loudly: a lost key never removes an entry.
func (c *Catalog) keepLost(s *snapshot, ix index) {
	cur, _ := c.current()
	for _, slug := range ix.Sections {
		if i := cur.sectionAt(slug); s.sectionAt(slug) < 0 && i >= 0 {
			c.log().Error("catalog: stored section missing, keeping this process's copy", "section", slug)
			s.putSection(cur.Sections[i])
		}
	}
	for _, id := range ix.Sources {
		if i := cur.sourceAt(id); s.sourceAt(id) < 0 && i >= 0 {
			c.log().Error("catalog: stored source missing, keeping this process's copy", "source_id", id)
			s.putSource(cur.Sources[i])
		}
	}
}

// complete re-validates a stored source (restoring its time zone); a
// source that no longer validates is kept and logged, never dropped.
func (c *Catalog) complete(src *feedsvc.Source, slugs map[string]bool) {
	if err := validateSource(src, slugs, true); err != nil {
		c.log().Error("catalog: stored source does not validate", "source_id", src.ID, "error", err)
	}
}

// commit writes one entity change (sec nil/src nil: a deletion) and
// publishes it under the next version, then adopts next.
func (c *Catalog) commit(ctx context.Context, kind, id string, val any, next snapshot, reindex bool) error {
	_, ver := c.current()
	key := entityKey(kind, id)
	var err error
	if val == nil {
		err = c.Store.DeleteBlobs(ctx, key)
	} else {
		err = c.putJSON(ctx, key, val, 0)
	}
	if err == nil && reindex {
		err = c.putJSON(ctx, indexKey, next.index(), 0)
	}
	if err == nil {
		err = c.Store.PutBlob(ctx, journalKey(ver+1), []byte(kind+":"+id), journalTTL)
	}
	if err == nil {
		err = c.Store.PutBlob(ctx, versionKey, []byte(strconv.FormatInt(ver+1, 10)), 0)
	}
	if err != nil {
		return fmt.Errorf("catalog: write %s %s: %w", kind, id, err)
	}
	c.adopt(next, ver+1)
	return nil
}

// seedBatch is how many entity blobs writeAll puts in one step on a store
// that batches (feedsvc.BlobBatcher).
const seedBatch = 1000

// writeAll stores every entity of s, then its index, then version ver (a
// reader that sees the index finds every entity it lists). On a store
// that batches, the entities go seedBatch at a time.
func (c *Catalog) writeAll(ctx context.Context, s snapshot, ver int64) error {
	batcher, _ := feedsvc.BatcherOf(c.Store)
	var batch []feedsvc.Blob
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := batcher.PutBlobs(ctx, batch); err != nil {
			return fmt.Errorf("catalog: %d entities from %s: %w", len(batch), batch[0].Key, err)
		}
		batch = batch[:0]
		return nil
	}
	put := func(key string, v any) error {
		if batcher == nil {
			return c.putJSON(ctx, key, v, 0)
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("catalog: %s: %w", key, err)
		}
		batch = append(batch, feedsvc.Blob{Key: key, Value: b})
		if len(batch) >= seedBatch {
			return flush()
		}
		return nil
	}
	for _, sec := range s.Sections {
		if err := put(entityKey(kindSection, sec.Slug), sec); err != nil {
			return err
		}
	}
	for _, src := range s.Sources {
		if err := put(entityKey(kindSource, src.ID), src); err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if err := c.putJSON(ctx, indexKey, s.index(), 0); err != nil {
		return err
	}
	if err := c.Store.PutBlob(ctx, versionKey, []byte(strconv.FormatInt(ver, 10)), 0); err != nil {
		return fmt.Errorf("catalog: version: %w", err)
	}
	c.adopt(s, ver)
	return nil
}

func (c *Catalog) putJSON(ctx context.Context, key string, v any, ttl time.Duration) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("catalog: %s: %w", key, err)
	}
	if err := c.Store.PutBlob(ctx, key, b, ttl); err != nil {
		return fmt.Errorf("catalog: %s: %w", key, err)
	}
	return nil
}
