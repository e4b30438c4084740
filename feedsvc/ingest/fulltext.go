package ingest

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// DefaultFulltextPages bounds the article pages one poll of a feed source
// fetches for full text; the rest wait for the next poll.
const DefaultFulltextPages = 10

// fulltextRetry is how long a failed article page waits before it is
// fetched again for an unchanged item.
const fulltextRetry = 6 * time.Hour

// wantsFulltext reports whether the feed item a should get its article
// page fetched under src's fulltext mode.
func wantsFulltext(src *feedsvc.Source, a *feedsvc.Article) bool {
	if a.URL == "" || reservedHost(a.URL) {
		return false
	}
	switch src.Fulltext {
	case feedsvc.FulltextNever:
		return false
	case feedsvc.FulltextAlways:
		return true
	}
	return utf8.RuneCountInString(a.BodyText) < feedsvc.FulltextThreshold
}

// itemKey is the fingerprint of a feed item's version: its page is fetched
// again only when the key changes.
func itemKey(a *feedsvc.Article) string {
	h := sha256.New()
	for _, s := range []string{a.URL, a.Title, a.ContentHTML, a.Summary, a.Updated.UTC().Format(time.RFC3339)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// fulltextAfter runs the full-text step once the poll and its source
// state are stored (the poll is visible without waiting for pages), and
// stores the state again if the step changed it. Teasers left for the
// next poll clear the feed's validators: the next poll must read the feed
// again rather than get a 304 and never fetch them.
func (in *Ingester) fulltextAfter(ctx context.Context, src *feedsvc.Source, res *Result, st feedsvc.SourceState) error {
	before := st.Fulltext
	if before != nil {
		c := *before
		before = &c
	}
	if in.fulltext(ctx, src, res, &st) > 0 {
		st.ETag, st.LastModified = "", ""
	} else if sameJSON(before, st.Fulltext) {
		return nil
	}
	if err := in.Store.PutSourceState(ctx, st); err != nil {
		return fmt.Errorf("source state %s: %w", src.ID, err)
	}
	return nil
}

// fulltext fetches the article pages of src's teaser feed items (stored
// by this poll) and merges each into its story as src's page version.
// Failures keep the teaser and are counted in st; they never fail the
// poll. It returns how many teasers wait for the next poll.
func (in *Ingester) fulltext(ctx context.Context, src *feedsvc.Source, res *Result, st *feedsvc.SourceState) int {
	if src.Fulltext == feedsvc.FulltextNever || offline(src) || res.Kind != feedsvc.KindFeed || len(res.Articles) == 0 {
		return 0
	}
	ft := st.Fulltext
	if ft == nil {
		ft = &feedsvc.FulltextState{}
	}
	ft.Pending = 0
	failed := map[string]feedsvc.FulltextFailure{}
	var out []feedsvc.Article
	fetched, teasers := 0, 0
	for i := range res.Articles {
		a := &res.Articles[i]
		if !wantsFulltext(src, a) {
			continue
		}
		teasers++
		key := itemKey(a)
		prev, err := in.storedStory(ctx, a)
		if err != nil || prev == nil || pageFor(prev, src.ID, key) {
			continue // not stored (deferred) or its page is merged for this item version
		}
		if f, ok := ft.Failed[a.ID]; ok && f.Key == key && time.Since(f.At) < fulltextRetry {
			failed[a.ID] = f
			continue
		}
		if fetched >= in.fulltextPages() {
			ft.Pending++
			continue
		}
		fetched++
		merged, changed, err := in.fetchPage(ctx, src, res, a, prev, key)
		if ctx.Err() != nil {
			break // the poll was cancelled: not the page's failure
		}
		if err != nil {
			ft.Failures++
			ft.LastError, ft.LastFailure = err.Error(), time.Now().UTC()
			failed[a.ID] = feedsvc.FulltextFailure{Key: key, At: ft.LastFailure}
			in.log().Warn("fulltext page failed", "source_id", src.ID, "url", a.URL, slogErr(err))
			continue
		}
		ft.Fetched++
		if changed {
			out = append(out, merged)
		}
	}
	ft.Failed = failed
	if teasers > 0 {
		ft.Checked = time.Now().UTC()
		st.Fulltext = ft
	}
	in.putPages(ctx, src, out)
	return ft.Pending
}

// storedStory is the stored story a feed item of this poll went into: by
// its ID, else by its URL (merged into another source's story).
func (in *Ingester) storedStory(ctx context.Context, a *feedsvc.Article) (*feedsvc.Article, error) {
	id := a.ID
	arts, err := in.Store.Articles(ctx, []string{id})
	if err == nil && len(arts) == 0 {
		if id, err = in.Store.LookupURL(ctx, a.URL); err == nil {
			arts, err = in.Store.Articles(ctx, []string{id})
		}
	}
	if errors.Is(err, feedsvc.ErrNotFound) || err == nil && len(arts) == 0 {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &arts[0], nil
}

// pageVersion returns src's page version of the story, or nil.
func pageVersion(a *feedsvc.Article, sourceID string) *feedsvc.Version {
	for i := range a.Versions {
		if v := &a.Versions[i]; v.Article.SourceID == sourceID && v.Kind == feedsvc.VersionPage {
			return v
		}
	}
	return nil
}

// pageFor reports whether src's page version of the story was fetched for
// the item version key.
func pageFor(a *feedsvc.Article, sourceID, key string) bool {
	v := pageVersion(a, sourceID)
	return v != nil && v.Fetched != nil && v.Fetched.Key == key
}

// fetchPage gets a's article page (conditionally, with the validators of
// the page fetched for the item's previous version), extracts it and
// merges it into prev as src's page version.
func (in *Ingester) fetchPage(ctx context.Context, src *feedsvc.Source, res *Result, a, prev *feedsvc.Article, key string) (feedsvc.Article, bool, error) {
	req := fetch.Request{URL: a.URL}
	if old := pageVersion(prev, src.ID); old != nil && old.Fetched != nil {
		req.ETag, req.LastModified = old.Fetched.ETag, old.Fetched.LastModified
	}
	resp, err := in.Pipeline.get(ctx, req)
	if err != nil {
		return feedsvc.Article{}, false, err // fetch names the URL
	}
	pf := &feedsvc.PageFetch{Key: key, ETag: resp.ETag, LastModified: resp.LastModified}
	out := *prev
	out.Versions = slices.Clone(prev.Versions)
	if !resp.NotModified {
		page, err := in.Pipeline.page(src, res, a, resp)
		if err != nil {
			return feedsvc.Article{}, false, err
		}
		out, _ = upsert(prev, feedsvc.VersionPage, &page, time.Now().UTC().Truncate(time.Second))
	}
	v := pageVersion(&out, src.ID)
	if v == nil { // a 304 for a page not stored, or a merge without it
		return feedsvc.Article{}, false, fmt.Errorf("fetch %s: no page to keep", a.URL)
	}
	if resp.NotModified && v.Fetched != nil {
		pf.ETag, pf.LastModified = cmp.Or(pf.ETag, v.Fetched.ETag), cmp.Or(pf.LastModified, v.Fetched.LastModified)
	}
	v.Fetched = pf
	return out, true, nil
}

// page extracts and normalizes a fetched article page as src's page copy
// of the feed item a.
func (p *Pipeline) page(src *feedsvc.Source, res *Result, a *feedsvc.Article, resp *fetch.Response) (feedsvc.Article, error) {
	body, _, err := resp.Text()
	if err != nil {
		return feedsvc.Article{}, fmt.Errorf("%s: %w", resp.URL, err)
	}
	x, err := extract.Article(body, resp.URL, src.Article)
	if err != nil {
		return feedsvc.Article{}, fmt.Errorf("extract %s: %w", resp.URL, err)
	}
	if x.Title == "" {
		x.Title = a.Title
	}
	if x.URL == "" {
		x.URL = a.URL
	}
	arts := normalize.Articles([]feedsvc.Article{x}, normalize.Options{
		Source: src, Language: p.language(src, res.Feed.Language), Now: p.now()})
	if len(arts) == 0 || arts[0].BodyText == "" {
		return feedsvc.Article{}, fmt.Errorf("extract %s: no article body", resp.URL)
	}
	return arts[0], nil
}

// putPages stores the stories that gained or changed a page version.
func (in *Ingester) putPages(ctx context.Context, src *feedsvc.Source, arts []feedsvc.Article) {
	if len(arts) == 0 {
		return
	}
	if in.Enrich != nil {
		in.Enrich(ctx, arts)
	}
	if err := in.Store.PutArticles(ctx, arts); err != nil {
		in.log().Error("fulltext store failed", "source_id", src.ID, slogErr(err))
		return
	}
	touched := map[string]bool{}
	for i := range arts {
		markSections(touched, arts[i].Sections)
	}
	if in.OnChange != nil {
		in.OnChange(ctx, keys(touched))
	}
}

func (in *Ingester) fulltextPages() int {
	if in.FulltextPages > 0 {
		return in.FulltextPages
	}
	return DefaultFulltextPages
}

// otherSource reports whether a story carries a version of a source other
// than sourceID (src's feed item and its page are one source).
func otherSource(a *feedsvc.Article, sourceID string) bool {
	if len(a.Versions) == 0 {
		return a.SourceID != sourceID
	}
	return slices.ContainsFunc(a.Versions, func(v feedsvc.Version) bool { return v.Article.SourceID != sourceID })
}

// reservedHost reports whether a link's host is under a top-level name
// reserved never to exist in the DNS (RFC 2606, RFC 6761: .example,
// .test, .invalid): such a page cannot be fetched, so it is not tried.
func reservedHost(link string) bool {
	u, err := url.Parse(link)
	if err != nil {
		return true
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for _, tld := range []string{"example", "test", "invalid"} {
		if host == tld || strings.HasSuffix(host, "."+tld) {
			return true
		}
	}
	return false
}
