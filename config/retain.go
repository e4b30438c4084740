package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// retainEnv reads RETAIN and RETAIN_ITEMS, the store-wide defaults of the
// per-section retain and retain_items (unset: the store's default, see
// README).
func retainEnv(getenv func(string) string, c *Config) error {
	var err error
	if c.Retain, err = feedsvc.ParseAge(getenv("RETAIN")); err != nil {
		return fmt.Errorf("RETAIN %w", err)
	}
	if v := getenv("RETAIN_ITEMS"); v != "" {
		if c.RetainItems, err = strconv.Atoi(v); err != nil {
			return fmt.Errorf("RETAIN_ITEMS %q: want a whole number (-1: no bound)", v)
		}
	}
	if err := feedsvc.ValidateRetention(c.Retain, c.RetainItems); err != nil {
		field, msg, _ := strings.Cut(err.Error(), ":")
		return fmt.Errorf("%s:%s", strings.ToUpper(field), msg)
	}
	return nil
}
