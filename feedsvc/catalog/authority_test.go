package catalog

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

var firstStart = time.Date(2027, 2, 3, 4, 5, 6, 0, time.UTC)

func TestLoadIDsNewStore(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, want, fallback, auth string }{
		{name: "from BASE_URL", fallback: "127.0.0.1", auth: "127.0.0.1"},
		{name: "ID_AUTHORITY", want: "Feeds.Example.org", fallback: "127.0.0.1", auth: "feeds.example.org"},
		{name: "e-mail authority", want: "news@example.org", fallback: "x", auth: "news@example.org"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := memstore.New()
			got, err := LoadIDs(ctx, st, IDOptions{Want: tc.want, Fallback: tc.fallback, Now: firstStart})
			if err != nil {
				t.Fatal(err)
			}
			if want := (feedsvc.IDScheme{Authority: tc.auth, Date: "2027-02-03"}); got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
			// Later starts keep it, whatever BASE_URL and the clock say.
			again, err := LoadIDs(ctx, st, IDOptions{Fallback: "other.example.net", Now: firstStart.AddDate(1, 0, 0)})
			if err != nil || again != got {
				t.Errorf("second start: got %+v, %v; want %+v", again, err, got)
			}
		})
	}
}

// TestLoadIDsUpgrade: a store that has been publishing (it holds a
// catalog, or a source's fetch state) keeps the ids it published: the
// authority of the current BASE_URL and the old fixed date 2026.
func TestLoadIDsUpgrade(t *testing.T) {
	ctx := context.Background()
	withCatalog := memstore.New()
	if err := withCatalog.PutBlob(ctx, legacyKey, []byte(`{"sections":[],"sources":[]}`), 0); err != nil {
		t.Fatal(err)
	}
	withState := memstore.New()
	if err := withState.PutSourceState(ctx, feedsvc.SourceState{SourceID: "s1"}); err != nil {
		t.Fatal(err)
	}
	for name, st := range map[string]feedsvc.Store{"catalog": withCatalog, "source state": withState} {
		got, err := LoadIDs(ctx, st, IDOptions{Fallback: "news.example.org", Sources: []string{"s0", "s1"}, Now: firstStart})
		if err != nil {
			t.Fatal(err)
		}
		if want := (feedsvc.IDScheme{Authority: "news.example.org", Date: legacyIDDate}); got != want {
			t.Errorf("%s: got %+v, want %+v", name, got, want)
		}
	}
}

func TestLoadIDsSetOnce(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	if _, err := LoadIDs(ctx, st, IDOptions{Want: "a.example.org", Now: firstStart}); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadIDs(ctx, st, IDOptions{Want: "a.example.org", Now: firstStart}); err != nil {
		t.Errorf("same ID_AUTHORITY again: %v", err)
	}
	_, err := LoadIDs(ctx, st, IDOptions{Want: "b.example.org", Now: firstStart})
	if err == nil || !strings.Contains(err.Error(), "ID_AUTHORITY") || !strings.Contains(err.Error(), "a.example.org") {
		t.Errorf("another ID_AUTHORITY: got %v, want an error naming ID_AUTHORITY and the stored authority", err)
	}
	for _, bad := range []string{"has space", "a,b", "x:y", "-", "a@", "@b"} {
		if _, err := LoadIDs(ctx, memstore.New(), IDOptions{Want: bad, Now: firstStart}); err == nil {
			t.Errorf("ID_AUTHORITY %q accepted", bad)
		}
	}
}
