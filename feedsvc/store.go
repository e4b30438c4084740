package feedsvc

import (
	"context"
	"time"
)

// Cursor is a stable position in a section index: the sort time of an
// article in Unix milliseconds and its ID. Pages are ordered newest first
// by (Millis desc, ID desc); a page "before" a cursor holds only articles
// strictly after it in that order, so new arrivals never shift older pages.
type Cursor struct {
	Millis int64
	ID     string
}

// IsZero reports whether c is the zero cursor (start from the newest).
func (c Cursor) IsZero() bool { return c.Millis == 0 && c.ID == "" }

// CursorOf returns the cursor that points at a.
func CursorOf(a *Article) Cursor {
	return Cursor{Millis: a.SortTime().UnixMilli(), ID: a.ID}
}

// Query selects a page of a section index.
type Query struct {
	Limit  int       // maximum number of articles; <= 0 means 50
	Before Cursor    // zero: from the newest
	Since  time.Time // zero: no lower bound; else sort time >= Since
}

// Store keeps articles, section indexes, per-source fetch state and small
// blobs (rendered channels). Implementations: redisstore (shared by
// replicas), boltstore (single node, on disk; the default) and memstore
// (in process, tests); all pass the storetest contract suite. The
// contract's data rules (the stored form of an article and a source state,
// the section set, leaving a section, argument checks, the page size) are
// written once beside this interface (CheckPut, StoredArticle, SectionSet,
// LeaveSection, StoredState, CheckLease, Query.PageLimit) and every
// implementation calls them.
type Store interface {
	// PutArticles inserts or replaces articles by ID and indexes each in
	// the sections it lists (by SortTime) and by its URL. An article that
	// left a section since the last put is removed from that index.
	// Errors: ErrInvalid for an article without ID; ErrUnavailable (wrapped)
	// when the backend cannot be reached.
	PutArticles(ctx context.Context, arts []Article) error
	// Articles returns the stored articles for ids, in the same order,
	// skipping ids that are not stored.
	Articles(ctx context.Context, ids []string) ([]Article, error)
	// LookupURL returns the ID of the article stored under a canonical URL,
	// or ErrNotFound.
	LookupURL(ctx context.Context, url string) (string, error)
	// SectionArticles returns a page of a section, newest first. An unknown
	// or empty section yields an empty slice, not an error.
	SectionArticles(ctx context.Context, slug string, q Query) ([]Article, error)
	// SectionVersion returns a counter that grows whenever the section's
	// articles change (0 for a section never written).
	SectionVersion(ctx context.Context, slug string) (int64, error)
	// SectionOldest returns up to limit entries of the section index,
	// oldest first (Millis asc, ID asc: the reverse of a page), and the
	// number of entries the index holds. It reads only the index, never
	// the articles, so retention finds what to prune in O(log N + limit).
	// limit <= 0 returns no entries, only the count; an unknown section
	// yields no entries and 0.
	SectionOldest(ctx context.Context, slug string, limit int) ([]Cursor, int, error)
	// SectionRecent returns the Recent entries of up to limit of the
	// section's newest articles, newest first (the order of a first page;
	// limit <= 0 means 50). What each entry says equals RecentOf of the
	// stored article; stores keep it beside the index, so no article is
	// read (ingest's near-duplicate window and first-page share).
	SectionRecent(ctx context.Context, slug string, limit int) ([]Recent, error)
	// RemoveFromSection takes the articles ids out of the section slug
	// (retention): each one indexed there leaves the section index and its
	// Sections list. An article then in no section is deleted: its record
	// and its URL entry (when the URL still maps to it) go, so Articles,
	// LookupURL and every page skip it, and a later put stores it as new;
	// AlsoIn references to it in other articles are data and stay. The
	// version of slug grows when any article left it, and so does the
	// version of each other section still holding an article whose
	// Sections changed. Ids not stored or not in slug are skipped, so a
	// repeated call changes nothing. Cursors stay valid: a page before the
	// cursor of a removed article starts at the next older one.
	RemoveFromSection(ctx context.Context, slug string, ids []string) error

	// SourceState returns the fetch state of a source, or ErrNotFound.
	SourceState(ctx context.Context, sourceID string) (SourceState, error)
	// PutSourceState replaces the fetch state of st.SourceID.
	PutSourceState(ctx context.Context, st SourceState) error

	// Blob returns a stored blob, or ErrNotFound (also when expired).
	Blob(ctx context.Context, key string) ([]byte, error)
	// PutBlob stores b under key; ttl <= 0 means no expiry.
	PutBlob(ctx context.Context, key string, b []byte, ttl time.Duration) error
	// DeleteBlobs removes every blob whose key starts with prefix.
	DeleteBlobs(ctx context.Context, prefix string) error

	// TryLock takes or renews the lease name for owner for ttl. It returns
	// false when another owner holds an unexpired lease.
	TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error)
	// Unlock releases the lease if owner holds it.
	Unlock(ctx context.Context, name, owner string) error

	// Ping reports whether the backend is reachable.
	Ping(ctx context.Context) error
	// Close releases the backend's resources.
	Close() error
}

// Blob is one key and value of a PutBlobs batch; TTL <= 0 means no expiry.
type Blob struct {
	Key   string
	Value []byte
	TTL   time.Duration
}

// BlobBatcher is implemented by stores that write many blobs in one step
// (one transaction) far cheaper than one PutBlob each. It is optional:
// callers fall back to PutBlob per blob for a store without it.
type BlobBatcher interface {
	// PutBlobs stores every blob as PutBlob does, all or none on the
	// embedded stores; on Redis, where every blob has a slot of its own,
	// in one pipeline but blob by blob.
	PutBlobs(ctx context.Context, blobs []Blob) error
}

// BatcherOf returns s as a BlobBatcher, looking through wrappers that
// expose the store they wrap (Unwrap() Store), such as the metrics
// wrapper; ok is false when no store in the chain batches.
func BatcherOf(s Store) (b BlobBatcher, ok bool) { return storeAs[BlobBatcher](s) }

// BlobReader is implemented by stores that read many blobs in one step
// (one read transaction, one round trip) far cheaper than one Blob each.
// It is optional: callers fall back to Blob per key.
type BlobReader interface {
	// Blobs returns the blob under each key, in order: nil where Blob
	// returns ErrNotFound (missing or expired), empty for an empty blob.
	Blobs(ctx context.Context, keys []string) ([][]byte, error)
}

// ReaderOf returns s as a BlobReader, looking through wrappers as
// BatcherOf does.
func ReaderOf(s Store) (r BlobReader, ok bool) { return storeAs[BlobReader](s) }

// storeAs returns the first store of the chain s, its Unwrap(), … that
// is a T.
func storeAs[T any](s Store) (T, bool) {
	for s != nil {
		if t, ok := s.(T); ok {
			return t, true
		}
		u, ok := s.(interface{ Unwrap() Store })
		if !ok {
			break
		}
		s = u.Unwrap()
	}
	var zero T
	return zero, false
}
