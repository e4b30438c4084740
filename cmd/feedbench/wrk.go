package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// wrkResult is what the benchmark keeps from one `wrk --latency` run.
type wrkResult struct {
	RequestsPerSec float64 `json:"requests_per_sec"`
	P50Ms          float64 `json:"p50_ms"`
	P99Ms          float64 `json:"p99_ms"`
	Requests       int64   `json:"requests"`
	Non2xx3xx      int64   `json:"non_2xx_3xx"`
	SocketErrors   int64   `json:"socket_errors"`
}

// parseWrk reads wrk's text output. Requests/sec and the 50% and 99%
// lines of the latency distribution (printed with --latency) are required.
func parseWrk(r io.Reader) (wrkResult, error) {
	var res wrkResult
	var haveRPS, have50, have99 bool
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		var err error
		switch {
		case f[0] == "Requests/sec:":
			res.RequestsPerSec, err = strconv.ParseFloat(f[1], 64)
			haveRPS = err == nil
		case f[0] == "50%" || f[0] == "50.000%":
			res.P50Ms, err = parseWrkDuration(f[1])
			have50 = err == nil
		case f[0] == "99%" || f[0] == "99.000%":
			res.P99Ms, err = parseWrkDuration(f[1])
			have99 = err == nil
		case len(f) >= 3 && f[1] == "requests" && f[2] == "in":
			res.Requests, err = strconv.ParseInt(f[0], 10, 64)
		case strings.HasPrefix(sc.Text(), "  Non-2xx or 3xx responses:"):
			res.Non2xx3xx, err = strconv.ParseInt(f[len(f)-1], 10, 64)
		case f[0] == "Socket" && f[1] == "errors:":
			res.SocketErrors, err = sumSocketErrors(f[2:])
		}
		if err != nil {
			return res, fmt.Errorf("wrk output line %q: %w", sc.Text(), err)
		}
	}
	if err := sc.Err(); err != nil {
		return res, fmt.Errorf("read wrk output: %w", err)
	}
	if !haveRPS || !have50 || !have99 {
		return res, fmt.Errorf("wrk output lacks Requests/sec or the 50%%/99%% latency lines (run wrk with --latency)")
	}
	return res, nil
}

// parseWrkDuration converts wrk's "812.00us", "1.23ms", "2.00s" or "1.50m"
// to milliseconds.
func parseWrkDuration(s string) (float64, error) {
	units := []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour}}
	for _, u := range units {
		num, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return 0, fmt.Errorf("duration %q: %w", s, err)
		}
		return v * float64(u.unit) / float64(time.Millisecond), nil
	}
	return 0, fmt.Errorf("duration %q: unknown unit", s)
}

// sumSocketErrors adds the counts of "connect 0, read 0, write 0, timeout 0".
func sumSocketErrors(f []string) (int64, error) {
	var sum int64
	for i := 1; i < len(f); i += 2 {
		n, err := strconv.ParseInt(strings.TrimSuffix(f[i], ","), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("socket errors: %w", err)
		}
		sum += n
	}
	return sum, nil
}
