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

// section returns the section named slug and the slugs it covers;
// feedsvc.AllSlug yields the combined section (feedsvc.Combined).
func (p *Pages) section(slug string) (feedsvc.Section, []string, error) {
	secs := p.Sections()
	if slug == feedsvc.AllSlug {
		all, slugs := feedsvc.Combined(secs)
		return all, slugs, nil
	}
	i := slices.IndexFunc(secs, func(s feedsvc.Section) bool { return s.Slug == slug })
	if i < 0 {
		return feedsvc.Section{}, nil, noSection(slug)
	}
	return secs[i], []string{slug}, nil
}

// articles returns up to q.Limit articles of the sections, newest first,
// each once (feedsvc.ReadSections).
func (p *Pages) articles(ctx context.Context, slugs []string, q feedsvc.Query) ([]feedsvc.Article, error) {
	return feedsvc.ReadSections(ctx, slugs, q.Limit, func(ctx context.Context, slug string) ([]feedsvc.Article, error) {
		arts, err := p.Store.SectionArticles(ctx, slug, q)
		if err != nil {
			return nil, fmt.Errorf("read section %s: %w", slug, err)
		}
		return arts, nil
	})
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
