package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// buildBinary builds this command into a temporary directory and returns
// the executable's path.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "feedsvc")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// proc is a running feedsvc process.
type proc struct {
	cmd  *exec.Cmd
	Base string
	out  *lockedBuffer
	done chan struct{} // closed once the process ended; then err is set
	err  error
}

// lockedBuffer collects a process's output.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// procEnv is the environment of a test process: nothing inherited but
// PATH and the proxy settings (which keep tests off the network), so a
// REDIS_URL of the test run never reaches it.
func procEnv(addr, dataDir string) []string {
	env := []string{"PATH=" + os.Getenv("PATH"), "LISTEN_ADDR=" + addr, "DATA_DIR=" + dataDir,
		"ADMIN_TOKEN=" + adminToken, "FEEDSVC_ALLOW_PRIVATE_NETWORKS=true", "LOG_FORMAT=json", "FETCH_TIMEOUT=5s"}
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// startProc starts bin serve with env and config file cfg; it does not
// wait for the process to listen (see waitHealthy). The process is killed
// at cleanup.
func startProc(t *testing.T, bin, cfg string, env []string) *proc {
	t.Helper()
	p := &proc{out: &lockedBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve", "-config", cfg)
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { p.Kill(t) })
	return p
}

// Kill sends SIGKILL and waits for the process to end.
func (p *proc) Kill(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Kill()
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Errorf("process %d did not end within 30s of SIGKILL", p.cmd.Process.Pid)
	}
}

// waitHealthy waits until the process answers /healthz on addr.
func (p *proc) waitHealthy(t *testing.T, addr string) {
	t.Helper()
	p.Base = "http://" + addr
	c := &http.Client{Timeout: 2 * time.Second}
	waitFor(t, 60*time.Second, "process answers /healthz", func() (bool, string) {
		select {
		case <-p.done:
			t.Fatalf("process exited: %v\n%s", p.err, p.out.String())
		default:
		}
		resp, err := c.Get(p.Base + "/healthz")
		if err != nil {
			return false, err.Error()
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK, fmt.Sprint(resp.StatusCode)
	})
}

// freeAddr returns a loopback address with a port free at the moment.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
