package partner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Store blob keys and the write lease.
const (
	listKey   = "partners/list"
	usageKey  = "partners/usage/"
	writeLock = "partners/lock"
	lockTTL   = 5 * time.Second
)

// Registry is the live set of partners. Reads come from an in-process
// copy refreshed from the store at most every Refresh; writes take a
// store lease, so replicas on one store never lose each other's edits.
type Registry struct {
	Store feedsvc.Store
	Log   *slog.Logger
	// Refresh is how long the in-process copy is trusted (default 2s);
	// this replica's own writes show at once.
	Refresh time.Duration
	// Flush is how often usage counts go to the store (default 1m).
	Flush time.Duration
	// Owner names this replica in the write lease (default: random).
	Owner string

	mu      sync.Mutex
	loading bool // a reload is under way: others use the current copy
	list    []feedsvc.Partner
	byHash  map[string]int
	at      time.Time
	loaded  bool
	limits  limiters
	pending pending
}

// Lookup returns the partner whose key is key and whether there is one
// (disabled partners included: the caller says why it refuses).
func (g *Registry) Lookup(ctx context.Context, key string) (feedsvc.Partner, bool, error) {
	if err := g.fresh(ctx); err != nil {
		return feedsvc.Partner{}, false, err
	}
	h := hashKey(key)
	g.mu.Lock()
	defer g.mu.Unlock()
	i, ok := g.byHash[h]
	if !ok || !sameHash(g.list[i].KeyHash, h) {
		return feedsvc.Partner{}, false, nil
	}
	return g.list[i], true, nil
}

// List returns every partner, oldest first.
func (g *Registry) List(ctx context.Context) ([]feedsvc.Partner, error) {
	list, err := g.read(ctx)
	if err != nil {
		return nil, err
	}
	g.set(list)
	return list, nil
}

// Get returns one partner or feedsvc.ErrNotFound.
func (g *Registry) Get(ctx context.Context, id string) (feedsvc.Partner, error) {
	list, err := g.List(ctx)
	if err != nil {
		return feedsvc.Partner{}, err
	}
	for _, p := range list {
		if p.ID == id {
			return p, nil
		}
	}
	return feedsvc.Partner{}, fmt.Errorf("partner %s: %w", id, feedsvc.ErrNotFound)
}

// Create stores p under a new id and key and returns both; the key is
// never stored or shown again.
func (g *Registry) Create(ctx context.Context, p feedsvc.Partner) (feedsvc.Partner, string, error) {
	if err := validate(&p); err != nil {
		return p, "", err
	}
	key, hash := newKey()
	p.ID, p.KeyHash, p.Created = newID(), hash, time.Now().UTC().Truncate(time.Second)
	err := g.edit(ctx, func(list []feedsvc.Partner) ([]feedsvc.Partner, error) { return append(list, p), nil })
	return p, key, err
}

