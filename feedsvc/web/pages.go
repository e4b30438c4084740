package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// AllSlug names the combined page of every section.
const AllSlug = "all"

// pageLimit is how many articles a section page shows.
const pageLimit = 50

// Pages serves the human-facing pages, the OPML list and the news
// sitemaps. Its zero value is not usable: Store and Sections are required.
type Pages struct {
	Store    feedsvc.Store            // articles are read with SectionArticles
	BaseURL  *url.URL                 // public base, e.g. http://127.0.0.1:8080; nil: the request's host
	Sections func() []feedsvc.Section // the configured sections, in display order
	Hubs     []string                 // WebSub hubs advertised with rel="hub"
	Now      func() time.Time         // clock for the sitemap window (default time.Now)
	Log      *slog.Logger             // default slog.Default()

	stale lastGood // newest page of each section, for store outages
}

// noSection is a slug that names no configured section (a
// feedsvc.ErrNotFound).
type noSection string

func (s noSection) Error() string      { return fmt.Sprintf("no such section: %q", string(s)) }
func (noSection) Is(target error) bool { return target == feedsvc.ErrNotFound }

// section returns the section named slug; AllSlug yields the combined
// section, whose language and zone are shared by every section or empty.
func (p *Pages) section(slug string) (feedsvc.Section, []string, error) {
	secs := p.Sections()
	if slug == AllSlug {
		all := feedsvc.Section{Slug: AllSlug, Title: "All sections",
			Description: "Every section of this feedsvc, newest first"}
		slugs := make([]string, 0, len(secs))
		for i, s := range secs {
			slugs = append(slugs, s.Slug)
			if i == 0 {
				all.Language, all.Timezone = s.Language, s.Timezone
			}
			if s.Language != all.Language {
				all.Language = ""
			}
			if s.Timezone != all.Timezone {
				all.Timezone = ""
			}
		}
		return all, slugs, nil
	}
	i := slices.IndexFunc(secs, func(s feedsvc.Section) bool { return s.Slug == slug })
	if i < 0 {
		return feedsvc.Section{}, nil, noSection(slug)
	}
	return secs[i], []string{slug}, nil
}

// articles returns up to q.Limit articles of the sections, newest first,
// each once (an article published in several sections appears once).
func (p *Pages) articles(ctx context.Context, slugs []string, q feedsvc.Query) ([]feedsvc.Article, error) {
	var all []feedsvc.Article
	for _, slug := range slugs {
		arts, err := p.Store.SectionArticles(ctx, slug, q)
		if err != nil {
			return nil, fmt.Errorf("read section %s: %w", slug, err)
		}
		all = append(all, arts...)
	}
	if len(slugs) < 2 {
		return all, nil
	}
	slices.SortStableFunc(all, newestFirst)
	seen := make(map[string]bool, len(all))
	all = slices.DeleteFunc(all, func(a feedsvc.Article) bool {
		dup := seen[a.ID]
		seen[a.ID] = true
		return dup
	})
	if q.Limit > 0 && len(all) > q.Limit {
		all = all[:q.Limit]
	}
	return all, nil
}

// newestFirst orders articles like a section index: sort time, then ID,
// both descending.
func newestFirst(a, b feedsvc.Article) int {
	if c := b.SortTime().Compare(a.SortTime()); c != 0 {
		return c
	}
	switch {
	case a.ID > b.ID:
		return -1
	case a.ID < b.ID:
		return 1
	}
	return 0
}

// base returns the public base URL: BaseURL, else the request's own
// scheme and host.
func (p *Pages) base(r *http.Request) *url.URL {
	if p.BaseURL != nil {
		return p.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return &url.URL{Scheme: scheme, Host: r.Host}
}

// feedURL returns the URL of a section's channel in format, or of its page
// when format is "".
func feedURL(base *url.URL, slug, format string) string {
	if format == "" {
		return base.JoinPath("sections", slug).String()
	}
	return base.JoinPath("sections", slug, format).String()
}

func (p *Pages) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Pages) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.Default()
}
