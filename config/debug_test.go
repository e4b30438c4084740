package config

import (
	"strings"
	"testing"
	"time"
)

func TestPprofAddrOnlyOnLoopback(t *testing.T) {
	for _, ok := range []string{"", "127.0.0.1:6060", "[::1]:6060", "localhost:0"} {
		c, err := Load(env(map[string]string{"PPROF_ADDR": ok}))
		if err != nil || c.PprofAddr != ok {
			t.Errorf("PPROF_ADDR=%q: got %q, %v", ok, c.PprofAddr, err)
		}
	}
	for _, bad := range []string{"0.0.0.0:6060", ":6060", "10.0.0.1:6060", "example.org:6060", "127.0.0.1"} {
		if _, err := Load(env(map[string]string{"PPROF_ADDR": bad})); err == nil || !strings.Contains(err.Error(), "PPROF_ADDR") {
			t.Errorf("PPROF_ADDR=%q: got %v, want an error naming PPROF_ADDR", bad, err)
		}
	}
}

func TestRenderCacheBytes(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil || c.RenderCacheBytes != DefaultRenderCacheBytes {
		t.Errorf("default: %d, %v; want %d", c.RenderCacheBytes, err, DefaultRenderCacheBytes)
	}
	if c, err = Load(env(map[string]string{"RENDER_CACHE_BYTES": "8388608"})); err != nil || c.RenderCacheBytes != 8<<20 {
		t.Errorf("8 MiB: %d, %v", c.RenderCacheBytes, err)
	}
	for _, bad := range []string{"1000", "-1", "32MiB"} {
		if _, err := Load(env(map[string]string{"RENDER_CACHE_BYTES": bad})); err == nil || !strings.Contains(err.Error(), "RENDER_CACHE_BYTES") {
			t.Errorf("RENDER_CACHE_BYTES=%s: got %v, want an error naming it", bad, err)
		}
	}
}

func TestDataReleaseInterval(t *testing.T) {
	c, err := Load(env(map[string]string{"DATA_RELEASE_INTERVAL": "1s"}))
	if err != nil || c.DataRelease != time.Second {
		t.Errorf("1s: %v, %v", c.DataRelease, err)
	}
	if c, err = Load(env(nil)); err != nil || c.DataRelease != 0 {
		t.Errorf("default: %v, %v; want 0 (off)", c.DataRelease, err)
	}
	for _, bad := range []string{"1ms", "2h", "-1s", "often"} {
		if _, err := Load(env(map[string]string{"DATA_RELEASE_INTERVAL": bad})); err == nil || !strings.Contains(err.Error(), "DATA_RELEASE_INTERVAL") {
			t.Errorf("DATA_RELEASE_INTERVAL=%s: got %v, want an error naming it", bad, err)
		}
	}
}

func TestDataMappedMax(t *testing.T) {
	c, err := Load(env(map[string]string{"DATA_MAPPED_MAX": "0"}))
	if err != nil || c.DataMappedMax != 0 {
		t.Errorf("0: %v, %v", c.DataMappedMax, err)
	}
	if c, err = Load(env(nil)); err != nil || c.DataMappedMax != 80<<20 {
		t.Errorf("default: %v, %v; want 80 MiB", c.DataMappedMax, err)
	}
	for _, bad := range []string{"1024", "-1", "64MiB"} {
		if _, err := Load(env(map[string]string{"DATA_MAPPED_MAX": bad})); err == nil || !strings.Contains(err.Error(), "DATA_MAPPED_MAX") {
			t.Errorf("DATA_MAPPED_MAX=%s: got %v, want an error naming it", bad, err)
		}
	}
}
