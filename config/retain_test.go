package config

import (
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestParseRetention(t *testing.T) {
	y := strings.Replace(goodYAML, "    language: zh-CN\n", "    language: zh-CN\n    retain: 90d\n    retain_items: 5000\n", 1)
	f, err := parse([]byte(y))
	if err != nil {
		t.Fatal(err)
	}
	if s := f.Sections[0]; s.Retain != feedsvc.Age(90*24*time.Hour) || s.RetainItems != 5000 {
		t.Errorf("retention: got retain %s, retain_items %d; want 90d, 5000", s.Retain, s.RetainItems)
	}
	tests := []struct{ name, yaml, want string }{
		{"bad age", "retain: soon", `"soon"`},
		{"fractional days", "retain: 1.5d", `"1.5d"`},
		{"too short", "retain: 10m", "retain: 10m0s is under 1h"},
		{"too few items", "retain_items: 3", "retain_items: 3 is outside"},
		{"negative items", "retain_items: -2", "retain_items: -2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			y := strings.Replace(goodYAML, "    language: zh-CN\n", "    language: zh-CN\n    "+tc.yaml+"\n", 1)
			_, err := parse([]byte(y))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	for _, ok := range []string{"retain: forever", "retain_items: -1", "retain: 36h"} {
		y := strings.Replace(goodYAML, "    language: zh-CN\n", "    language: zh-CN\n    "+ok+"\n", 1)
		if _, err := parse([]byte(y)); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

func TestLoadRetainEnv(t *testing.T) {
	env := map[string]string{"RETAIN": "30d", "RETAIN_ITEMS": "2000"}
	c, err := Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Retain != feedsvc.Age(30*24*time.Hour) || c.RetainItems != 2000 {
		t.Errorf("got RETAIN %s, RETAIN_ITEMS %d; want 30d, 2000", c.Retain, c.RetainItems)
	}
	if c, err := Load(func(string) string { return "" }); err != nil || c.Retain != 0 || c.RetainItems != 0 {
		t.Errorf("unset: got %s, %d, %v; want zero (store default)", c.Retain, c.RetainItems, err)
	}
	for k, v := range map[string]string{"RETAIN": "5m", "RETAIN_ITEMS": "many"} {
		bad := map[string]string{k: v}
		if _, err := Load(func(s string) string { return bad[s] }); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: got %v, want an error naming %s", k, v, err, k)
		}
	}
}
