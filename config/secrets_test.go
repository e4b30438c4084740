package config

import (
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestSecretsFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c, err := Load(env(map[string]string{
		"ADMIN_TOKEN_FILE":   write("admin", "s3cret\n"),
		"METRICS_TOKEN_FILE": write("metrics", "m-token"),
		"REDIS_URL_FILE":     write("redis", "redis://:pw@127.0.0.1:6379/0\n"),
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.AdminToken != "s3cret" || c.MetricsToken != "m-token" || c.RedisURL != "redis://:pw@127.0.0.1:6379/0" {
		t.Errorf("got admin %q metrics %q redis %q", c.AdminToken, c.MetricsToken, c.RedisURL)
	}
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"ADMIN_TOKEN": "a", "ADMIN_TOKEN_FILE": write("x", "b")}, "ADMIN_TOKEN and ADMIN_TOKEN_FILE are both set"},
		{map[string]string{"ADMIN_TOKEN_FILE": filepath.Join(dir, "nope")}, "ADMIN_TOKEN_FILE: no such file: " + filepath.Join(dir, "nope")},
		{map[string]string{"METRICS_TOKEN_FILE": write("empty", "\n")}, "METRICS_TOKEN_FILE: " + filepath.Join(dir, "empty") + " is empty"},
	} {
		if _, err := Load(env(tt.env)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %v, want %q", tt.env, err, tt.want)
		}
	}
}

func TestExposureSettings(t *testing.T) {
	c, err := Load(env(map[string]string{"METRICS_ALLOWED_NETWORKS": "10.1.2.3/8, 127.0.0.1/32", "STATUS_PUBLIC": "false", "ADMIN_TOKEN": "t"}))
	if err != nil {
		t.Fatal(err)
	}
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("127.0.0.1/32")}
	if len(c.MetricsNetworks) != 2 || c.MetricsNetworks[0] != want[0] || c.MetricsNetworks[1] != want[1] || c.StatusPublic {
		t.Errorf("got networks %v public %v", c.MetricsNetworks, c.StatusPublic)
	}
	if c, _ := Load(env(nil)); !c.StatusPublic {
		t.Error("STATUS_PUBLIC should default to true")
	}
	for e, want := range map[string]string{"METRICS_ALLOWED_NETWORKS=10.0.0.0": `METRICS_ALLOWED_NETWORKS "10.0.0.0": want CIDRs`,
		"STATUS_PUBLIC=nope": `STATUS_PUBLIC "nope": want true or false`} {
		k, v, _ := strings.Cut(e, "=")
		if _, err := Load(env(map[string]string{k: v})); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", e, err, want)
		}
	}
}

// TestEveryVariableIsDocumented fails when Load reads a variable that the
// Vars table (feedsvc help, README) does not list.
func TestEveryVariableIsDocumented(t *testing.T) {
	listed := map[string]bool{}
	for _, v := range Vars {
		listed[v.Name] = true
	}
	_, _ = Load(func(k string) string {
		if !listed[k] {
			t.Errorf("Load reads %s, which config.Vars does not list", k)
		}
		return ""
	})
}

func TestMissingFileSourceFailsAtLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feedsvc.yaml")
	yml := "sections: [{slug: a, title: A}]\nsources:\n  - {id: local, url: \"file:feeds/missing.xml\", sections: [a]}\n"
	if err := os.WriteFile(p, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(p)
	want := "sources[0] (local): url: no such file: " + filepath.ToSlash(filepath.Join(dir, "feeds/missing.xml"))
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %q", err, want)
	}
	if _, err := LoadFile(filepath.Join(dir, "nope.yaml")); err == nil || !strings.Contains(err.Error(), "no such file: ") {
		t.Errorf("missing config: got %v", err)
	}
}
