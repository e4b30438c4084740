package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// lock calls TryLock and fails the test on an error.
func lock(t *testing.T, s feedsvc.Store, name, owner string, ttl time.Duration) bool {
	t.Helper()
	ok, err := s.TryLock(t.Context(), name, owner, ttl)
	if err != nil {
		t.Fatalf("TryLock(%q, %q): %v", name, owner, err)
	}
	return ok
}

// unlock calls Unlock and fails the test on an error.
func unlock(t *testing.T, s feedsvc.Store, name, owner string) {
	t.Helper()
	if err := s.Unlock(t.Context(), name, owner); err != nil {
		t.Fatalf("Unlock(%q, %q): %v", name, owner, err)
	}
}

func testLocks(t *testing.T, s feedsvc.Store) {
	steps := []struct {
		name, owner string
		unlock      bool
		want        bool
	}{
		{name: "a takes", owner: "a", want: true},
		{name: "b refused", owner: "b", want: false},
		{name: "a renews", owner: "a", want: true},
		{name: "b cannot unlock", owner: "b", unlock: true},
		{name: "b still refused", owner: "b", want: false},
		{name: "a unlocks", owner: "a", unlock: true},
		{name: "b takes", owner: "b", want: true},
		{name: "a refused", owner: "a", want: false},
	}
	for _, st := range steps {
		if st.unlock {
			unlock(t, s, "ingest", st.owner)
			continue
		}
		if got := lock(t, s, "ingest", st.owner, time.Minute); got != st.want {
			t.Errorf("%s: got %v, want %v", st.name, got, st.want)
		}
	}
	if !lock(t, s, "other-lease", "a", time.Minute) {
		t.Error("a lease of another name: refused")
	}
	for _, bad := range []struct {
		name, owner string
		ttl         time.Duration
	}{
		{"", "a", time.Minute}, {"x", "", time.Minute}, {"x", "a", 0},
	} {
		if _, err := s.TryLock(t.Context(), bad.name, bad.owner, bad.ttl); !errors.Is(err, feedsvc.ErrInvalid) {
			t.Errorf("TryLock(%q, %q, %v): got %v, want ErrInvalid", bad.name, bad.owner, bad.ttl, err)
		}
	}
}

func testLockExpiry(t *testing.T, s feedsvc.Store) {
	if !lock(t, s, "exp", "a", 300*time.Millisecond) {
		t.Fatal("a takes a free lease: refused")
	}
	time.Sleep(150 * time.Millisecond)
	// Renewing extends the lease past its first expiry: 300ms after the
	// first take, b must still be refused.
	if !lock(t, s, "exp", "a", 5*time.Second) {
		t.Fatal("a renews its lease: refused")
	}
	time.Sleep(250 * time.Millisecond)
	if lock(t, s, "exp", "b", time.Minute) {
		t.Fatal("b took a renewed lease")
	}
	if !lock(t, s, "exp", "a", 100*time.Millisecond) {
		t.Fatal("a shortens its lease: refused")
	}
	eventually(t, "lease expiry", func() bool { return lock(t, s, "exp", "b", time.Minute) })
	unlock(t, s, "exp", "a")
	if lock(t, s, "exp", "a", time.Minute) {
		t.Error("a's late Unlock released b's lease")
	}
}

func testPing(t *testing.T, s feedsvc.Store) {
	if err := s.Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func testCanceled(t *testing.T, s feedsvc.Store) {
	ctx := canceled()
	if err := s.PutArticles(ctx, []feedsvc.Article{article("c", base, "cx")}); err == nil {
		t.Error("PutArticles with a canceled context: got nil error")
	}
	if _, err := s.SectionArticles(ctx, "cx", feedsvc.Query{}); err == nil {
		t.Error("SectionArticles with a canceled context: got nil error")
	}
	if got := page(t, s, "cx", feedsvc.Query{}); len(got) != 0 {
		t.Errorf("canceled put was stored: %q", ids(got))
	}
}
