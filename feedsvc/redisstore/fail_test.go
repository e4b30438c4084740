package redisstore

import (
	"errors"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// reply is a server's error reply, as go-redis returns them.
type reply string

func (r reply) Error() string { return string(r) }
func (reply) RedisError()     {}

// TestFailoverRepliesUnavailable: the replies a deployment gives between
// two primaries mean the store is unavailable (readyz, stale serving and
// retries treat them so); a reply to a wrong command does not.
func TestFailoverRepliesUnavailable(t *testing.T) {
	s := &Store{rdb: redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})}
	t.Cleanup(func() { s.rdb.Close() })
	for _, tt := range []struct {
		msg         string
		unavailable bool
	}{
		{"CLUSTERDOWN The cluster is down", true},
		{"TRYAGAIN Multiple keys request during rehashing of slot", true},
		{"READONLY You can't write against a read only replica.", true},
		{"MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.", true},
		{"LOADING Redis is loading the dataset in memory", true},
		{"ERR wrong number of arguments for 'get' command", false},
		{"WRONGTYPE Operation against a key holding the wrong kind of value", false},
		{"NOSCRIPT No matching script. Please use EVAL.", false},
	} {
		err := s.fail("op", reply(tt.msg))
		if got := errors.Is(err, feedsvc.ErrUnavailable); got != tt.unavailable {
			t.Errorf("fail(%q): unavailable %t, want %t (%v)", tt.msg, got, tt.unavailable, err)
		}
		var r redis.Error
		if !errors.As(err, &r) {
			t.Errorf("fail(%q) = %v: the server reply is lost", tt.msg, err)
		}
	}
}
