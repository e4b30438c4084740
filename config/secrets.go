package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// secret returns the value of the variable name, or the content of the
// file named by name_FILE (Docker secrets), trailing newline removed.
// Setting both is an error, as is an unreadable or empty file.
func secret(getenv func(string) string, name string) (string, error) {
	v, path := getenv(name), getenv(name+"_FILE")
	if path == "" {
		return v, nil
	}
	if v != "" {
		return "", fmt.Errorf("%s and %s_FILE are both set: set one", name, name)
	}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("%s_FILE: no such file: %s", name, path)
	case err != nil:
		return "", fmt.Errorf("%s_FILE: cannot read %s: %w", name, path, errors.Unwrap(err))
	}
	s := strings.TrimRight(string(b), "\r\n")
	if strings.TrimSpace(s) == "" {
		return "", fmt.Errorf("%s_FILE: %s is empty", name, path)
	}
	return s, nil
}

// loadSecrets fills the secret settings from the environment or files.
func (c *Config) loadSecrets(getenv func(string) string) error {
	for name, dst := range map[string]*string{"ADMIN_TOKEN": &c.AdminToken,
		"METRICS_TOKEN": &c.MetricsToken, "REDIS_URL": &c.RedisURL} {
		v, err := secret(getenv, name)
		if err != nil {
			return err
		}
		*dst = v
	}
	return nil
}
