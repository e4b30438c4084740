package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
)

// scaleReport is what `feedbench scale` measured.
type scaleReport struct {
	Store           string  `json:"store"`
	Order           string  `json:"order"`
	Sources         int     `json:"sources"`
	Hosts           int     `json:"hosts"`
	Sections        int     `json:"sections"`
	Items           int     `json:"items_per_feed"`
	Concurrency     int     `json:"ingest_concurrency"`
	FirstCycleS     float64 `json:"first_cycle_s"` // service start until every source was fetched once
	StartupS        float64 `json:"startup_s"`     // service start until /healthz answered (catalog seeding)
	PendingAfter    int     `json:"pending_after_cycle"`
	PeakRSSMiB      float64 `json:"peak_rss_mib"`      // VmHWM
	PeakAnonMiB     float64 `json:"peak_rss_anon_mib"` // largest RssAnon sampled each second (Go heap and runtime)
	PeakFileMiB     float64 `json:"peak_rss_file_mib"` // largest RssFile sampled (the bbolt file's mapped pages)
	MemLimit        string  `json:"gomemlimit,omitempty"`
	DataMiB         float64 `json:"data_mib,omitempty"` // size of DATA_DIR at the end (the embedded store's file)
	CycleCPUS       float64 `json:"first_cycle_cpu_s"`
	ChannelRequests int     `json:"channel_requests"`
	ChannelErrors   int     `json:"channel_errors"`
	ChannelP50Ms    float64 `json:"channel_p50_ms"`
	ChannelP99Ms    float64 `json:"channel_p99_ms"`
	CPUPer1k304S    float64 `json:"cpu_s_per_1000_unchanged_polls"`
	CPUPer1kChangeS float64 `json:"cpu_s_per_1000_changed_polls"`
	RedisUsedMiB    float64 `json:"redis_used_memory_mib,omitempty"`
	LoadBefore      string  `json:"loadavg_before"`
	LoadAfter       string  `json:"loadavg_after"`
}

