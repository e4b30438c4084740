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
	// writeTimeout bounds one locked section. The writer renews its lease
	// every third of lockTTL and stops writing when a renewal fails, so the
	// lease cannot expire under a writer that is still writing, however
	// long a large catalog (10,000 sources seeded on a slow disk) takes.
	writeTimeout = 10 * time.Minute
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
	defer func() {
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), lockTTL/3)
		defer cancel()
		_ = c.Store.Unlock(uctx, lockName, owner)
	}()
	renewed := make(chan struct{})
	defer func() { <-renewed }()
	defer wcancel()
	go func() { defer close(renewed); c.keepLease(wctx, wcancel, owner) }()
	return f(wctx)
}

// keepLease renews the write lease until ctx ends; a failed renewal
// cancels the write.
func (c *Catalog) keepLease(ctx context.Context, cancel context.CancelFunc, owner string) {
	t := time.NewTicker(lockTTL / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rctx, rcancel := context.WithTimeout(ctx, lockTTL/3)
		ok, err := c.Store.TryLock(rctx, lockName, owner, lockTTL)
		rcancel()
		if (err != nil || !ok) && ctx.Err() == nil {
			cancel()
			return
		}
	}
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
