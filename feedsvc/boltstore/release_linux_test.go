package boltstore

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// rssFileKiB is the process's RssFile (file pages mapped in), in KiB.
func rssFileKiB(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "RssFile:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	t.Fatal("no RssFile in /proc/self/status")
	return 0
}

// fillMapped puts some 20 MB of articles into s and returns a func that
// reads them all through the map and checks they read back the same.
func fillMapped(t *testing.T, s *Store) (read func()) {
	t.Helper()
	ctx := context.Background()
	// ~10 KB of body per article, random letters: records compress, and
	// these still fill some 20 MB.
	rng := rand.New(rand.NewPCG(1, 2))
	bodies := map[string]string{}
	var ids []string
	for b := range 20 {
		var arts []feedsvc.Article
		for i := range 100 {
			id := fmt.Sprintf("a-%02d-%03d", b, i)
			ids = append(ids, id)
			text := make([]byte, 10<<10)
			for j := range text {
				text[j] = 'a' + byte(rng.IntN(26))
			}
			bodies[id] = string(text)
			arts = append(arts, feedsvc.Article{ID: id, BodyText: bodies[id], Published: time.Unix(int64(b*100+i), 0),
				Sections: []string{"news"}})
		}
		if err := s.PutArticles(ctx, arts); err != nil {
			t.Fatal(err)
		}
	}
	return func() {
		t.Helper()
		arts, err := s.Articles(ctx, ids)
		if err != nil || len(arts) != len(ids) {
			t.Fatalf("Articles: %d, %v", len(arts), err)
		}
		for i := range arts {
			if arts[i].BodyText != bodies[ids[i]] {
				t.Fatalf("article %s reads back changed", ids[i])
			}
		}
	}
}

// TestReleaseMappedDropsFilePages reads a store of some 20 MB through the
// map, releases it, and checks that the mapped pages left the process and
// that every article still reads back the same.
func TestReleaseMappedDropsFilePages(t *testing.T) {
	s, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	read := fillMapped(t, s)
	read()
	before := rssFileKiB(t)
	if err := s.releaseMapped(); err != nil {
		t.Fatal(err)
	}
	after := rssFileKiB(t)
	if before-after < 10<<10 {
		t.Errorf("RssFile %d KiB -> %d KiB after release, want at least 10 MiB less", before, after)
	}
	read()
}

// TestMappedMaxBoundsFilePages: with Options.MappedMax a few MiB above
// what the process maps at the start, reading the 20 MB store leaves
// RssFile back under the bound within a few checks, and mappedBytes is
// the RssFile the test reads.
func TestMappedMaxBoundsFilePages(t *testing.T) {
	start := rssFileKiB(t)
	if got := mappedBytes() >> 10; got < int64(start)/2 || got > int64(start)*2 {
		t.Errorf("mappedBytes %d KiB, RssFile %d KiB", got, start)
	}
	limit := int64(start+4<<10) << 10
	s, err := Open(t.TempDir(), Options{MappedMax: limit})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	read := fillMapped(t, s)
	read()
	peak := rssFileKiB(t)
	deadline := time.Now().Add(10 * MappedCheck)
	for mappedBytes() > limit && time.Now().Before(deadline) {
		time.Sleep(MappedCheck / 5)
	}
	if end := mappedBytes(); end > limit {
		t.Errorf("RssFile %d KiB after reading (peak seen %d KiB), still over the bound of %d KiB after %v", end>>10, peak, limit>>10, 10*MappedCheck)
	}
	read()
}
