package boltstore

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var _ feedsvc.Store = (*Store)(nil)

// FileName is the name of the data file inside the data directory.
const FileName = "feedsvc.db"

// format is the layout version recorded in the meta bucket; Open refuses
// a file written in another layout.
const format = "1"

// Errors of Open and of operations on a damaged file.
var (
	ErrLocked  = errors.New("data file locked by another process")
	ErrDamaged = errors.New("damaged data file")
)

// Bucket names (see doc.go).
var (
	bMeta     = []byte("meta")
	bArticles = []byte("a")
	bSections = []byte("s")
	bURLs     = []byte("u")
	bVersions = []byte("v")
	bStates   = []byte("st")
	bBlobs    = []byte("b")
	bExpiry   = []byte("bx")
	bCounts   = []byte("n")
)

// Options configure Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release
	// the data file; default 1s.
	LockTimeout time.Duration
	// ReleaseEvery is how often the pages of the file mapped into the
	// process are released to the page cache (release.go); <= 0: never
	// (the default).
	ReleaseEvery time.Duration
	// MappedMax bounds the file pages mapped into the process, in bytes
	// (Linux): when the process's RssFile is found above it (checked
	// every MappedCheck), the pages of the file are released as with
	// ReleaseEvery (release.go). <= 0: no bound.
	MappedMax int64
}

// Store is a feedsvc.Store in one bbolt file. It is safe for concurrent
// use; writes are serialized by bbolt and fsync'd before they return.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time

	mu    sync.Mutex
	locks map[string]lease // leases live in memory: the file has one owner

	group group // writes of concurrent callers commit together (group.go)

	stopRelease      chan struct{} // closed by Close
	releaseDone      chan struct{} // closed when the release loop ended
	closeReleaseOnce sync.Once
}

// Open creates dir when missing and opens (or creates) its data file,
// taking an exclusive lock on it. Every error names the path: a directory
// that cannot be created or written, a file another process holds
// (ErrLocked), a damaged file or one of another layout.
func Open(dir string, o Options) (*Store, error) {
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("boltstore: data dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	db, err := openFile(path, o.LockTimeout)
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("boltstore: open %s: %w (waited %v; is another feedsvc running on this DATA_DIR?)", path, ErrLocked, o.LockTimeout)
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrVersionMismatch) {
		return nil, fmt.Errorf("boltstore: open %s: %w (not a bbolt file): %w", path, ErrDamaged, err)
	}
	if err != nil {
		return nil, fmt.Errorf("boltstore: open %s: %w", path, err)
	}
	if err := initialize(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("boltstore: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: time.Now, locks: map[string]lease{}}
	if o.ReleaseEvery > 0 || o.MappedMax > 0 {
		s.stopRelease, s.releaseDone = make(chan struct{}), make(chan struct{})
		go s.releaseLoop(o.ReleaseEvery, o.MappedMax, s.stopRelease, s.releaseDone)
	}
	return s, nil
}

// openFile opens the bbolt file, turning a panic on a damaged freelist
// or meta page into an error. (bbolt then leaves its file handle open;
// the process is about to exit with that error.)
func openFile(path string, timeout time.Duration) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	return bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, FreelistType: bolt.FreelistMapType, InitialMmapSize: initialMmap})
}

// initialMmap is the address space bbolt maps the file into from the
// start (1 GiB; at most a quarter of the address space). bbolt otherwise
// maps a growing file anew at each doubling, and to do so it waits for
// every open read transaction and holds every new one until the new
// mapping is made: while a cold start grew the file to 180 MB, each such
// remap stalled the channel requests of that moment (make scale: p99
// 52.1 and 48.8 ms before, 40.5 and 47.6 ms after). The mapping is
// address space only; pages count in RSS when they are read, as before.
const initialMmap = min(1<<30, math.MaxInt>>2)

// initialize creates the buckets of a new file and checks the layout of
// an existing one: it walks every page of the index buckets (small keys)
// and the first and last paths of the article bucket, whose full walk
// would read the whole file (~2s per 100,000 articles). bbolt panics on
// some kinds of page damage; that is reported as an error, never as an
// empty store.
func initialize(db *bolt.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	return db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bMeta, bArticles, bSections, bURLs, bVersions, bStates, bBlobs, bExpiry, bCounts} {
			b, err := tx.CreateBucketIfNotExists(name)
			if err != nil {
				return fmt.Errorf("bucket %s: %w", name, err)
			}
			walk(b, string(name) == string(bArticles))
		}
		meta := tx.Bucket(bMeta)
		switch v := meta.Get([]byte("format")); {
		case v == nil:
			return meta.Put([]byte("format"), []byte(format))
		case string(v) != format:
			return fmt.Errorf("data file format %q, want %q", v, format)
		}
		return nil
	})
}

// walk reads the pages of b, or only its first and last paths when
// shallow, so that damage shows at Open.
func walk(b *bolt.Bucket, shallow bool) {
	if !shallow {
		b.Stats()
		return
	}
	c := b.Cursor()
	c.First()
	c.Last()
}

// Path returns the data file's path.
func (s *Store) Path() string { return s.path }

// Ping reports ErrUnavailable once the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	return s.view(ctx, "ping", func(*bolt.Tx) error { return nil })
}

// Close releases the data file and its lock.
func (s *Store) Close() error {
	if s.stopRelease != nil {
		s.closeReleaseOnce.Do(func() { close(s.stopRelease) })
		<-s.releaseDone
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("boltstore: close %s: %w", s.path, err)
	}
	return nil
}

// view runs fn in a read transaction after checking ctx.
func (s *Store) view(ctx context.Context, op string, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("boltstore: %s: %w", op, err)
	}
	return s.fail(op, guard(func() error { return s.db.View(fn) }))
}

// update runs fn in a write transaction, committed and fsync'd before it
// returns, after checking ctx. The transaction may hold the writes of
// concurrent callers too (group.go), and fn may run more than once.
func (s *Store) update(ctx context.Context, op string, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("boltstore: %s: %w", op, err)
	}
	return s.fail(op, s.commit(fn))
}

// guard runs a transaction, turning bbolt's panic on a damaged page into
// ErrDamaged (bbolt rolls the transaction back first), so that damage
// Open did not reach fails one request instead of the process.
func guard(tx func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	return tx()
}

// fail wraps err for op once: a closed database wraps ErrUnavailable,
// errors already wrapping a feedsvc error keep it.
func (s *Store) fail(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return fmt.Errorf("boltstore: %s: %w: %w", op, feedsvc.ErrUnavailable, err)
	case errors.Is(err, feedsvc.ErrNotFound), errors.Is(err, feedsvc.ErrInvalid):
		return fmt.Errorf("boltstore: %s: %w", op, err)
	}
	return fmt.Errorf("boltstore: %s %s: %w", op, s.path, err)
}
