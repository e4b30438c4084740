package catalog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Catalog write lock tuning.
const (
	lockName = "cfg:write"
	lockTTL  = 10 * time.Second // lease; a write finishes well within it
	lockWait = 30 * time.Second // how long a writer waits before feedsvc.ErrConflict (HTTP writes time out at 60 s)
	// writeTimeout bounds the store calls of one locked section, so the
	// lease cannot expire under a writer that is still writing.
	writeTimeout = 8 * time.Second
)

// exclusive runs f holding both the in-process writer slot (goroutines of
// this process) and the store lease (other replicas). Each call takes the
// lease under its own owner token, so a lease never re-grants to another
// request of the same process. f's context is detached from the caller's
// cancellation (a write is not abandoned halfway) but bounded in time.
func (c *Catalog) exclusive(ctx context.Context, f func(context.Context) error) error {
	return c.exclusiveWait(ctx, lockWait, f)
}

// exclusiveWait is exclusive waiting up to d for the locks.
func (c *Catalog) exclusiveWait(ctx context.Context, d time.Duration, f func(context.Context) error) error {
	c.semOnce.Do(func() { c.sem = make(chan struct{}, 1) })
	wait, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	select {
	case c.sem <- struct{}{}:
	case <-wait.Done():
		return fmt.Errorf("catalog: another write of this process is in progress: %w", feedsvc.ErrConflict)
	}
	defer func() { <-c.sem }()
	owner := token()
	if err := c.lease(wait, owner); err != nil {
		return err
	}
	wctx, wcancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer wcancel()
	defer func() { _ = c.Store.Unlock(wctx, lockName, owner) }()
	return f(wctx)
}

// lease takes the store lock for owner, retrying until ctx ends.
func (c *Catalog) lease(ctx context.Context, owner string) error {
	for {
		ok, err := c.Store.TryLock(ctx, lockName, owner, lockTTL)
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("catalog: lock: %w", err)
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("catalog: another writer holds the lock: %w", feedsvc.ErrConflict)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// token returns a random lease owner.
func token() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
