// Package redisenv gives tests the Redis deployments `make test` starts
// (.ci/with-redis, .ci/with-redis-cluster, .ci/with-redis-sentinel): a
// single node, a Redis Cluster and a Sentinel set, with raw clients, a
// way to kill the primary that holds a key, and a lock that keeps a test
// that kills nodes apart from tests of other packages (go test runs
// packages in parallel) that use the same deployment.
package redisenv

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// Modes of Engine.Mode (the values of REDIS_MODE).
const (
	Single   = "single"
	Cluster  = "cluster"
	Sentinel = "sentinel"
)

// Engine is one Redis deployment.
type Engine struct {
	Mode   string // Single, Cluster or Sentinel; also the engine's name
	URL    string // REDIS_URL of the mode (README forms)
	Master string // the Sentinel primary's name (REDIS_SENTINEL_MASTER)
	lock   string // the lock file's path (none for the single node)
}

// Engines returns the single node of REDIS_URL and, when set, the Redis
// Cluster of REDIS_CLUSTER_URL and the Sentinel set of REDIS_SENTINEL_URL
// (primary REDIS_SENTINEL_MASTER), in that order. With CI=true a missing
// cluster or Sentinel set fails the test instead of being left out.
func Engines(t testing.TB) []Engine {
	t.Helper()
	out := []Engine{{Mode: Single, URL: testenv.RedisURL(t)}}
	for _, e := range []Engine{ClusterEngine(t), SentinelEngine(t)} {
		if e.URL != "" {
			out = append(out, e)
		}
	}
	return out
}

// ClusterEngine returns the Redis Cluster of REDIS_CLUSTER_URL; its URL
// is empty when the variable is not set (and the test fails with CI=true).
func ClusterEngine(t testing.TB) Engine {
	t.Helper()
	return fromEnv(t, Engine{Mode: Cluster, URL: os.Getenv("REDIS_CLUSTER_URL")}, "REDIS_CLUSTER")
}

// SentinelEngine returns the Sentinel set of REDIS_SENTINEL_URL, like
// ClusterEngine.
func SentinelEngine(t testing.TB) Engine {
	t.Helper()
	e := Engine{Mode: Sentinel, URL: os.Getenv("REDIS_SENTINEL_URL"), Master: os.Getenv("REDIS_SENTINEL_MASTER")}
	return fromEnv(t, e, "REDIS_SENTINEL")
}

func fromEnv(t testing.TB, e Engine, env string) Engine {
	t.Helper()
	if e.URL == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s_URL is not set: run tests through `make test`", env)
		}
		return e
	}
	e.lock = os.Getenv(env + "_LOCK")
	if e.lock == "" { // a deployment of the developer's own: lock a file named after it
		sum := sha256.Sum256([]byte(e.URL))
		e.lock = filepath.Join(os.TempDir(), "feedsvc-redis-"+hex.EncodeToString(sum[:8])+".lock")
	}
	return e
}

// Env returns the service's environment variables for e (REDIS_URL,
// REDIS_MODE and, for Sentinel, REDIS_SENTINEL_MASTER).
func (e Engine) Env() map[string]string {
	env := map[string]string{"REDIS_URL": e.URL, "REDIS_MODE": e.Mode}
	if e.Master != "" {
		env["REDIS_SENTINEL_MASTER"] = e.Master
	}
	return env
}

// Client returns a raw client of e, closed at cleanup. It takes e's lock
// shared for the rest of the test (Use).
func (e Engine) Client(t testing.TB) redis.UniversalClient {
	t.Helper()
	e.Use(t)
	var c redis.UniversalClient
	switch e.Mode {
	case Cluster:
		opt, err := redis.ParseClusterURL(e.URL)
		if err != nil {
			t.Fatal(err)
		}
		c = redis.NewClusterClient(opt)
	case Sentinel:
		opt, err := redis.ParseFailoverURL(e.URL)
		if err != nil {
			t.Fatal(err)
		}
		opt.MasterName = e.Master
		c = redis.NewFailoverClient(opt)
	default:
		opt, err := redis.ParseURL(e.URL)
		if err != nil {
			t.Fatal(err)
		}
		c = redis.NewClient(opt)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// Use takes e's lock shared until the test ends: a test of another
// package that kills one of e's nodes (Own) waits for it, and it waits
// for that test. A test holds the lock of one engine at a time (locks of
// two engines taken in different orders by two packages could deadlock).
func (e Engine) Use(t testing.TB) { e.take(t, false) }

// Own takes e's lock exclusively until the test ends: no test of another
// package uses e while this one kills its nodes. Call it before anything
// else touches e in the test.
func (e Engine) Own(t testing.TB) { e.take(t, true) }

func (e Engine) take(t testing.TB, excl bool) {
	t.Helper()
	if e.lock == "" {
		return
	}
	l := lockOf(t, e.lock)
	start := time.Now()
	if err := l.acquire(excl); err != nil {
		t.Fatalf("lock %s engine: %v", e.Mode, err)
	}
	if d := time.Since(start); d > time.Second {
		t.Logf("waited %s for the %s engine (another package's test held it)", d.Round(time.Millisecond), e.Mode)
	}
	t.Cleanup(func() {
		if err := l.release(excl); err != nil {
			t.Errorf("unlock %s engine: %v", e.Mode, err)
		}
	})
}

// fileLock is this process's hold on one lock file: flock(2) locks belong
// to the open file, so the process keeps one open file per lock and
// counts its holders (tests of one package run one at a time, and a test
// that owns an engine may use it through helpers that take it shared).
type fileLock struct {
	mu     sync.Mutex
	f      *os.File
	shared int
	excl   int
}

var (
	locksMu sync.Mutex
	locks   = map[string]*fileLock{}
)

func lockOf(t testing.TB, path string) *fileLock {
	t.Helper()
	locksMu.Lock()
	defer locksMu.Unlock()
	if l := locks[path]; l != nil {
		return l
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatalf("engine lock: %v", err)
	}
	l := &fileLock{f: f}
	locks[path] = l
	return l
}

func (l *fileLock) acquire(excl bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if excl {
		l.excl++
	} else {
		l.shared++
	}
	return l.apply()
}

func (l *fileLock) release(excl bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if excl {
		l.excl--
	} else {
		l.shared--
	}
	return l.apply()
}

// apply sets the file's lock to what the holders need (converting a
// shared lock to an exclusive one is not atomic: flock(2)).
func (l *fileLock) apply() error {
	how := syscall.LOCK_UN
	switch {
	case l.excl > 0:
		how = syscall.LOCK_EX
	case l.shared > 0:
		how = syscall.LOCK_SH
	}
	for {
		err := syscall.Flock(int(l.f.Fd()), how)
		if err != syscall.EINTR {
			return err
		}
	}
}

// KillPrimary SIGKILLs the redis-server that is the primary of key (on a
// cluster the primary of its slot; with Sentinel the primary); the
// servers run on this machine, so their pid is in INFO server. The test
// must Own e. It returns the killed server's address.
func (e Engine) KillPrimary(t testing.TB, c redis.UniversalClient, key string) string {
	t.Helper()
	var node redis.Cmdable = c
	if cc, ok := c.(*redis.ClusterClient); ok {
		m, err := cc.MasterForKey(t.Context(), key)
		if err != nil {
			t.Fatal(err)
		}
		node = m
	}
	info, err := node.Info(t.Context(), "server").Result()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`process_id:(\d+)`).FindStringSubmatch(info)
	port := regexp.MustCompile(`tcp_port:(\d+)`).FindStringSubmatch(info)
	if m == nil || port == nil {
		t.Fatalf("no process_id or tcp_port in INFO server")
	}
	pid, _ := strconv.Atoi(m[1])
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill primary %d: %v", pid, err)
	}
	t.Logf("killed the %s primary of %s: pid %d port %s", e.Mode, key, pid, port[1])
	return "127.0.0.1:" + port[1]
}

