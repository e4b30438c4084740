package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// epochKey is the store blob naming the store's lifetime. It is created
// when missing, so a store that lost its data (FLUSHDB, a restarted Redis
// without persistence, a new embedded store) gets a new epoch, and section
// counters that restarted from 0 never name an older document again.
const epochKey = "render:epoch"

// epoch returns the store's epoch, read at most once per VersionTTL.
func (s *Server) epoch(ctx context.Context) (string, error) {
	now := time.Now()
	s.verMu.Lock()
	e, at := s.epochVal, s.epochAt
	s.verMu.Unlock()
	if e != "" && now.Sub(at) <= s.versionTTL() {
		return e, nil
	}
	b, err := s.Store.Blob(ctx, epochKey)
	switch {
	case errors.Is(err, feedsvc.ErrNotFound):
		b = make([]byte, 8)
		_, _ = rand.Read(b)
		b = []byte(hex.EncodeToString(b))
		if err := s.Store.PutBlob(ctx, epochKey, b, 0); err != nil {
			return "", fmt.Errorf("store epoch: %w", err)
		}
	case err != nil:
		return "", fmt.Errorf("store epoch: %w", err)
	}
	s.verMu.Lock()
	s.epochVal, s.epochAt = string(b), now
	s.verMu.Unlock()
	return string(b), nil
}
