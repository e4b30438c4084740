package retention

import (
	"slices"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// entries returns n cursors, oldest first, one a day, ending a day
// before now: "e00" is n days old.
func entries(n int) []feedsvc.Cursor {
	out := make([]feedsvc.Cursor, n)
	for i := range out {
		out[i] = feedsvc.Cursor{Millis: now.AddDate(0, 0, i-n).UnixMilli(), ID: name(i)}
	}
	return out
}

func name(i int) string { return "e" + string(rune('0'+i/10)) + string(rune('0'+i%10)) }

func names(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, name(i))
	}
	return out
}

func TestPlan(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name   string
		oldest []feedsvc.Cursor
		total  int
		p      Policy
		want   []string
	}{
		{"unbounded", entries(10), 10, Policy{}, nil},
		{"age", entries(10), 10, Policy{MaxAge: 7 * day}, names(0, 3)},
		{"age exactly at the cutoff stays", entries(10), 10, Policy{MaxAge: 10 * day}, nil},
		{"count", entries(10), 10, Policy{MaxItems: 4}, names(0, 6)},
		{"count under the bound", entries(10), 10, Policy{MaxItems: 40}, nil},
		{"both, age stricter", entries(10), 10, Policy{MaxAge: 3 * day, MaxItems: 8}, names(0, 7)},
		{"both, count stricter", entries(10), 10, Policy{MaxAge: 9 * day, MaxItems: 5}, names(0, 5)},
		{"batch: only the entries read", entries(4), 10, Policy{MaxItems: 2}, names(0, 4)},
		{"batch: count excess beyond the entries read", entries(3), 1000, Policy{MaxAge: 365 * day, MaxItems: 500}, names(0, 3)},
		{"empty section", nil, 0, Policy{MaxAge: day, MaxItems: 1}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := plan(tc.oldest, tc.total, tc.p, now); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPlanStopsAtFirstKept: an entry the age bound keeps ends the plan
// even if a later one (same millisecond tie order aside) looks older, so
// what stays is contiguous.
func TestPlanStopsAtFirstKept(t *testing.T) {
	es := entries(5)
	es[3].Millis = es[0].Millis // out of order: never happens in a store
	if got := plan(es, 5, Policy{MaxAge: 3*24*time.Hour + time.Hour}, now); !slices.Equal(got, names(0, 2)) {
		t.Errorf("got %q, want %q", got, names(0, 2))
	}
}

func TestForAndDefaults(t *testing.T) {
	day := 24 * time.Hour
	def := Defaults(RedisDefault, 0, 0)
	if def != RedisDefault {
		t.Errorf("Redis, nothing set: got %+v, want %+v", def, RedisDefault)
	}
	if got := Defaults(Policy{}, 0, 0); got.bounded() {
		t.Errorf("embedded store, nothing set: got %+v, want no bound", got)
	}
	if got, want := Defaults(RedisDefault, feedsvc.Forever, -1), (Policy{}); got != want {
		t.Errorf("RETAIN=forever RETAIN_ITEMS=-1 on Redis: got %+v, want %+v", got, want)
	}
	if got, want := Defaults(Policy{}, feedsvc.Age(30*day), 0), (Policy{MaxAge: 30 * day}); got != want {
		t.Errorf("RETAIN=30d: got %+v, want %+v", got, want)
	}
	tests := []struct {
		name string
		sec  feedsvc.Section
		want Policy
	}{
		{"inherits", feedsvc.Section{}, RedisDefault},
		{"own age", feedsvc.Section{Retain: feedsvc.Age(7 * day)}, Policy{MaxAge: 7 * day, MaxItems: RedisDefault.MaxItems}},
		{"own count", feedsvc.Section{RetainItems: 50}, Policy{MaxAge: RedisDefault.MaxAge, MaxItems: 50}},
		{"forever, no count bound", feedsvc.Section{Retain: feedsvc.Forever, RetainItems: -1}, Policy{}},
	}
	for _, tc := range tests {
		if got := For(tc.sec, RedisDefault); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestDrops: an article joining a section goes at once when it is older
// than the age bound, or older than every kept article of a full section;
// an article newer than the oldest kept one is never taken for count
// excess (what it would displace is not known from one entry).
func TestDrops(t *testing.T) {
	day := 24 * time.Hour
	oldest := feedsvc.Cursor{Millis: now.Add(-10 * day).UnixMilli(), ID: "o"}
	tests := []struct {
		name   string
		t      time.Time
		oldest feedsvc.Cursor
		total  int
		p      Policy
		want   bool
	}{
		{"unbounded", now.AddDate(-3, 0, 0), oldest, 5, Policy{}, false},
		{"older than the age bound", now.Add(-91 * day), oldest, 5, Policy{MaxAge: 90 * day}, true},
		{"inside the age bound", now.Add(-89 * day), oldest, 5, Policy{MaxAge: 90 * day}, false},
		{"empty section, age bound", now.Add(-91 * day), feedsvc.Cursor{}, 0, Policy{MaxAge: 90 * day}, true},
		{"empty section, count bound", now.Add(-91 * day), feedsvc.Cursor{}, 0, Policy{MaxItems: 1}, false},
		{"full, older than the oldest", now.Add(-11 * day), oldest, 5, Policy{MaxItems: 5}, true},
		{"full, newer than the oldest", now.Add(-9 * day), oldest, 5, Policy{MaxItems: 5}, false},
		{"full, as old as the oldest", now.Add(-10 * day), oldest, 5, Policy{MaxItems: 5}, false},
		{"room left, older than the oldest", now.Add(-11 * day), oldest, 4, Policy{MaxItems: 5}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.dropsNew(tc.t, tc.oldest, tc.total, now); got != tc.want {
				t.Errorf("dropsNew = %v, want %v", got, tc.want)
			}
		})
	}
}
