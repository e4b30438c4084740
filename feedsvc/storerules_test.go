package feedsvc

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestStoredArticle(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 3, 1, 12, 0, 0, 5, shanghai)
	earlier := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	a := Article{ID: "a", Published: time.Date(2026, 2, 3, 4, 5, 6, 789, shanghai), PublishedRaw: "x", UpdatedRaw: "y", BaseURL: "z"}
	for _, tt := range []struct {
		name                string
		own, stored, wantFS time.Time
	}{
		{"new, none of its own", time.Time{}, time.Time{}, now.UTC()},
		{"new, its own", earlier, time.Time{}, earlier},
		{"stored earlier wins", now, earlier, earlier},
		{"own earlier wins", earlier, now, earlier},
		{"stored kept when own unset", time.Time{}, earlier, earlier},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := a
			in.FirstSeen = tt.own
			got := StoredArticle(in, tt.stored, now)
			if !got.FirstSeen.Equal(tt.wantFS) || got.FirstSeen.Location() != time.UTC {
				t.Errorf("FirstSeen %v, want %v in UTC", got.FirstSeen, tt.wantFS)
			}
			if want := time.Date(2026, 2, 2, 20, 5, 6, 0, time.UTC); got.Published != want {
				t.Errorf("Published %v, want %v (UTC, whole seconds)", got.Published, want)
			}
			if got.PublishedRaw != "" || got.UpdatedRaw != "" || got.BaseURL != "" {
				t.Errorf("producer fields kept: %q %q %q", got.PublishedRaw, got.UpdatedRaw, got.BaseURL)
			}
		})
	}
}

func TestSectionRules(t *testing.T) {
	if got := SectionSet([]string{"a", "", "b", "a"}); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("SectionSet: got %q", got)
	}
	orig := []string{"a", "b", "a"}
	a := Article{Sections: orig}
	if !LeaveSection(&a, "a") || !slices.Equal(a.Sections, []string{"b"}) || !slices.Equal(orig, []string{"a", "b", "a"}) {
		t.Errorf("leaving a: kept %q (original %q)", a.Sections, orig)
	}
	if LeaveSection(&a, "b") || len(a.Sections) != 0 {
		t.Errorf("leaving the last section: kept %q", a.Sections)
	}
	if got := (Query{}).PageLimit(); got != defaultPageLimit {
		t.Errorf("PageLimit of a zero query: %d", got)
	}
}

func TestStoreChecks(t *testing.T) {
	if err := CheckPut([]Article{{ID: "a"}, {URL: "u"}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("CheckPut: %v", err)
	}
	if err := CheckLease("n", "o", 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("CheckLease: %v", err)
	}
	if _, err := EncodeState(SourceState{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("EncodeState without id: %v", err)
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600))
	b, err := EncodeState(SourceState{SourceID: "s", LastAttempt: at, NextPoll: at})
	if err != nil {
		t.Fatal(err)
	}
	st, err := DecodeState(b)
	if err != nil || !st.LastAttempt.Equal(at) || st.LastAttempt.Location() != time.UTC || st.NextPoll.Location() != time.UTC {
		t.Errorf("state round trip: %+v %v", st, err)
	}
}
