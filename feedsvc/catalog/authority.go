package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Store keys of the public id scheme, kept beside the catalog.
const (
	idsKey  = "cfg:ids"
	idsLock = "cfg:ids-write"
)

// legacyIDDate is the date of every id published before the scheme was
// stored; an upgraded store keeps it.
const legacyIDDate = "2026"

// IDOptions says how to record the id scheme at a store's first start.
type IDOptions struct {
	Want     string    // ID_AUTHORITY; "" when not set
	Fallback string    // the authority BASE_URL yields (render.AuthorityOf)
	Sources  []string  // source ids whose stored fetch state marks a used store
	Now      time.Time // the first start's date becomes the tag: date
}

// authorityRE is a tag: authority (RFC 4151): a DNS name or an e-mail
// address, lower case.
var authorityRE = regexp.MustCompile(`^([a-z0-9._+-]+@)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$`)

// LoadIDs returns the store's id scheme, recording it at the first start:
// the authority is o.Want, else o.Fallback; the date is the day of o.Now,
// or legacyIDDate when the store already holds a catalog or a source's
// fetch state (it has been publishing ids made from BASE_URL and 2026).
// Once recorded it never changes: a different o.Want is an error.
func LoadIDs(ctx context.Context, st feedsvc.Store, o IDOptions) (feedsvc.IDScheme, error) {
	want := strings.ToLower(strings.TrimSpace(o.Want))
	if want != "" && !authorityRE.MatchString(want) {
		return feedsvc.IDScheme{}, fmt.Errorf("ID_AUTHORITY %q: want a DNS name or an e-mail address", o.Want)
	}
	owner := strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := lockIDs(ctx, st, owner); err != nil {
		return feedsvc.IDScheme{}, err
	}
	defer st.Unlock(context.WithoutCancel(ctx), idsLock, owner)
	ids, err := storedIDs(ctx, st)
	if errors.Is(err, feedsvc.ErrNotFound) {
		return recordIDs(ctx, st, o, want)
	}
	if err != nil {
		return ids, err
	}
	if want != "" && want != ids.Authority {
		return ids, fmt.Errorf("ID_AUTHORITY %q: this store publishes ids under %q since its first start; ids never change, so unset ID_AUTHORITY or set it to %q", o.Want, ids.Authority, ids.Authority)
	}
	return ids, nil
}

// lockIDs takes the write lease, waiting while another replica records.
func lockIDs(ctx context.Context, st feedsvc.Store, owner string) error {
	for range 300 {
		ok, err := st.TryLock(ctx, idsLock, owner, 30*time.Second)
		if err != nil {
			return fmt.Errorf("id scheme: %w", err)
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return errors.New("id scheme: another replica holds the write lease")
}

func storedIDs(ctx context.Context, st feedsvc.Store) (feedsvc.IDScheme, error) {
	var ids feedsvc.IDScheme
	b, err := st.Blob(ctx, idsKey)
	if err != nil {
		return ids, err
	}
	if err := json.Unmarshal(b, &ids); err != nil || ids.Authority == "" || ids.Date == "" {
		return ids, fmt.Errorf("id scheme: stored %s %q is damaged: %v", idsKey, b, err)
	}
	return ids, nil
}

func recordIDs(ctx context.Context, st feedsvc.Store, o IDOptions, want string) (feedsvc.IDScheme, error) {
	used, err := usedStore(ctx, st, o.Sources)
	if err != nil {
		return feedsvc.IDScheme{}, err
	}
	ids := feedsvc.IDScheme{Authority: want, Date: o.Now.UTC().Format("2006-01-02")}
	if ids.Authority == "" {
		ids.Authority = o.Fallback
	}
	if used {
		ids.Date = legacyIDDate
	}
	if ids.Authority == "" { // the fallback is taken as is: ids already published with it
		return ids, errors.New("id scheme: BASE_URL has no host to name ids by; set ID_AUTHORITY")
	}
	b, _ := json.Marshal(ids)
	if err := st.PutBlob(ctx, idsKey, b, 0); err != nil {
		return ids, fmt.Errorf("id scheme: %w", err)
	}
	return ids, nil
}

// usedStore reports whether st has been publishing: it holds a catalog or
// the fetch state of one of sources.
func usedStore(ctx context.Context, st feedsvc.Store, sources []string) (bool, error) {
	for _, key := range []string{legacyKey, versionKey} { // a catalog, as before or after per-entity storage
		if _, err := st.Blob(ctx, key); err == nil {
			return true, nil
		} else if !errors.Is(err, feedsvc.ErrNotFound) {
			return false, fmt.Errorf("id scheme: %w", err)
		}
	}
	for _, id := range sources {
		if _, err := st.SourceState(ctx, id); err == nil {
			return true, nil
		} else if !errors.Is(err, feedsvc.ErrNotFound) {
			return false, fmt.Errorf("id scheme: %w", err)
		}
	}
	return false, nil
}
