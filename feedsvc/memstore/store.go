package memstore

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var _ feedsvc.Store = (*Store)(nil)

// Store is an in-process feedsvc.Store. The zero value is not usable; call
// New. All methods are safe for concurrent use.
type Store struct {
	mu       sync.RWMutex
	arts     map[string]*feedsvc.Article // canonical copies, never handed out
	sections map[string]*index
	urls     map[string]string // canonical URL -> article ID
	versions map[string]int64
	states   map[string]feedsvc.SourceState
	blobs    map[string]blob
	locks    map[string]lease
	closed   bool
	now      func() time.Time
}

type blob struct {
	data    []byte
	expires time.Time // zero: never
}

type lease struct {
	owner   string
	expires time.Time
}

// New returns an empty Store.
func New() *Store {
	return &Store{
		arts:     make(map[string]*feedsvc.Article),
		sections: make(map[string]*index),
		urls:     make(map[string]string),
		versions: make(map[string]int64),
		states:   make(map[string]feedsvc.SourceState),
		blobs:    make(map[string]blob),
		locks:    make(map[string]lease),
		now:      time.Now,
	}
}

// Ping reports ErrUnavailable once the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.check(ctx, "ping")
}

// Close drops all data; later calls fail with ErrUnavailable.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.arts, s.sections, s.urls = nil, nil, nil
	s.states, s.blobs, s.locks = nil, nil, nil
	return nil
}

// check returns the error an operation must fail with before it starts:
// a done context or a closed store. Callers hold s.mu.
func (s *Store) check(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %s: %w", op, err)
	}
	if s.closed {
		return fmt.Errorf("memstore: %s: closed: %w", op, feedsvc.ErrUnavailable)
	}
	return nil
}
