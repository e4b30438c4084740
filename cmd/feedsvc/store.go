package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/redisstore"
)

// storeFromConfig opens the store cfg.Store selects (serve, export and import
// share it): the disk store under DATA_DIR, Redis at REDIS_URL, or the
// in-memory store.
func storeFromConfig(ctx context.Context, cfg config.Config, log *slog.Logger) (feedsvc.Store, error) {
	switch cfg.Store {
	case config.StoreMemory:
		log.Warn("store: in memory (STORE=memory): nothing survives a restart")
		return memstore.New(), nil
	case config.StoreRedis:
		redisstore.SetLogger(log)
		s, err := redisstore.New(ctx, redisstore.Options{URL: cfg.RedisURL, Prefix: cfg.RedisPrefix,
			Mode: cfg.RedisMode, SentinelMaster: cfg.RedisSentinelMaster})
		if err != nil {
			return nil, fmt.Errorf("redis %s: %w", config.Redact(cfg.RedisURL), err)
		}
		log.Info("store: redis", "mode", cfg.RedisMode, "url", config.Redact(cfg.RedisURL), "prefix", cfg.RedisPrefix)
		return s, nil
	}
	s, err := boltstore.Open(cfg.DataDir, boltstore.Options{ReleaseEvery: cfg.DataRelease, MappedMax: cfg.DataMappedMax})
	if err != nil {
		return nil, err
	}
	log.Info("store: disk", "path", s.Path())
	return s, nil
}