// Update replaces the partner id with the result of change (its id, key
// and creation time stay).
func (g *Registry) Update(ctx context.Context, id string, change func(*feedsvc.Partner)) (feedsvc.Partner, error) {
	var out feedsvc.Partner
	err := g.edit(ctx, func(list []feedsvc.Partner) ([]feedsvc.Partner, error) {
		i := slices.IndexFunc(list, func(p feedsvc.Partner) bool { return p.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("partner %s: %w", id, feedsvc.ErrNotFound)
		}
		p := list[i]
		change(&p)
		p.ID, p.KeyHash, p.Created = list[i].ID, list[i].KeyHash, list[i].Created
		if err := validate(&p); err != nil {
			return nil, err
		}
		list[i], out = p, p
		return list, nil
	})
	return out, err
}

// Delete removes a partner and its usage counts.
func (g *Registry) Delete(ctx context.Context, id string) error {
	err := g.edit(ctx, func(list []feedsvc.Partner) ([]feedsvc.Partner, error) {
		i := slices.IndexFunc(list, func(p feedsvc.Partner) bool { return p.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("partner %s: %w", id, feedsvc.ErrNotFound)
		}
		return slices.Delete(list, i, i+1), nil
	})
	if err != nil {
		return err
	}
	g.forget(id)
	return g.Store.DeleteBlobs(ctx, usageKey+id)
}

// validate checks the settable fields of p and fills defaults.
func validate(p *feedsvc.Partner) error {
	if p.Policy == "" {
		p.Policy = feedsvc.PolicyFull
	}
	switch {
	case p.Name == "" || len(p.Name) > 100:
		return invalid("name: want 1..100 bytes")
	case !p.Policy.Valid():
		return invalid(fmt.Sprintf("policy: %q is not full, summary or title_link", p.Policy))
	case p.ItemLimit < 0 || p.ItemLimit > 500:
		return invalid("item_limit: want 0..500 (0: the section's)")
	case p.RatePerMinute < 0 || p.RatePerMinute > 100000:
		return invalid("rate_per_minute: want 0..100000 (0: no limit)")
	}
	if p.Sections == nil {
		p.Sections = []string{}
	}
	return nil
}

// invalidError wraps every validation error (feedsvc.ErrInvalid).
type invalidError struct{ Msg string }

func (e *invalidError) Error() string { return e.Msg }
func (e *invalidError) Unwrap() error { return feedsvc.ErrInvalid }

func invalid(msg string) error { return &invalidError{Msg: msg} }

// edit applies f to the stored list under the write lease.
func (g *Registry) edit(ctx context.Context, f func([]feedsvc.Partner) ([]feedsvc.Partner, error)) error {
	if err := g.lock(ctx); err != nil {
		return err
	}
	defer func() { _ = g.Store.Unlock(context.WithoutCancel(ctx), writeLock, g.Owner) }()
	list, err := g.read(ctx)
	if err != nil {
		return err
	}
	if list, err = f(list); err != nil {
		return err
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	if err := g.Store.PutBlob(ctx, listKey, b, 0); err != nil {
		return fmt.Errorf("store partners: %w", err)
	}
	g.set(list)
	return nil
}

// lock takes the write lease, waiting up to twice its TTL.
func (g *Registry) lock(ctx context.Context) error {
	g.mu.Lock()
	if g.Owner == "" {
		g.Owner = newID()
	}
	g.mu.Unlock()
	for deadline := time.Now().Add(2 * lockTTL); ; {
		ok, err := g.Store.TryLock(ctx, writeLock, g.Owner, lockTTL)
		if err != nil {
			return fmt.Errorf("partners lock: %w", err)
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("partners lock: held by another writer")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// read loads the stored list (empty when none was stored).
func (g *Registry) read(ctx context.Context) ([]feedsvc.Partner, error) {
	b, err := g.Store.Blob(ctx, listKey)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return []feedsvc.Partner{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read partners: %w", err)
	}
	var list []feedsvc.Partner
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("read partners: %w", err)
	}
	return list, nil
}

// fresh reloads the in-process copy when it is older than Refresh; a
// failed reload keeps serving the copy it has.
func (g *Registry) fresh(ctx context.Context) error {
	refresh := g.Refresh
	if refresh <= 0 {
		refresh = 2 * time.Second
	}
	g.mu.Lock()
	ok := g.loaded && (time.Since(g.at) < refresh || g.loading)
	have := g.loaded
	if !ok {
		g.loading = true
	}
	g.mu.Unlock()
	if ok {
		return nil
	}
	defer func() { g.mu.Lock(); g.loading = false; g.mu.Unlock() }()
	list, err := g.read(ctx)
	if err != nil {
		if have {
			g.log().Warn("partners: reload failed, using the last copy", slog.Any("error", err))
			return nil
		}
		return err
	}
	g.set(list)
	return nil
}

func (g *Registry) set(list []feedsvc.Partner) {
	idx := make(map[string]int, len(list))
	for i, p := range list {
		idx[p.KeyHash] = i
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.list, g.byHash, g.at, g.loaded = slices.Clone(list), idx, time.Now(), true
}

func (g *Registry) log() *slog.Logger {
	if g.Log != nil {
		return g.Log
	}
	return slog.Default()
}
