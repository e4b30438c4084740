package config

import (
	"strings"
	"testing"
)

func TestLoadUserAgent(t *testing.T) {
	env := map[string]string{"USER_AGENT": "MyNews/2.0 (+https://news.example/bot)"}
	c, err := Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.UserAgent != env["USER_AGENT"] {
		t.Errorf("UserAgent: got %q, want %q", c.UserAgent, env["USER_AGENT"])
	}
	bad := map[string]string{"USER_AGENT": "x\r\nX-Injected: 1"}
	if _, err := Load(func(k string) string { return bad[k] }); err == nil || !strings.Contains(err.Error(), "USER_AGENT") {
		t.Errorf("USER_AGENT with a line break: got %v, want an error naming USER_AGENT", err)
	}
}
