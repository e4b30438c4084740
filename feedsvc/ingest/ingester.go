package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// Ingester polls a source into the store.
type Ingester struct {
	Pipeline *Pipeline
	Store    feedsvc.Store
	Log      *slog.Logger
	// NearDupDistance is the largest SimHash distance at which two articles
	// from different sources are one story; < 0 disables near-dup matching.
	NearDupDistance int
	// OnChange is called with the sections whose articles changed.
	OnChange func(ctx context.Context, sections []string)
	// Observe, when set, is told the outcome of every poll (metrics).
	Observe func(source, outcome string, d time.Duration, written, dups int)
	// MaxInterval caps the wait between two polls (default 6h).
	MaxInterval time.Duration
	// Enrich, when set, completes new or changed articles before they are
	// stored (media types and lengths).
	Enrich func(ctx context.Context, arts []feedsvc.Article)
	// Admit, when set, skips articles retention would prune at once.
	Admit Admit
	// FulltextPages bounds the article pages one poll fetches for teaser
	// feed items (default DefaultFulltextPages).
	FulltextPages int
	// CPUTurns bounds the polls on the CPU at once (cpu.go); 0: GOMAXPROCS,
	// < 0: no bound.
	CPUTurns int

	cpuOnce sync.Once
	cpu     cpuGate

	undated undatedSeconds // first-seen seconds of undated articles
}

// PollResult summarises one poll for logs and health.
type PollResult struct {
	Status      int
	NotModified bool
	Items       int // articles the source yielded
	Changed     int // articles written (new or changed)
	Duplicates  int // merged into another source's article
	Deferred    int // new articles held back: the source's share of a first page is full
	Next        time.Time
}

// Poll fetches src once and stores what changed. On error the stored
// articles are untouched and the source state records the failure. The
// state's NextPoll says when the source is due again.
func (in *Ingester) Poll(ctx context.Context, src *feedsvc.Source) (PollResult, error) {
	start := time.Now()
	in.cpuOnce.Do(func() { in.cpu = newCPUGate(in.CPUTurns) })
	ctx, done, err := in.cpu.take(ctx)
	if err != nil {
		return PollResult{}, err
	}
	defer done()
	st, err := in.Store.SourceState(ctx, src.ID)
	if err != nil && !errors.Is(err, feedsvc.ErrNotFound) {
		return PollResult{}, fmt.Errorf("source state %s: %w", src.ID, err)
	}
	st.SourceID = src.ID
	st.LastAttempt = start.UTC()
	if st.URL != src.URL { // a source moved: the old URL's validators mean nothing
		st.ETag, st.LastModified, st.URL = "", "", src.URL
	}
	res, err := in.Pipeline.Collect(ctx, src, st, in.known)
	pr := PollResult{Status: res.Status, NotModified: res.NotModified, Items: len(res.Articles)}
	if err == nil {
		pr.Changed, pr.Duplicates, pr.Deferred, err = in.store(ctx, src, res.Kind, res.Articles)
	}
	st.LastStatus = res.Status
	if err != nil {
		assessFailure(&st, res.Status, err, start.UTC())
		in.log().Error("poll failed", "source_id", src.ID, "status", res.Status, "health", st.Health,
			"failures", st.Failures, "duration", time.Since(start), slogErr(err))
	} else {
		assessSuccess(&st, res.Articles, len(res.Articles)+res.Skipped, res.NotModified)
		st.LastSuccess = st.LastAttempt
		if !res.NotModified {
			st.ItemsLastPoll = len(res.Articles) + res.Skipped
			st.ETag, st.LastModified = res.ETag, res.LastMod
			if res.PageErrors > 0 || res.Truncated || pr.Deferred > 0 {
				// Article pages or deferred articles are missing: the next poll must read the
				// list again rather than get a 304 and never fetch them.
				st.ETag, st.LastModified = "", ""
			}
		}
		in.log().Info("poll", "source_id", src.ID, "status", res.Status, "not_modified", res.NotModified,
			"kind", res.Kind, "charset", res.Charset, "items", pr.Items, "changed", pr.Changed,
			"duplicates", pr.Duplicates, "deferred", pr.Deferred, "capped", res.Capped, "skipped", res.Skipped, "page_errors", res.PageErrors,
			"health", st.Health, "duration", time.Since(start))
	}
	delay := withLatency(pollDelay(src, &st, &res, start, in.MaxInterval), res.Latency, in.MaxInterval)
	st.NextPoll = start.Add(delay).UTC()
	pr.Next = st.NextPoll
	if in.Observe != nil {
		in.Observe(src.ID, outcome(err, res.NotModified), time.Since(start), pr.Changed, pr.Duplicates)
	}
	if perr := offCPUDo(ctx, func() error { return in.Store.PutSourceState(ctx, st) }); perr != nil && err == nil {
		err = fmt.Errorf("source state %s: %w", src.ID, perr)
	}
	if err == nil {
		err = in.fulltextAfter(ctx, src, &res, st)
	}
	return pr, err
}

func outcome(err error, notModified bool) string {
	switch {
	case err != nil:
		return "error"
	case notModified:
		return "not_modified"
	}
	return "ok"
}

