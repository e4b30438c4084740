package config

import (
	"strings"
	"testing"
)

func TestLoadRedisMode(t *testing.T) {
	const cluster = "redis://:pw@127.0.0.1:7000?addr=127.0.0.1:7001&addr=127.0.0.1:7002"
	tests := []struct {
		env          map[string]string
		mode, master string
		wantError    string
	}{
		{env: map[string]string{"REDIS_URL": "redis://127.0.0.1:6379/0"}, mode: redisSingle},
		{env: map[string]string{"REDIS_URL": cluster, "REDIS_MODE": "Cluster"}, mode: redisCluster},
		{env: map[string]string{"REDIS_URL": "rediss://127.0.0.1:26379?addr=127.0.0.1:26380", "REDIS_MODE": "sentinel",
			"REDIS_SENTINEL_MASTER": "main"}, mode: redisSentinel, master: "main"},
		{env: map[string]string{"REDIS_URL": "redis://127.0.0.1:26379", "REDIS_MODE": "sentinel"}, wantError: "REDIS_SENTINEL_MASTER"},
		{env: map[string]string{"REDIS_URL": "redis://127.0.0.1:6379", "REDIS_SENTINEL_MASTER": "main"}, wantError: "REDIS_MODE=sentinel"},
		{env: map[string]string{"REDIS_URL": "unix:///run/redis.sock", "REDIS_MODE": "cluster"}, wantError: "redis://"},
		{env: map[string]string{"REDIS_URL": cluster, "REDIS_MODE": "ring"}, wantError: "REDIS_MODE"},
	}
	for _, tc := range tests {
		c, err := Load(func(k string) string { return tc.env[k] })
		if tc.wantError != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantError) {
				t.Errorf("%v: got %v, want an error naming %s", tc.env, err, tc.wantError)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.env, err)
			continue
		}
		if c.RedisMode != tc.mode || c.RedisSentinelMaster != tc.master {
			t.Errorf("%v: got mode %q master %q, want %q %q", tc.env, c.RedisMode, c.RedisSentinelMaster, tc.mode, tc.master)
		}
	}
}