// scaleCmd implements `feedbench scale -svc BIN`: it serves a source farm
// on loopback, runs the built service on a generated configuration
// (REDIS_URL from the environment selects Redis, else the embedded
// store), and measures the first poll cycle, then the CPU of -sample
// polls of unchanged (304) and of changed sources. Everything stops by itself after -timeout.
func scaleCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	svc := fs.String("svc", "", "feedsvc binary (required)")
	n := fs.Int("sources", 10000, "feeds")
	hosts := fs.Int("hosts", 200, "loopback addresses the feeds are spread over")
	sections := fs.Int("sections", 1000, "sections (sources are spread over them)")
	items := fs.Int("items", 5, "items per feed")
	order := fs.String("order", "byhost", "order of sources in the config: byhost (host by host) or shuffled")
	conc := fs.Int("c", 16, "INGEST_CONCURRENCY of the service")
	memLimit := fs.String("memlimit", "", "GOMEMLIMIT of the service (e.g. 160MiB; empty: none)")
	interval := fs.Duration("interval", 45*time.Second, "poll interval of every source")
	timeout := fs.Duration("timeout", 10*time.Minute, "stop everything after this")
	sample := fs.Int("sample", 2000, "polls the unchanged and the changed CPU figures are measured over (at most -sources)")
	out := fs.String("o", "", "JSON report file")
	profDir := fs.String("pprof", "", "folder for the service's profiles: CPU over the first -pprof-seconds of the cycle, heap at its end (empty: none)")
	profSecs := fs.Int("pprof-seconds", 30, "length of the CPU profile")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *svc == "" || *n < 1 || *hosts < 1 || *sections < 1 || *items < 1 || (*order != "byhost" && *order != "shuffled") {
		return errors.New("scale: need -svc BIN, positive sizes and -order byhost|shuffled")
	}
	sig, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(sig, *timeout) // interrupted or late, the deferred stops still run
	defer cancel()
	rep := scaleReport{Store: "embedded", Order: *order, Sources: *n, Hosts: *hosts, Sections: *sections, Items: *items,
		Concurrency: *conc, MemLimit: *memLimit, LoadBefore: loadavg()}
	redisURL := os.Getenv("REDIS_URL")
	if redisURL != "" {
		rep.Store = "redis"
	}
	farm, err := startScaleFarm(*n, *hosts, *items)
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	defer farm.close()
	dir, err := os.MkdirTemp("", "feedbench-scale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cfg := filepath.Join(dir, "feedsvc.yaml")
	if err := os.WriteFile(cfg, scaleConfig(farm, *sections, *order, *interval), 0o644); err != nil {
		return err
	}
	prefix := fmt.Sprintf("feedbench-scale:%d:", os.Getpid())
	var pprofAddr string
	if *profDir != "" {
		if pprofAddr, err = freeLoopback(); err != nil {
			return fmt.Errorf("scale: %w", err)
		}
	}
	s, err := startService(ctx, *svc, cfg, dir, prefix, *conc, *memLimit, pprofAddr, stderr)
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	defer s.stop()
	if redisURL != "" {
		defer dropRedisKeys(redisURL, prefix)
	}
	fmt.Fprintf(stderr, "scale: %d sources on %d hosts, %d sections, store %s, order %s; service pid %d\n",
		*n, *hosts, *sections, rep.Store, *order, s.cmd.Process.Pid)

	rep.StartupS = round3(s.up.Sub(s.started).Seconds())
	mem := s.sampleMemory()
	defer mem.stop()

	// Cycle 1: every source fetched once, channel requests meanwhile.
	probe, err := startProbe(s.base, *sections)
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	var profWG sync.WaitGroup
	if pprofAddr != "" {
		profWG.Add(1)
		go func() {
			defer profWG.Done()
			saveProfile(ctx, pprofAddr, fmt.Sprintf("profile?seconds=%d", *profSecs), filepath.Join(*profDir, "cpu.pprof"), stderr)
		}()
		defer profWG.Wait()
	}
	if err := waitFor(ctx, farm.allSeen, s); err != nil {
		_, _, _ = probe.stop()
		return fmt.Errorf("scale: first cycle: %d of %d sources fetched: %w", farm.distinct.Load(), *n, err)
	}
	rep.FirstCycleS = round3(time.Since(s.started).Seconds())
	lat, errs, err := probe.stop()
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	rep.ChannelRequests, rep.ChannelErrors = len(lat), errs
	rep.ChannelP50Ms, rep.ChannelP99Ms = ms(percentile(lat, 0.50)), ms(percentile(lat, 0.99))
	cpu1 := s.cpu()
	rep.CycleCPUS = round3(cpu1)
	fmt.Fprintf(stderr, "scale: first cycle %.1f s, %.1f CPU s, channel p50 %.1f ms p99 %.1f ms\n",
		rep.FirstCycleS, cpu1, rep.ChannelP50Ms, rep.ChannelP99Ms)
	rep.PendingAfter = s.pending(ctx)
	if pprofAddr != "" {
		saveProfile(ctx, pprofAddr, "heap", filepath.Join(*profDir, "heap.pprof"), stderr)
	}

	// Then -sample polls of unchanged sources (304), CPU per 1000 of them.
	ok0, nm0 := farm.ok.Load(), farm.nm.Load()
	window := int64(min(max(*sample, 1), *n))
	if err := waitCount(ctx, func() bool { return farm.nm.Load()-nm0 >= window }, s); err != nil {
		return fmt.Errorf("scale: unchanged cycle: %w", err)
	}
	cpu2 := s.cpu()
	polls := farm.ok.Load() - ok0 + farm.nm.Load() - nm0
	rep.CPUPer1k304S = round3((cpu2 - cpu1) / float64(polls) * 1000)

	// Then every source shows one new item: -sample changed polls.
	farm.bump()
	ok0 = farm.ok.Load()
	nm0 = farm.nm.Load()
	if err := waitCount(ctx, func() bool { return farm.ok.Load()-ok0 >= window }, s); err != nil {
		return fmt.Errorf("scale: changed cycle: %w", err)
	}
	cpu3 := s.cpu()
	polls = farm.ok.Load() - ok0 + farm.nm.Load() - nm0
	rep.CPUPer1kChangeS = round3((cpu3 - cpu2) / float64(polls) * 1000)
	rep.PeakRSSMiB = s.peakRSS()
	rep.PeakAnonMiB, rep.PeakFileMiB = mem.stop()
	rep.DataMiB = dirMiB(filepath.Join(dir, "data"))
	if redisURL != "" {
		rep.RedisUsedMiB = redisUsedMiB(redisURL)
	}
	rep.LoadAfter = loadavg()
	printScale(stdout, &rep)
	if *out != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// scaleConfig writes sections sec-0000… and sources src-00000…, source j
// on the farm's feed j and in section j mod sections, listed host by host
// or shuffled.
func scaleConfig(f *scaleFarm, sections int, order string, interval time.Duration) []byte {
	var b strings.Builder
	b.WriteString("sections:\n")
	for i := range sections {
		fmt.Fprintf(&b, "  - {slug: sec-%04d, title: Section %d, description: scale test, language: zh-CN, timezone: Asia/Shanghai}\n", i, i)
	}
	idx := make([]int, f.n)
	for j := range idx {
		idx[j] = j
	}
	if order == "byhost" {
		h := len(f.addrs)
		slices.SortStableFunc(idx, func(a, b int) int { return a%h - b%h })
	} else {
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
	}
	b.WriteString("sources:\n")
	for _, j := range idx {
		fmt.Fprintf(&b, "  - {id: src-%05d, url: %q, kind: feed, sections: [sec-%04d], timezone: Asia/Shanghai, interval: %s}\n",
			j, f.url(j), j%sections, interval)
	}
	return []byte(b.String())
}

// service is the feedsvc process under test.
type service struct {
	cmd     *exec.Cmd
	base    string
	started time.Time
	up      time.Time // /healthz answered
	exited  chan struct{}
}

// freeLoopback returns a loopback address with a port free right now.
func freeLoopback() (string, error) {
	ln, err := listenLoopback("127.0.0.1:0", false)
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// saveProfile writes the service's /debug/pprof/<what> to file.
func saveProfile(ctx context.Context, addr, what, file string, stderr io.Writer) {
	err := func() error {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/debug/pprof/"+what, nil)
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		defer r.Body.Close()
		if r.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", r.StatusCode)
		}
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		return os.WriteFile(file, b, 0o644)
	}()
	if err != nil {
		fmt.Fprintf(stderr, "scale: profile %s: %v\n", what, err)
		return
	}
	fmt.Fprintf(stderr, "scale: wrote %s\n", file)
}

func startService(ctx context.Context, bin, cfg, dir, prefix string, conc int, memLimit, pprofAddr string, stderr io.Writer) (*service, error) {
	addr, err := freeLoopback()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve", "-config", cfg)
	cmd.Env = append(os.Environ(), "LISTEN_ADDR="+addr, "FEEDSVC_ALLOW_PRIVATE_NETWORKS=true", "LOG_LEVEL=warn",
		"DATA_DIR="+filepath.Join(dir, "data"), "REDIS_PREFIX="+prefix, "INGEST_CONCURRENCY="+strconv.Itoa(conc),
		"ADMIN_TOKEN=feedbench-scale-token")
	if memLimit != "" {
		cmd.Env = append(cmd.Env, "GOMEMLIMIT="+memLimit)
	}
	if pprofAddr != "" {
		cmd.Env = append(cmd.Env, "PPROF_ADDR="+pprofAddr)
	}
	logf, err := os.Create(filepath.Join(dir, "feedsvc.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	s := &service{cmd: cmd, base: "http://" + addr, started: time.Now(), exited: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = cmd.Wait(); logf.Close(); close(s.exited) }()
	for {
		select {
		case <-s.exited:
			tail, _ := os.ReadFile(logf.Name())
			return nil, fmt.Errorf("feedsvc exited at start: %s", lastLines(string(tail), 10))
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if r, err := http.Get(s.base + "/healthz"); err == nil {
			r.Body.Close()
			s.up = time.Now()
			fmt.Fprintf(stderr, "scale: service up after %.1f s\n", time.Since(s.started).Seconds())
			return s, nil
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// stop ends the service: TERM, then KILL after 10 s.
func (s *service) stop() {
	select {
	case <-s.exited:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

// cpu is the service's user+system CPU seconds (/proc/PID/stat, at the
// usual 100 clock ticks per second).
func (s *service) cpu() float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64) // utime: field 14 of stat
	k, _ := strconv.ParseFloat(f[12], 64) // stime: field 15
	return (u + k) / 100
}

// peakRSS is VmHWM of /proc/PID/status in MiB.
func (s *service) peakRSS() float64 { return round3(s.status()["VmHWM"]) }

// memSampler keeps the largest RssAnon and RssFile of the service, read
// every second: VmHWM is their peak sum, and the two parts have different
// causes (the Go heap; the pages of the bbolt file the kernel mapped in).
type memSampler struct {
	stopc      chan struct{}
	done       chan struct{}
	anon, file float64
}

func (s *service) sampleMemory() *memSampler {
	m := &memSampler{stopc: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		for {
			st := s.status()
			m.anon, m.file = max(m.anon, st["RssAnon"]), max(m.file, st["RssFile"])
			select {
			case <-m.stopc:
				return
			case <-time.After(time.Second):
			}
		}
	}()
	return m
}

// stop ends the sampling (once) and returns the peaks in MiB.
func (m *memSampler) stop() (anon, file float64) {
	select {
	case <-m.stopc:
	default:
		close(m.stopc)
	}
	<-m.done
	return round3(m.anon), round3(m.file)
}

// status reads the kB fields of /proc/PID/status, in MiB.
func (s *service) status() map[string]float64 {
	out := map[string]float64{}
	fh, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return out
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if v, unit := strings.CutSuffix(strings.TrimSpace(v), " kB"); ok && unit {
			n, _ := strconv.ParseFloat(v, 64)
			out[k] = n / 1024
		}
	}
	return out
}

// pending asks /api/status how many sources were never polled.
func (s *service) pending(ctx context.Context) int {
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"/api/status?health=pending&per_page=1", nil)
	req.Header.Set("Authorization", "Bearer feedbench-scale-token")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1
	}
	defer r.Body.Close()
	var v struct{ Total int }
	if r.StatusCode != http.StatusOK || json.NewDecoder(r.Body).Decode(&v) != nil {
		return -1
	}
	return v.Total
}

func waitFor(ctx context.Context, done <-chan struct{}, s *service) error {
	select {
	case <-done:
		return nil
	case <-s.exited:
		return errors.New("feedsvc exited")
	case <-ctx.Done():
		return ctx.Err()
	}
}

func waitCount(ctx context.Context, done func() bool, s *service) error {
	for !done() {
		select {
		case <-s.exited:
			return errors.New("feedsvc exited")
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}

func redisUsedMiB(url string) float64 {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return 0
	}
	c := redis.NewClient(opt)
	defer c.Close()
	info, err := c.Info(context.Background(), "memory").Result()
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "used_memory:"); ok {
			n, _ := strconv.ParseFloat(v, 64)
			return round3(n / (1 << 20))
		}
	}
	return 0
}

// dropRedisKeys removes the run's keys from a Redis that outlives it.
func dropRedisKeys(url, prefix string) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return
	}
	c := redis.NewClient(opt)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	it := c.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	var batch []string
	for it.Next(ctx) {
		if batch = append(batch, it.Val()); len(batch) == 500 {
			c.Unlink(ctx, batch...)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		c.Unlink(ctx, batch...)
	}
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

func printScale(w io.Writer, r *scaleReport) {
	fmt.Fprintf(w, "scale (%s store, %d sources on %d hosts, %d sections, %d items/feed, order %s, INGEST_CONCURRENCY=%d)\n",
		r.Store, r.Sources, r.Hosts, r.Sections, r.Items, r.Order, r.Concurrency)
	fmt.Fprintf(w, "  first cycle (service start until every source polled once): %.1f s, of which start-up %.1f s (goal <= 60 s); never polled after it: %d\n",
		r.FirstCycleS, r.StartupS, r.PendingAfter)
	fmt.Fprintf(w, "  peak RSS (VmHWM): %.1f MiB (goal <= 256 MB on the embedded store); peak RssAnon %.1f MiB, peak RssFile %.1f MiB; GOMEMLIMIT %q\n",
		r.PeakRSSMiB, r.PeakAnonMiB, r.PeakFileMiB, r.MemLimit)
	fmt.Fprintf(w, "  section channel during the cycle: p50 %.1f ms, p99 %.1f ms over %d requests, %d errors (goal p99 < 50 ms)\n",
		r.ChannelP50Ms, r.ChannelP99Ms, r.ChannelRequests, r.ChannelErrors)
	fmt.Fprintf(w, "  CPU: first cycle %.1f s; per 1000 polls: unchanged (304) %.2f s, changed %.2f s\n", r.CycleCPUS, r.CPUPer1k304S, r.CPUPer1kChangeS)
	if r.DataMiB > 0 {
		fmt.Fprintf(w, "  data folder: %.1f MiB\n", r.DataMiB)
	}
	if r.Store == "redis" {
		fmt.Fprintf(w, "  Redis used_memory: %.1f MiB\n", r.RedisUsedMiB)
	}
	fmt.Fprintf(w, "  load average before: %s, after: %s (%d CPUs)\n", r.LoadBefore, r.LoadAfter, numCPU())
}

func numCPU() int { return runtime.NumCPU() }

// dirMiB is the size of the files under dir in MiB (0 when there is none).
func dirMiB(dir string) float64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return round3(float64(n) / (1 << 20))
}
