package storetest_test

import (
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

// TestRunMemstore checks that the suite itself runs clean against the
// reference implementation.
func TestRunMemstore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) feedsvc.Store {
		s := memstore.New()
		t.Cleanup(func() { s.Close() })
		return s
	})
}
