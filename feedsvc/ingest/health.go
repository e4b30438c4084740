package ingest

import (
	"fmt"
	"net/http"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// goneAfter is how long a source must answer 404/410 before it is
// reported as gone rather than failing.
const goneAfter = 24 * time.Hour

// assessFailure updates st after a failed poll.
func assessFailure(st *feedsvc.SourceState, status int, err error, now time.Time) {
	st.Failures++
	st.LastError = err.Error()
	if st.FailingSince.IsZero() {
		st.FailingSince = now
	}
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		st.Health = feedsvc.HealthBlocked
	case (status == http.StatusNotFound || status == http.StatusGone) && now.Sub(st.FailingSince) >= goneAfter:
		st.Health = feedsvc.HealthGone
	default:
		st.Health = feedsvc.HealthFailing
	}
}

// assessSuccess updates st after a successful poll that yielded arts
// (seen counts HTML list items skipped as already stored).
func assessSuccess(st *feedsvc.SourceState, arts []feedsvc.Article, seen int, notModified bool) {
	st.Failures, st.LastError, st.FailingSince = 0, "", time.Time{}
	st.Health = feedsvc.HealthOK
	if notModified {
		if len(st.Alarms) > 0 {
			st.Health = feedsvc.HealthDrift
		}
		return
	}
	for i := range arts {
		if t := arts[i].Published; !t.IsZero() && t.After(st.NewestItem) {
			st.NewestItem = t
		}
	}
	st.Alarms = driftAlarms(st, arts, seen)
	if len(st.Alarms) > 0 {
		st.Health = feedsvc.HealthDrift
	}
	st.PeakItems = max(st.PeakItems, seen)
}

// driftAlarms flags a source that used to yield items and now yields none,
// or whose articles mostly lack a title, a date or a body while earlier
// polls had them.
func driftAlarms(st *feedsvc.SourceState, arts []feedsvc.Article, seen int) []string {
	var alarms []string
	if seen == 0 && st.PeakItems >= 3 {
		alarms = append(alarms, fmt.Sprintf("no items (earlier polls yielded up to %d)", st.PeakItems))
	}
	if len(arts) < 3 {
		return alarms
	}
	checks := []struct {
		name    string
		missing func(a *feedsvc.Article) bool
	}{
		{"title", func(a *feedsvc.Article) bool { return a.Title == "" }},
		{"date", func(a *feedsvc.Article) bool { return a.Published.IsZero() }},
		{"body", func(a *feedsvc.Article) bool { return a.BodyText == "" && a.Summary == "" }},
	}
	if st.PeakCoverage == nil {
		st.PeakCoverage = map[string]int{}
	}
	for _, c := range checks {
		have := 0
		for i := range arts {
			if !c.missing(&arts[i]) {
				have++
			}
		}
		pct := have * 100 / len(arts)
		if peak := st.PeakCoverage[c.name]; peak-pct >= 50 {
			alarms = append(alarms, fmt.Sprintf("%d of %d articles lack a %s (earlier polls: %d%% had one)", len(arts)-have, len(arts), c.name, peak))
		}
		st.PeakCoverage[c.name] = max(st.PeakCoverage[c.name], pct)
	}
	return alarms
}
