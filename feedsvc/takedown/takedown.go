package takedown

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// lockName is the lease that serializes writes of the tombstone list
// across replicas.
const lockName = "takedown:write"

// Service takes articles down and lifts tombstones.
type Service struct {
	Store feedsvc.Store
	// Canonical maps a URL to the form articles are stored under
	// (normalize.CanonicalURL); nil: URLs are looked up as given.
	Canonical func(string) string
	// OnChange is told the sections a takedown changed (render cache).
	OnChange func(ctx context.Context, slugs []string)
	// Refresh polls a source soon (after a lift); may be nil.
	Refresh func(sourceID string)
	// Count, when set, counts each action ("delete", "lift").
	Count func(action string)
	Log   *slog.Logger
	Now   func() time.Time
}

// Find returns the stored article id, feedsvc.ErrGone (wrapped) when it is
// tombstoned, or feedsvc.ErrNotFound.
func (s *Service) Find(ctx context.Context, id string) (feedsvc.Article, error) {
	arts, err := s.Store.Articles(ctx, []string{id})
	if err != nil {
		return feedsvc.Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	if len(arts) == 1 {
		return arts[0], nil
	}
	ts, err := feedsvc.LoadTombstones(ctx, s.Store)
	if err != nil {
		return feedsvc.Article{}, err
	}
	if slices.ContainsFunc(ts, func(t feedsvc.Tombstone) bool { return t.ID == id }) {
		return feedsvc.Article{}, fmt.Errorf("article %s: %w", id, feedsvc.ErrGone)
	}
	return feedsvc.Article{}, fmt.Errorf("article %s: %w", id, feedsvc.ErrNotFound)
}

// FindURL returns the article stored under url (as given or canonical).
func (s *Service) FindURL(ctx context.Context, url string) (feedsvc.Article, error) {
	id, err := s.Store.LookupURL(ctx, url)
	if errors.Is(err, feedsvc.ErrNotFound) && s.Canonical != nil {
		id, err = s.Store.LookupURL(ctx, s.Canonical(url))
	}
	if err != nil {
		return feedsvc.Article{}, fmt.Errorf("url %s: %w", url, err)
	}
	return s.Find(ctx, id)
}

// List returns the tombstones, oldest first.
func (s *Service) List(ctx context.Context) (feedsvc.Tombstones, error) {
	return feedsvc.LoadTombstones(ctx, s.Store)
}

// Delete takes article id down: tombstone first (so a poll storing it
// meanwhile retracts it), then out of every section. Deleting an article
// already taken down returns its tombstone.
func (s *Service) Delete(ctx context.Context, id string) (feedsvc.Tombstone, error) {
	a, err := s.Find(ctx, id)
	if errors.Is(err, feedsvc.ErrGone) {
		return s.tombstone(ctx, id)
	}
	if err != nil {
		return feedsvc.Tombstone{}, err
	}
	t := feedsvc.Tombstone{ID: a.ID, URL: a.URL, Title: a.Title, Sections: slices.Clone(a.Sections), Deleted: s.now()}
	t.Sources = sourcesOf(&a)
	err = s.edit(ctx, func(ts feedsvc.Tombstones) (feedsvc.Tombstones, error) {
		return append(slices.DeleteFunc(ts, func(x feedsvc.Tombstone) bool { return x.ID == id }), t), nil
	})
	if err != nil {
		return t, err
	}
	for _, slug := range a.Sections {
		if err := s.Store.RemoveFromSection(ctx, slug, []string{a.ID}); err != nil {
			return t, fmt.Errorf("takedown %s: section %s: %w", id, slug, err)
		}
	}
	if s.OnChange != nil {
		s.OnChange(ctx, a.Sections)
	}
	s.count("delete")
	s.log().Warn("article taken down", "article_id", id, "url", a.URL, "sections", a.Sections, "sources", t.Sources)
	return t, nil
}

// Lift removes the tombstone of id and has its sources fetch afresh (their
// validators are cleared, so an unchanged feed is read again).
func (s *Service) Lift(ctx context.Context, id string) (feedsvc.Tombstone, error) {
	var lifted feedsvc.Tombstone
	err := s.edit(ctx, func(ts feedsvc.Tombstones) (feedsvc.Tombstones, error) {
		i := slices.IndexFunc(ts, func(x feedsvc.Tombstone) bool { return x.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("tombstone %s: %w", id, feedsvc.ErrNotFound)
		}
		lifted = ts[i]
		return slices.Delete(ts, i, i+1), nil
	})
	if err != nil {
		return lifted, err
	}
	for _, src := range lifted.Sources {
		if err := s.refetch(ctx, src); err != nil {
			return lifted, err
		}
	}
	s.count("lift")
	s.log().Warn("takedown lifted", "article_id", id, "url", lifted.URL, "sources", lifted.Sources)
	return lifted, nil
}

func (s *Service) tombstone(ctx context.Context, id string) (feedsvc.Tombstone, error) {
	ts, err := s.List(ctx)
	if err != nil {
		return feedsvc.Tombstone{}, err
	}
	for _, t := range ts {
		if t.ID == id {
			return t, nil
		}
	}
	return feedsvc.Tombstone{}, fmt.Errorf("tombstone %s: %w", id, feedsvc.ErrNotFound)
}

// refetch clears a source's validators and asks for a poll soon.
func (s *Service) refetch(ctx context.Context, sourceID string) error {
	st, err := s.Store.SourceState(ctx, sourceID)
	if err == nil {
		st.ETag, st.LastModified, st.NextPoll = "", "", time.Time{}
		err = s.Store.PutSourceState(ctx, st)
	}
	if err != nil && !errors.Is(err, feedsvc.ErrNotFound) {
		return fmt.Errorf("lift: source %s: %w", sourceID, err)
	}
	if s.Refresh != nil {
		s.Refresh(sourceID)
	}
	return nil
}

// edit rewrites the tombstone list under the write lease.
func (s *Service) edit(ctx context.Context, fn func(feedsvc.Tombstones) (feedsvc.Tombstones, error)) error {
	owner := strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := s.lock(ctx, owner); err != nil {
		return err
	}
	defer s.Store.Unlock(context.WithoutCancel(ctx), lockName, owner)
	ts, err := feedsvc.LoadTombstones(ctx, s.Store)
	if err != nil {
		return err
	}
	if ts, err = fn(ts); err != nil {
		return err
	}
	b, err := json.Marshal(ts)
	if err != nil {
		return fmt.Errorf("tombstones: %w", err)
	}
	if err := s.Store.PutBlob(ctx, feedsvc.TombstonesKey, b, 0); err != nil {
		return fmt.Errorf("tombstones: %w", err)
	}
	return nil
}

func (s *Service) lock(ctx context.Context, owner string) error {
	for range 100 {
		ok, err := s.Store.TryLock(ctx, lockName, owner, 10*time.Second)
		if err != nil {
			return fmt.Errorf("tombstones: lock: %w", err)
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return fmt.Errorf("tombstones: lock: %w", feedsvc.ErrUnavailable)
}

func sourcesOf(a *feedsvc.Article) []string {
	var out []string
	if a.SourceID != "" {
		out = append(out, a.SourceID)
	}
	for _, r := range a.AlsoIn {
		if !slices.Contains(out, r.SourceID) {
			out = append(out, r.SourceID)
		}
	}
	return out
}

func (s *Service) count(action string) {
	if s.Count != nil {
		s.Count(action)
	}
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}
