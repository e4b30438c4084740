package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Retention bounds: an age under an hour or a count under 10 is far more
// likely a typo than a policy, and prunes a live section to nothing.
const (
	minRetain      = feedsvc.Age(time.Hour)
	minRetainItems = 10
	maxRetainItems = 10_000_000
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
	if err := validateRetention(c.Retain, c.RetainItems); err != nil {
		field, msg, _ := strings.Cut(err.Error(), ":")
		return fmt.Errorf("%s:%s", strings.ToUpper(field), msg)
	}
	return nil
}

// validateRetention checks a retain / retain_items pair; the error starts
// with the field name.
func validateRetention(age feedsvc.Age, items int) error {
	if age != 0 && age != feedsvc.Forever && age < minRetain {
		return fmt.Errorf("retain: %s is under %s (use forever to keep everything)", age, time.Duration(minRetain))
	}
	if items != 0 && items != -1 && (items < minRetainItems || items > maxRetainItems) {
		return fmt.Errorf("retain_items: %d is outside %d..%d (-1: no bound)", items, minRetainItems, maxRetainItems)
	}
	return nil
}
