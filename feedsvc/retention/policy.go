package retention

import (
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Policy bounds one section: articles whose sort time is older than
// MaxAge, and those beyond the MaxItems newest, go. A zero field is no
// bound.
type Policy struct {
	MaxAge   time.Duration
	MaxItems int
}

// RedisDefault is the policy of a section that sets none on Redis, where
// memory is the limit: 90 days, at most 10,000 articles.
var RedisDefault = Policy{MaxAge: 90 * 24 * time.Hour, MaxItems: 10_000}

// bounded reports whether p removes anything at all.
func (p Policy) bounded() bool { return p.MaxAge > 0 || p.MaxItems > 0 }

// Defaults returns the store-wide policy: base (RedisDefault on Redis, the
// zero Policy, keep everything, on the embedded stores) overridden by
// RETAIN (age; forever: no bound) and RETAIN_ITEMS (count; -1: no bound)
// when set.
func Defaults(base Policy, age feedsvc.Age, items int) Policy {
	return Policy{MaxAge: ageOr(age, base.MaxAge), MaxItems: itemsOr(items, base.MaxItems)}
}

// For returns the policy of sec: its own retain and retain_items where
// set, def's elsewhere.
func For(sec feedsvc.Section, def Policy) Policy {
	return Policy{MaxAge: ageOr(sec.Retain, def.MaxAge), MaxItems: itemsOr(sec.RetainItems, def.MaxItems)}
}

func ageOr(a feedsvc.Age, def time.Duration) time.Duration {
	switch {
	case a == feedsvc.Forever:
		return 0
	case a > 0:
		return time.Duration(a)
	}
	return def
}

func itemsOr(n, def int) int {
	switch {
	case n < 0:
		return 0
	case n > 0:
		return n
	}
	return def
}

// plan returns the ids to remove from a section under p at now, given its
// oldest index entries (oldest first, as SectionOldest returns them) and
// its size: the leading entries that are beyond the MaxItems newest or
// older than MaxAge. It stops at the first entry p keeps, so what stays is
// always the section's newest contiguous run.
func plan(oldest []feedsvc.Cursor, total int, p Policy, now time.Time) []string {
	var out []string
	for i, c := range oldest {
		if !p.drops(c, i, total, now) {
			break
		}
		out = append(out, c.ID)
	}
	return out
}

// dropsNew reports whether p would remove at once an article with sort time t
// that joins a section holding total entries, the oldest of them oldest
// (zero when empty): it is older than MaxAge, or the section is full
// (MaxItems) and t is older than every article it keeps. Ingest skips such
// an article rather than store it for the next tick to prune.
func (p Policy) dropsNew(t time.Time, oldest feedsvc.Cursor, total int, now time.Time) bool {
	c := feedsvc.Cursor{Millis: t.UnixMilli()}
	pos := total // not known to be among the count excess: only age counts
	if total == 0 || c.Millis < oldest.Millis {
		pos = 0 // the new oldest entry of total+1
	}
	return p.drops(c, pos, total+1, now)
}

// drops is the rule: the entry at position pos (oldest first) of a section
// holding total entries goes when it is beyond the MaxItems newest or older
// than MaxAge.
func (p Policy) drops(c feedsvc.Cursor, pos, total int, now time.Time) bool {
	return p.MaxItems > 0 && pos < total-p.MaxItems ||
		p.MaxAge > 0 && c.Millis < now.Add(-p.MaxAge).UnixMilli()
}
