package feedsvc

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// The data rules of the Store contract, written once: every Store calls
// these, so the stores differ only in how they keep the data.

// defaultPageLimit is the page size of a Query with Limit <= 0.
const defaultPageLimit = 50

// PageLimit returns q.Limit, or defaultPageLimit when it is <= 0.
func (q Query) PageLimit() int {
	if q.Limit <= 0 {
		return defaultPageLimit
	}
	return q.Limit
}

// CheckPut checks a PutArticles batch before anything is written: an
// article without ID is ErrInvalid (wrapped, naming it), so a bad batch
// leaves the store unchanged.
func CheckPut(arts []Article) error {
	for i := range arts {
		if arts[i].ID == "" {
			return fmt.Errorf("put article %d (%s): missing ID: %w", i, arts[i].URL, ErrInvalid)
		}
	}
	return nil
}

// StoredArticle returns a in the form every Store keeps it: times in
// UTC; Published and Updated at the second precision of the stored record
// (so an index key made from CursorOf matches the article read back);
// producer-only fields (raw dates, base URL) dropped; FirstSeen the
// earliest time the article was seen: firstSeen (what the store holds,
// zero for a new article) when a's is later or unset, and now for a new
// article that carries none. a's slices are shared, not copied.
func StoredArticle(a Article, firstSeen, now time.Time) Article {
	a.PublishedRaw, a.UpdatedRaw, a.BaseURL = "", "", ""
	a.Published = a.Published.UTC().Truncate(time.Second)
	a.Updated = a.Updated.UTC().Truncate(time.Second)
	a.FirstSeen = a.FirstSeen.UTC()
	if !firstSeen.IsZero() && (a.FirstSeen.IsZero() || firstSeen.Before(a.FirstSeen)) {
		a.FirstSeen = firstSeen.UTC()
	}
	if a.FirstSeen.IsZero() {
		a.FirstSeen = now.UTC()
	}
	return a
}

// SectionSet returns the distinct non-empty slugs of sections, in order:
// the section indexes an article is in.
func SectionSet(sections []string) []string {
	out := make([]string, 0, len(sections))
	for _, s := range sections {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// LeaveSection takes slug out of a.Sections (a new slice; the old one is
// left alone) and reports whether a is still in a section. An article in
// none is deleted by RemoveFromSection.
func LeaveSection(a *Article, slug string) (kept bool) {
	a.Sections = slices.DeleteFunc(slices.Clone(a.Sections), func(x string) bool { return x == slug })
	return len(SectionSet(a.Sections)) > 0
}

// StoredState returns st in the form every Store keeps it, times in UTC;
// a state without SourceID is ErrInvalid.
func StoredState(st SourceState) (SourceState, error) {
	if st.SourceID == "" {
		return st, fmt.Errorf("put source state: missing source ID: %w", ErrInvalid)
	}
	return st.inUTC(), nil
}

// EncodeState returns the stored record of st (StoredState, as JSON).
func EncodeState(st SourceState) ([]byte, error) {
	st, err := StoredState(st)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("encode source state %s: %w", st.SourceID, err)
	}
	return b, nil
}

// DecodeState reads what EncodeState wrote, times in UTC.
func DecodeState(b []byte) (SourceState, error) {
	var st SourceState
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("decode source state: %w", err)
	}
	return st.inUTC(), nil
}

// inUTC returns st with its poll times in UTC.
func (st SourceState) inUTC() SourceState {
	st.LastAttempt, st.LastSuccess, st.NextPoll = st.LastAttempt.UTC(), st.LastSuccess.UTC(), st.NextPoll.UTC()
	return st
}

// CheckLease checks TryLock's arguments: a lease needs a name, an owner
// and a positive ttl, else ErrInvalid.
func CheckLease(name, owner string, ttl time.Duration) error {
	if name == "" || owner == "" || ttl <= 0 {
		return fmt.Errorf("lock %q for %q (ttl %v): %w", name, owner, ttl, ErrInvalid)
	}
	return nil
}
