package httpapi

import (
	"context"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Store deadlines of a request.
const (
	// defaultStoreTimeout bounds the store reads a request waits for before
	// it serves the last good bytes (or fails with 503).
	defaultStoreTimeout = 300 * time.Millisecond
	// coldTimeout bounds the store reads of a document with no last good
	// bytes to serve instead (then 503).
	coldTimeout = 3 * time.Second
	// renderTimeout bounds one render, which continues in the background
	// after the request that started it was answered from last good bytes.
	renderTimeout = 30 * time.Second
	readyTimeout  = 2 * time.Second
)

func (s *Server) storeTimeout() time.Duration {
	if s.StoreTimeout > 0 {
		return s.StoreTimeout
	}
	return defaultStoreTimeout
}

// bounded runs f with a deadline d and returns when f does or when the
// deadline passes, whichever is first: a store client that does not honour
// the context (or a store that hangs) cannot hold the request. A late f
// finishes in the background and its result is dropped.
func bounded[T any](ctx context.Context, d time.Duration, f func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel() // a late f sees its context cancelled
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		select {
		case r := <-done: // finished just in time
			return r.v, r.err
		default:
		}
		var zero T
		return zero, fmt.Errorf("store call over %v: %w: %w", d, feedsvc.ErrUnavailable, ctx.Err())
	}
}