// WaitWhole waits until e is whole again after a node was killed (the CI
// scripts restart it as a replica once the failover is done): on a
// cluster, every node connected and every primary with an in-sync
// replica; with Sentinel, the primary with an in-sync replica that no
// sentinel sees as down. It fails the test after timeout.
func (e Engine) WaitWhole(t testing.TB, c redis.UniversalClient, timeout time.Duration) {
	t.Helper()
	check := e.clusterWhole
	if e.Mode == Sentinel {
		check = e.sentinelWhole
	}
	start := time.Now()
	var why error
	for time.Since(start) < timeout {
		// Not t.Context(): WaitWhole runs at cleanup too, when it is done.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		why = check(ctx, c)
		cancel()
		if why == nil {
			t.Logf("%s whole again after %s", e.Mode, time.Since(start).Round(time.Millisecond))
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s engine not whole %s after the kill: %v", e.Mode, timeout, why)
}

// clusterWhole checks CLUSTER NODES: no node failed or disconnected, and
// each primary has a replica whose link to it is up.
func (e Engine) clusterWhole(ctx context.Context, c redis.UniversalClient) error {
	cc := c.(*redis.ClusterClient)
	nodes, err := cc.ClusterNodes(ctx).Result()
	if err != nil {
		return err
	}
	replicas := map[string]int{} // primary id -> replicas
	primaries := 0
	for _, line := range strings.Split(strings.TrimSpace(nodes), "\n") {
		f := strings.Fields(line)
		if len(f) < 8 {
			return fmt.Errorf("CLUSTER NODES line %q", line)
		}
		flags := "," + f[2] + ","
		if strings.Contains(flags, ",fail") || strings.Contains(flags, ",handshake,") || f[7] != "connected" {
			return fmt.Errorf("node %s is %s, %s", f[1], f[2], f[7])
		}
		if strings.Contains(flags, ",master,") {
			primaries++
		} else {
			replicas[f[3]]++
		}
	}
	if len(replicas) < primaries {
		return fmt.Errorf("%d primaries, %d with a replica", primaries, len(replicas))
	}
	return cc.ForEachSlave(ctx, func(ctx context.Context, n *redis.Client) error {
		info, err := n.Info(ctx, "replication").Result()
		if err != nil {
			return err
		}
		if !strings.Contains(info, "master_link_status:up") || strings.Contains(info, "master_sync_in_progress:1") {
			return fmt.Errorf("replica not in sync: %s", info)
		}
		return nil
	})
}

// sentinelWhole checks the sentinels' view: the primary has a replica
// flagged only "slave" with its link up, on every sentinel.
func (e Engine) sentinelWhole(ctx context.Context, _ redis.UniversalClient) error {
	opt, err := redis.ParseFailoverURL(e.URL)
	if err != nil {
		return err
	}
	for _, addr := range opt.SentinelAddrs {
		s := redis.NewSentinelClient(&redis.Options{Addr: addr})
		reps, err := s.Replicas(ctx, e.Master).Result()
		s.Close()
		if err != nil {
			return fmt.Errorf("sentinel %s: %w", addr, err)
		}
		ok := false
		for _, r := range reps {
			if r["flags"] == "slave" && r["master-link-status"] == "ok" {
				ok = true
			}
		}
		if !ok {
			return fmt.Errorf("sentinel %s: no healthy replica: %v", addr, reps)
		}
	}
	return nil
}
