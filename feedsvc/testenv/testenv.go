// Package testenv locates the repository's test fixtures (testdata/shared,
// copied from the project's shared reference data with their source and
// licence notes) and
// the Redis server (REDIS_URL) for tests of every package, cmd/ included.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod, walking up from the
// working directory (a package directory under go test).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testenv: go.mod not found above working directory")
		}
		dir = parent
	}
}

// Shared returns the path of testdata/shared inside the repository: the
// feeds, pages and dates copied from the project's reference data (see
// testdata/shared/NOTICE.md). Tests read only these copies, so a fresh clone
// with nothing beside it passes. It fails the test, never skips, when the
// fixtures are missing.
func Shared(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "testdata", "shared")
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		t.Fatalf("testenv: test data not found at %s: %v", dir, err)
	}
	return dir
}

// RedisURL returns REDIS_URL. Without it the test is skipped under -short
// and fails otherwise, so CI (which always sets it) never skips silently.
func RedisURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("REDIS_URL")
	if u == "" {
		if testing.Short() {
			t.Skip("REDIS_URL not set (-short)")
		}
		t.Fatal("REDIS_URL not set: run tests through `make test`, which starts redis-server")
	}
	return u
}
