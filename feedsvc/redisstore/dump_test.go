package redisstore_test

import (
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

func TestDumper(t *testing.T) {
	storetest.RunDumper(t, func(t *testing.T) feedsvc.Store {
		s, _ := newStore(t)
		return s
	})
}
