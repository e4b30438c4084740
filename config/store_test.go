package config

import (
	"strings"
	"testing"
)

func TestLoadStore(t *testing.T) {
	tests := []struct {
		env       map[string]string
		store     string
		dir       string
		wantError string
	}{
		{env: map[string]string{}, store: StoreDisk, dir: "./data"},
		{env: map[string]string{"DATA_DIR": "/var/lib/feedsvc"}, store: StoreDisk, dir: "/var/lib/feedsvc"},
		{env: map[string]string{"REDIS_URL": "redis://127.0.0.1:6379/0"}, store: StoreRedis},
		{env: map[string]string{"STORE": "Memory"}, store: StoreMemory},
		{env: map[string]string{"STORE": "redis"}, wantError: "REDIS_URL"},
		{env: map[string]string{"STORE": "memory", "REDIS_URL": "redis://127.0.0.1:6379/0"}, wantError: "STORE"},
		{env: map[string]string{"STORE": "sqlite"}, wantError: "STORE"},
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
		if c.Store != tc.store || (tc.dir != "" && c.DataDir != tc.dir) {
			t.Errorf("%v: got STORE %q DATA_DIR %q, want %q %q", tc.env, c.Store, c.DataDir, tc.store, tc.dir)
		}
	}
}
