package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"sync"
	"time"
)

// The channel probe of `feedbench scale` requests random sections' RSS
// channels while the poll cycle runs: two readers, each pausing 50 ms
// between requests (a steady reader load that measures latency without
// becoming the load itself).
//
// It runs in a process of its own (`feedbench probe`), as a reader on
// another machine would: inside the scale process its requests shared
// the Go scheduler with the source farm's handlers (about 200 polls a
// second), and every response waited behind them before the clock
// stopped. Measured together in one cycle, the in-process probe read
// p50 13.0 / p99 62.2 ms where a separate process read 9.8 / 45.6 ms.
// The probe still shares the machine's cores with the farm and the
// service, as before.

// probe is the running child process.
type probe struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   bytes.Buffer
}

// probeResult is what the child writes to stdout when its stdin closes.
type probeResult struct {
	LatenciesNs []int64 `json:"latencies_ns"`
	Errors      int     `json:"errors"`
}

// startProbe starts `feedbench probe` against base.
func startProbe(base string, sections int) (*probe, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("probe: %w", err)
	}
	p := &probe{cmd: exec.Command(exe, "probe", "-base", base, "-sections", strconv.Itoa(sections))}
	p.cmd.Stdout, p.cmd.Stderr = &p.out, os.Stderr
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("probe: %w", err)
	}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("probe: %w", err)
	}
	return p, nil
}

// stop ends the probe (closing its stdin) and returns its latencies in
// ascending order and its error count.
func (p *probe) stop() ([]time.Duration, int, error) {
	_ = p.stdin.Close()
	if err := p.cmd.Wait(); err != nil {
		return nil, 0, fmt.Errorf("probe: %w", err)
	}
	var r probeResult
	if err := json.Unmarshal(p.out.Bytes(), &r); err != nil {
		return nil, 0, fmt.Errorf("probe: reading its result: %w", err)
	}
	lat := make([]time.Duration, len(r.LatenciesNs))
	for i, ns := range r.LatenciesNs {
		lat[i] = time.Duration(ns)
	}
	slices.Sort(lat)
	return lat, r.Errors, nil
}

// probeCmd is the child: it reads until stdin closes, then writes its
// probeResult as JSON to stdout.
func probeCmd(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	base := fs.String("base", "", "service base URL")
	sections := fs.Int("sections", 1000, "sections sec-0000 … to request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *base == "" || *sections <= 0 {
		return fmt.Errorf("probe: -base and a positive -sections are required")
	}
	stop := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, stdin)
		close(stop)
	}()
	lat, errs := probeLoop(*base, *sections, stop)
	r := probeResult{LatenciesNs: make([]int64, len(lat)), Errors: errs}
	for i, d := range lat {
		r.LatenciesNs[i] = int64(d)
	}
	return json.NewEncoder(stdout).Encode(r)
}

// probeLoop runs the two readers until stop closes.
func probeLoop(base string, sections int, stop <-chan struct{}) ([]time.Duration, int) {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		lat  []time.Duration
		errs int
	)
	client := &http.Client{Timeout: 10 * time.Second}
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
				start := time.Now()
				r, err := client.Get(fmt.Sprintf("%s/sections/sec-%04d/rss", base, rng.IntN(sections)))
				if err == nil {
					_, err = io.Copy(io.Discard, r.Body)
					r.Body.Close()
					if err == nil && r.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", r.StatusCode)
					}
				}
				d := time.Since(start)
				mu.Lock()
				if err != nil {
					errs++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return lat, errs
}
