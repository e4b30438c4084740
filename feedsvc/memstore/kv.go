package memstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// SourceState returns the fetch state of sourceID, or ErrNotFound.
func (s *Store) SourceState(ctx context.Context, sourceID string) (feedsvc.SourceState, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "source state "+sourceID); err != nil {
		return feedsvc.SourceState{}, err
	}
	st, ok := s.states[sourceID]
	if !ok {
		return feedsvc.SourceState{}, fmt.Errorf("memstore: source state %s: %w", sourceID, feedsvc.ErrNotFound)
	}
	return cloneState(st), nil
}

// PutSourceState replaces the fetch state of st.SourceID (times kept in UTC).
func (s *Store) PutSourceState(ctx context.Context, st feedsvc.SourceState) error {
	st, err := feedsvc.StoredState(st)
	if err != nil {
		return fmt.Errorf("memstore: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "put source state "+st.SourceID); err != nil {
		return err
	}
	s.states[st.SourceID] = cloneState(st)
	return nil
}

// Blob returns a copy of the blob under key, or ErrNotFound when it is
// missing or expired.
func (s *Store) Blob(ctx context.Context, key string) ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "blob "+key); err != nil {
		return nil, err
	}
	b, ok := s.blobs[key]
	if !ok || (!b.expires.IsZero() && !s.now().Before(b.expires)) {
		return nil, fmt.Errorf("memstore: blob %s: %w", key, feedsvc.ErrNotFound)
	}
	return slices.Clone(b.data), nil
}

// Blobs returns a copy of the blob under each key, nil where Blob returns
// ErrNotFound (feedsvc.BlobReader).
func (s *Store) Blobs(ctx context.Context, keys []string) ([][]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("%d blobs", len(keys))); err != nil {
		return nil, err
	}
	out := make([][]byte, len(keys))
	now := s.now()
	for i, key := range keys {
		if b, ok := s.blobs[key]; ok && (b.expires.IsZero() || now.Before(b.expires)) {
			out[i] = slices.Clone(b.data)
		}
	}
	return out, nil
}

// PutBlob stores a copy of data under key; ttl <= 0 means no expiry.
// Expired blobs are dropped lazily here, so the map does not grow without
// bound under keys that are never read again.
func (s *Store) PutBlob(ctx context.Context, key string, data []byte, ttl time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "put blob "+key); err != nil {
		return err
	}
	s.putBlob(key, data, ttl)
	return nil
}

// PutBlobs stores every blob as PutBlob does, under one lock: all or none.
func (s *Store) PutBlobs(ctx context.Context, blobs []feedsvc.Blob) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, fmt.Sprintf("put %d blobs", len(blobs))); err != nil {
		return err
	}
	for _, bl := range blobs {
		s.putBlob(bl.Key, bl.Value, bl.TTL)
	}
	return nil
}

// putBlob is PutBlob with s.mu held.
func (s *Store) putBlob(key string, data []byte, ttl time.Duration) {
	now := s.now()
	var exp time.Time
	if ttl > 0 {
		exp = now.Add(ttl)
	}
	if data == nil {
		data = []byte{}
	}
	s.blobs[key] = blob{data: slices.Clone(data), expires: exp}
	if len(s.blobs)%1024 == 0 {
		maps.DeleteFunc(s.blobs, func(_ string, b blob) bool {
			return !b.expires.IsZero() && !now.Before(b.expires)
		})
	}
}

// DeleteBlobs removes every blob whose key starts with prefix.
func (s *Store) DeleteBlobs(ctx context.Context, prefix string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "delete blobs "+prefix); err != nil {
		return err
	}
	maps.DeleteFunc(s.blobs, func(k string, _ blob) bool { return strings.HasPrefix(k, prefix) })
	return nil
}

// TryLock takes or renews the lease name for owner for ttl; it returns
// false while another owner holds an unexpired lease.
func (s *Store) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	if err := feedsvc.CheckLease(name, owner, ttl); err != nil {
		return false, fmt.Errorf("memstore: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "lock "+name); err != nil {
		return false, err
	}
	now := s.now()
	if l, ok := s.locks[name]; ok && l.owner != owner && now.Before(l.expires) {
		return false, nil
	}
	s.locks[name] = lease{owner: owner, expires: now.Add(ttl)}
	return true, nil
}

// Unlock releases the lease name if owner holds it.
func (s *Store) Unlock(ctx context.Context, name, owner string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "unlock "+name); err != nil {
		return err
	}
	if l, ok := s.locks[name]; ok && l.owner == owner {
		delete(s.locks, name)
	}
	return nil
}

// cloneState copies the state's map and slice so neither the caller nor
// the store can change the other's copy.
func cloneState(st feedsvc.SourceState) feedsvc.SourceState {
	st.Alarms = slices.Clone(st.Alarms)
	st.PeakCoverage = maps.Clone(st.PeakCoverage)
	return st
}
