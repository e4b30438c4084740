package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLicenseMatchesImageLabel(t *testing.T) {
	lic, df := readRepoFile(t, "LICENSE"), readRepoFile(t, "Dockerfile")
	if !strings.HasPrefix(lic, "MIT License") || !strings.Contains(lic, "feedsvc authors") {
		t.Errorf("LICENSE is not the MIT licence of the feedsvc authors")
	}
	if !strings.Contains(df, `org.opencontainers.image.licenses="MIT"`) {
		t.Errorf("Dockerfile label does not say MIT")
	}
	if !strings.Contains(df, `HEALTHCHECK`) || !strings.Contains(df, `CMD ["/usr/local/bin/feedsvc", "healthcheck"]`) {
		t.Errorf("Dockerfile has no HEALTHCHECK running feedsvc healthcheck")
	}
	ignore := strings.Fields(readRepoFile(t, ".dockerignore"))
	for _, want := range []string{".git", "bin"} {
		if !slices.Contains(ignore, want) {
			t.Errorf(".dockerignore does not exclude %s", want)
		}
	}
}

func TestComposeRunsRedisWithPersistence(t *testing.T) {
	var c struct {
		Services map[string]struct {
			Command     []string          `yaml:"command"`
			Volumes     []string          `yaml:"volumes"`
			Environment map[string]string `yaml:"environment"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal([]byte(readRepoFile(t, "compose.yaml")), &c); err != nil {
		t.Fatal(err)
	}
	redis, app := c.Services["redis"], c.Services["feedsvc"]
	if i := slices.Index(redis.Command, "--appendonly"); i < 0 || i+1 >= len(redis.Command) || redis.Command[i+1] != "yes" {
		t.Errorf("redis runs without --appendonly yes: %v", redis.Command)
	}
	if !slices.Contains(redis.Volumes, "redis-data:/data") {
		t.Errorf("redis /data is not on the named volume: %v", redis.Volumes)
	}
	if _, ok := c.Volumes["redis-data"]; !ok {
		t.Errorf("volume redis-data is not declared")
	}
	if app.Environment["REDIS_URL"] != "redis://redis:6379/0" || app.Environment["BASE_URL"] == "" {
		t.Errorf("feedsvc environment: %v", app.Environment)
	}
}