// store merges arts with what is stored and writes what changed. Every
// article is src's version of a story: a story already stored (same ID,
// same canonical URL, or a near-identical text from another source) gets
// the version merged in (merge.go); a new story is stored as it is, within
// src's share of each section's first page.
func (in *Ingester) store(ctx context.Context, src *feedsvc.Source, kind string, arts []feedsvc.Article) (changed, dups, deferred int, err error) {
	if arts, err = in.admitted(ctx, src, arts); err != nil {
		return 0, 0, 0, err
	}
	if arts, err = in.dropTombstoned(ctx, src, arts); err != nil || len(arts) == 0 {
		return 0, 0, 0, err
	}
	byID, err := in.loadStored(ctx, arts)
	if err != nil {
		return 0, 0, 0, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	vk := versionKind(kind)
	var out, fresh []feedsvc.Article
	at := map[string]int{} // index in out by ID
	touched := map[string]bool{}
	recent := recentCache{}
	var lastUndated time.Time
	for i := range arts {
		a := &arts[i]
		prev := byID[a.ID]
		if prev == nil {
			if prev, err = in.findDuplicate(ctx, src, a, recent); err != nil {
				return 0, 0, 0, err
			}
		}
		if prev == nil {
			lastUndated = in.undated.inFeedOrder(a, lastUndated)
			fresh = append(fresh, newArticle(vk, a))
			continue
		}
		if otherSource(prev, src.ID) {
			dups++
		}
		merged, ok := upsert(prev, vk, a, now)
		if !ok {
			continue
		}
		markSections(touched, prev.Sections)
		markSections(touched, merged.Sections)
		byID[merged.ID] = &merged
		if j, seen := at[merged.ID]; seen {
			out[j] = merged
			continue
		}
		at[merged.ID] = len(out)
		out = append(out, merged)
	}
	fresh, deferred, err = in.firstPageShare(ctx, src, fresh, recent)
	if err != nil {
		return 0, dups, deferred, err
	}
	for i := range fresh {
		markSections(touched, fresh[i].Sections)
	}
	out = append(out, fresh...)
	if len(out) == 0 {
		return 0, dups, deferred, nil
	}
	if in.Enrich != nil && !offline(src) {
		_ = offCPUDo(ctx, func() error { in.Enrich(ctx, out); return nil })
	}
	if err := offCPUDo(ctx, func() error { return in.Store.PutArticles(ctx, out) }); err != nil {
		return 0, dups, deferred, fmt.Errorf("store articles: %w", err)
	}
	if err := in.retractTombstoned(ctx, out); err != nil {
		return 0, dups, deferred, fmt.Errorf("store articles: %w", err)
	}
	if in.OnChange != nil {
		in.OnChange(ctx, keys(touched))
	}
	return len(out), dups, deferred, nil
}

// loadStored reads the stored articles with the IDs of arts.
func (in *Ingester) loadStored(ctx context.Context, arts []feedsvc.Article) (map[string]*feedsvc.Article, error) {
	ids := make([]string, len(arts))
	for i := range arts {
		ids[i] = arts[i].ID
	}
	old, err := in.Store.Articles(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load stored articles: %w", err)
	}
	byID := make(map[string]*feedsvc.Article, len(old))
	for i := range old {
		byID[old[i].ID] = &old[i]
	}
	return byID, nil
}

// known is the Known hook for HTML sources: an article page is skipped
// when src's copy of it is stored and the list date did not change.
func (in *Ingester) known(ctx context.Context, src *feedsvc.Source, it feedsvc.ListItem) bool {
	id, err := in.Store.LookupURL(ctx, normalize.CanonicalURL(it.URL))
	if err != nil {
		return false
	}
	arts, err := in.Store.Articles(ctx, []string{id})
	if err != nil || len(arts) == 0 || !hasVersion(&arts[0], src.ID) {
		return false // not stored, or only another source's copy
	}
	if it.DateRaw == "" {
		return true
	}
	t, ok := normalize.ParseDate(it.DateRaw, src.Loc(), time.Now())
	return !ok || t.Equal(arts[0].Published) || sameDayOnly(t, arts[0].Published, src.Loc())
}

// sameDayOnly reports whether a list date without a time of day (local
// midnight) names the day of a stored time: list pages often show only
// the date, article pages the minute.
func sameDayOnly(list, stored time.Time, loc *time.Location) bool {
	l, s := list.In(loc), stored.In(loc)
	return l.Hour() == 0 && l.Minute() == 0 && l.Second() == 0 &&
		l.Year() == s.Year() && l.YearDay() == s.YearDay()
}

func (in *Ingester) log() *slog.Logger {
	if in.Log != nil {
		return in.Log
	}
	return slog.Default()
}

func slogErr(err error) slog.Attr { return slog.Any("error", err) }

func markSections(m map[string]bool, secs []string) {
	for _, s := range secs {
		m[s] = true
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// offline reports a source read from a local file (file: URL): a demo, a
// test fixture or an air-gapped import. Ingest fetches nothing on its
// behalf — no media probes, no full-text pages — so such a source never
// makes a network request.
func offline(src *feedsvc.Source) bool {
	return len(src.URL) >= 5 && strings.EqualFold(src.URL[:5], "file:")
}
