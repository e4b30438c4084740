package redisstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// TestFailover kills (SIGKILL) the primary that holds a section's index,
// on the cluster and on the Sentinel set, while one writer keeps putting
// articles into that section: after the failover the store takes writes
// again by itself, and every article a put reported stored is readable
// and listed. It owns the engine meanwhile and waits until the killed
// server is back as a replica.
func TestFailover(t *testing.T) {
	for _, e := range engines(t)[1:] {
		t.Run(e.name, func(t *testing.T) { testFailover(t, e) })
	}
}

func testFailover(t *testing.T, e engine) {
	e.env.Own(t)
	s, p := newStoreOn(t, e)
	raw := rawClient(t, e)
	// The CI scripts restart the killed server as a replica: later tests
	// find the engine whole.
	t.Cleanup(func() { e.env.WaitWhole(t, raw, time.Minute) })
	ctx := t.Context()
	const slug = "fault"
	pub := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var acked []string
	var lastErr error
	put := func(n int) bool {
		id := fmt.Sprintf("f%05d", n)
		a := feedsvc.Article{ID: id, URL: "https://e.org/" + id, Title: id, Published: pub.Add(time.Duration(n) * time.Second), Sections: []string{slug}}
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if err := s.PutArticles(cctx, []feedsvc.Article{a}); err != nil {
			lastErr = err
			return false
		}
		acked = append(acked, id)
		return true
	}
	n := 0
	for ; n < 50; n++ {
		if !put(n) {
			t.Fatalf("put %d before the failover failed", n)
		}
	}
	e.env.KillPrimary(t, raw, p+"s:{"+slug+"}")
	killedAt, failed := len(acked), 0
	deadline := time.Now().Add(30 * time.Second)
	for len(acked) < killedAt+50 {
		if time.Now().After(deadline) {
			t.Fatalf("store took %d writes in 30 s after the primary died (%d failed, last: %v)", len(acked)-killedAt, failed, lastErr)
		}
		if !put(n) {
			failed++
			time.Sleep(100 * time.Millisecond)
		}
		n++
	}
	t.Logf("%s: %d puts failed during the failover, then %d stored", e.name, failed, len(acked)-killedAt)
	got, err := s.Articles(ctx, acked)
	if err != nil || len(got) != len(acked) {
		t.Fatalf("after failover: %d of %d acknowledged articles readable (%v)", len(got), len(acked), err)
	}
	cs, total, err := s.SectionOldest(ctx, slug, len(acked)+10)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, c := range cs {
		listed[c.ID] = true
	}
	for _, id := range acked {
		if !listed[id] {
			t.Errorf("acknowledged %s not listed in %s (%d listed)", id, slug, total)
		}
	}
}
