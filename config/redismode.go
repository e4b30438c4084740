package config

import (
	"fmt"
	"strings"
)

// Redis modes of Config.RedisMode.
const (
	redisSingle   = "single"
	redisCluster  = "cluster"
	redisSentinel = "sentinel"
)

// loadRedisMode reads REDIS_MODE and REDIS_SENTINEL_MASTER.
func (c *Config) loadRedisMode(getenv func(string) string) error {
	c.RedisMode = strings.ToLower(or(getenv("REDIS_MODE"), redisSingle))
	c.RedisSentinelMaster = getenv("REDIS_SENTINEL_MASTER")
	return c.validateRedisMode()
}

// validateRedisMode checks REDIS_MODE against REDIS_URL and
// REDIS_SENTINEL_MASTER.
func (c Config) validateRedisMode() error {
	switch c.RedisMode {
	case redisSingle, "":
		if c.RedisSentinelMaster != "" {
			return fmt.Errorf("REDIS_SENTINEL_MASTER needs REDIS_MODE=sentinel")
		}
		return nil
	case redisCluster, redisSentinel:
	default:
		return fmt.Errorf("REDIS_MODE %q: want single, cluster or sentinel", c.RedisMode)
	}
	if strings.HasPrefix(c.RedisURL, "unix://") {
		return fmt.Errorf("REDIS_MODE=%s: REDIS_URL wants redis:// or rediss:// host:port addresses", c.RedisMode)
	}
	if c.RedisMode == redisSentinel && c.RedisSentinelMaster == "" && !strings.Contains(c.RedisURL, "master_name=") {
		return fmt.Errorf("REDIS_MODE=sentinel needs REDIS_SENTINEL_MASTER (the primary's name)")
	}
	if c.RedisMode == redisCluster && c.RedisSentinelMaster != "" {
		return fmt.Errorf("REDIS_SENTINEL_MASTER needs REDIS_MODE=sentinel")
	}
	return nil
}
