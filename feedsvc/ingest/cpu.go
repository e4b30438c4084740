package ingest

import (
	"context"
	"runtime"
	"sync"
)

// CPU turns. A poll spends most of its time waiting (network, fsync) and
// the rest on the CPU (parse, normalize, merge). With many polls at once
// on a few cores, every one of them that is not waiting is runnable, and
// a channel request then queues behind all of them for each time slice it
// needs: its latency grows with INGEST_CONCURRENCY. A poll therefore runs
// on the CPU only while holding a turn, and there are as many turns as
// the process has Ps (GOMAXPROCS): ingest can still use every core, but
// never queues more goroutines on them than they run at once, so a
// request waits for at most one slice per core. A poll gives its turn
// back while it waits: for a host's politeness gate and a fetch (get), for
// media probes, and for the store's commits (fsync).

// cpuGate hands out the turns; nil: no gate.
type cpuGate chan struct{}

func newCPUGate(n int) cpuGate {
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	if n < 0 {
		return nil
	}
	return make(cpuGate, n)
}

// turn is one poll's claim on the gate. Its methods may be called from
// several goroutines of one poll: only one of them then holds the turn.
type turn struct {
	g    cpuGate
	mu   sync.Mutex
	held bool
}

type turnKey struct{}

// take waits for a turn and returns the context that carries it and the
// function that gives it back for good.
func (g cpuGate) take(ctx context.Context) (context.Context, func(), error) {
	t := &turn{g: g}
	if err := t.acquire(ctx); err != nil {
		return ctx, func() {}, err
	}
	return context.WithValue(ctx, turnKey{}, t), func() { t.release() }, nil
}

func (t *turn) acquire(ctx context.Context) error {
	if t == nil || t.g == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.held {
		return nil
	}
	select {
	case t.g <- struct{}{}:
		t.held = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release gives the turn back; it reports whether it was held.
func (t *turn) release() bool {
	if t == nil {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.held {
		return false
	}
	t.held = false
	<-t.g
	return true
}

// offCPU runs fn, which waits (network, disk), without the poll's turn,
// and takes the turn again before returning. Without a turn in ctx it
// just runs fn.
func offCPU[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	t, _ := ctx.Value(turnKey{}).(*turn)
	if !t.release() {
		return fn()
	}
	v, err := fn()
	if aerr := t.acquire(ctx); aerr != nil && err == nil {
		var zero T
		return zero, aerr
	}
	return v, err
}

// offCPUDo is offCPU for a function without a result.
func offCPUDo(ctx context.Context, fn func() error) error {
	_, err := offCPU(ctx, func() (struct{}, error) { return struct{}{}, fn() })
	return err
}
