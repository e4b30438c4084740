package boltstore

import (
	"context"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// lease is one held lock.
type lease struct {
	owner   string
	expires time.Time
}

// TryLock takes or renews the lease name for owner for ttl; it returns
// false while another owner holds an unexpired lease. Leases are kept in
// memory, not in the file: the file lock taken by Open already makes this
// process the only one using the store, and a lease must not outlive it.
func (s *Store) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	if err := feedsvc.CheckLease(name, owner, ttl); err != nil {
		return false, fmt.Errorf("boltstore: %w", err)
	}
	if err := s.Ping(ctx); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if l, ok := s.locks[name]; ok && l.owner != owner && now.Before(l.expires) {
		return false, nil
	}
	s.locks[name] = lease{owner: owner, expires: now.Add(ttl)}
	return true, nil
}

// Unlock releases the lease name if owner holds it.
func (s *Store) Unlock(ctx context.Context, name, owner string) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.locks[name]; ok && l.owner == owner {
		delete(s.locks, name)
	}
	return nil
}
