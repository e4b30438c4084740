package redisstore

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// tryLock takes the lease KEYS[1] for owner ARGV[1] for ARGV[2] ms with
// SET NX PX, or renews it when the owner already holds it.
var tryLock = redis.NewScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
	return 1
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
	return 1
end
return 0
`)

// compareAndDelete deletes KEYS[1] only while its value is ARGV[1]: it
// releases a lease by its owner and drops a URL entry that still points
// at the article that left the URL.
var compareAndDelete = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0
`)

// TryLock takes or renews the lease name for owner for ttl (at least 1ms);
// it returns false while another owner holds an unexpired lease.
func (s *Store) TryLock(ctx context.Context, name, owner string, ttl time.Duration) (bool, error) {
	if err := feedsvc.CheckLease(name, owner, ttl); err != nil {
		return false, fmt.Errorf("redisstore: %w", err)
	}
	ms := max(ttl.Milliseconds(), 1)
	n, err := tryLock.Run(ctx, s.rdb, []string{s.key("l", name)}, owner, ms).Int()
	if err != nil {
		return false, s.fail("lock "+name, err)
	}
	return n == 1, nil
}

// Unlock releases the lease name if owner holds it.
func (s *Store) Unlock(ctx context.Context, name, owner string) error {
	if err := compareAndDelete.Run(ctx, s.rdb, []string{s.key("l", name)}, owner).Err(); err != nil {
		return s.fail("unlock "+name, err)
	}
	return nil
}
