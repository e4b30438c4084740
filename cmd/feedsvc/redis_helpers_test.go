package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// redisProc is a redis-server this test started and owns.
type redisProc struct {
	port int
	dir  string
	cmd  *exec.Cmd
	// exited is closed once the process exited; waitErr is then set.
	exited  chan struct{}
	waitErr error
}

// redisServerPath finds redis-server: missing fails the test, except
// under -short where it skips.
func redisServerPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("redis-server")
	if err != nil {
		if testing.Short() {
			t.Skip("redis-server not installed (-short)")
		}
		t.Fatalf("redis-server not installed: %v (apt-get install redis-server)", err)
	}
	return p
}

// freePort returns a loopback TCP port nobody listened on a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startRedis runs redis-server on port with append-only persistence
// (fsync on every write) in dir, and waits until it answers PING.
func startRedis(t *testing.T, port int, dir string) *redisProc {
	t.Helper()
	cmd := exec.Command(redisServerPath(t), "--port", strconv.Itoa(port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir,
		"--daemonize", "no", "--logfile", filepath.Join(dir, "redis.log"))
	if err := cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	r := &redisProc{port: port, dir: dir, cmd: cmd, exited: make(chan struct{})}
	go func() { r.waitErr = cmd.Wait(); close(r.exited) }()
	t.Cleanup(func() { r.Stop(t) })
	deadline := time.Now().Add(10 * time.Second)
	for !redisPing(port) {
		select {
		case <-r.exited:
			t.Fatalf("redis-server exited: %v\n%s", r.waitErr, r.logTail())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("redis-server on port %d did not answer PING within 10s\n%s", port, r.logTail())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return r
}

// URL is the redis:// URL of the server.
func (r *redisProc) URL() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", r.port) }

// Stop sends SIGTERM and waits for the process to exit (it is killed after
// 10s). Stopping a stopped server does nothing.
func (r *redisProc) Stop(t *testing.T) {
	t.Helper()
	select {
	case <-r.exited:
		return
	default:
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
	case <-time.After(10 * time.Second):
		_ = r.cmd.Process.Kill()
		<-r.exited
		t.Errorf("redis-server did not exit within 10s of SIGTERM")
	}
}

func (r *redisProc) logTail() string {
	b, _ := os.ReadFile(filepath.Join(r.dir, "redis.log"))
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// redisPing reports whether a server on port answers PING with PONG.
func redisPing(port int) bool {
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
	if err != nil {
		return false
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return false
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	return err == nil && line == "+PONG\r\n"
}
