package redisstore

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/redis/go-redis/v9"
)

// slogLogger routes go-redis' internal messages (pool dial failures and
// the like) into the process's structured log instead of raw stderr.
type slogLogger struct{ log *slog.Logger }

func (l slogLogger) Printf(ctx context.Context, format string, v ...any) {
	l.log.WarnContext(ctx, fmt.Sprintf(format, v...), "component", "redis")
}

var setLogger sync.Once

// SetLogger sends go-redis' own log lines to log (a process-wide setting
// of go-redis; the first call wins).
func SetLogger(log *slog.Logger) {
	setLogger.Do(func() { redis.SetLogger(slogLogger{log: log}) })
}
