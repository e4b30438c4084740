package redisstore_test

import (
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/storetest"
)

func TestDumper(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			storetest.RunDumper(t, func(t *testing.T) feedsvc.Store {
				s, _ := newStoreOn(t, e)
				return s
			})
		})
	}
}
