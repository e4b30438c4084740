package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
	"github.com/feedsvc/feedsvc/feedsvc/parse"
)

// Fetcher gets one URL; *fetch.Client implements it.
type Fetcher interface {
	Get(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// Pipeline turns one poll of a source into normalized articles.
type Pipeline struct {
	Fetch    Fetcher
	Sections func() []feedsvc.Section // language fallback (may be nil)
	Now      func() time.Time
	Log      *slog.Logger
	// HostDelay is the pause between two article-page requests to one host.
	HostDelay time.Duration
	// MaxArticlePages bounds how many article pages one HTML poll fetches.
	MaxArticlePages int

	// HostConcurrency bounds parallel requests to one host (default 2).
	HostConcurrency int

	hostsOnce sync.Once
	hosts     *hostGate
}

// Result is the outcome of one poll.
type Result struct {
	Articles    []feedsvc.Article
	Status      int
	NotModified bool
	ETag        string
	LastMod     string
	Charset     string
	Kind        string
	Feed        feedsvc.FeedInfo
	Skipped     int  // HTML article pages not fetched because already stored
	PageErrors  int  // HTML article pages that failed
	Truncated   bool // HTML article pages left for the next poll (MaxArticlePages)
	Capped      int  // feed items beyond the source's max_items (oldest first)
	// Header is the source's response header (caching hints); RetryAfter
	// is the wait a 429/503 answer asked for.
	Header     http.Header
	RetryAfter time.Duration
	// Latency is how long the source's own URL took to answer.
	Latency time.Duration
}

// Known reports whether a list item is already stored unchanged (HTML
// sources skip fetching those pages). It may be nil.
type Known func(ctx context.Context, src *feedsvc.Source, it feedsvc.ListItem) bool

// Collect fetches src once (conditionally, with the validators in st) and
// returns its normalized articles. A 304 answer returns NotModified and no
// articles.
func (p *Pipeline) Collect(ctx context.Context, src *feedsvc.Source, st feedsvc.SourceState, known Known) (Result, error) {
	resp, err := p.get(ctx, fetch.Request{URL: src.URL, ETag: st.ETag, LastModified: st.LastModified})
	if err != nil {
		res := Result{}
		var he *fetch.HTTPError
		if errors.As(err, &he) {
			res.Status, res.RetryAfter = he.StatusCode, he.RetryAfter
		}
		return res, err // fetch names the URL
	}
	res := Result{Status: resp.StatusCode, ETag: resp.ETag, LastMod: resp.LastModified, NotModified: resp.NotModified, Header: resp.Header, Latency: resp.Duration}
	if resp.NotModified {
		return res, nil
	}
	body, cs, err := resp.Text() // only feeds and pages are articles
	if err != nil {
		return res, fmt.Errorf("%s: %w", resp.URL, err)
	}
	res.Charset = cs
	res.Kind = detectKind(src.Kind, body, resp.URL)
	var arts []feedsvc.Article
	switch res.Kind {
	case feedsvc.KindFeed:
		res.Feed, arts, err = parse.Feed(body, resp.URL)
		if err != nil {
			return res, fmt.Errorf("parse %s: %w", resp.URL, err)
		}
		arts, res.Capped = newestFirst(arts, src, p.now())
	case KindArticle:
		a, err := extract.Article(body, resp.URL, src.Article)
		if err != nil {
			return res, fmt.Errorf("extract %s: %w", resp.URL, err)
		}
		arts = []feedsvc.Article{a}
	default:
		arts, err = p.collectHTML(ctx, src, resp.URL, body, known, &res)
		if err != nil {
			return res, err
		}
	}
	res.Articles = normalize.Articles(arts, normalize.Options{
		Source: src, Language: p.language(src, res.Feed.Language), Now: p.now(),
	})
	return res, nil
}

// KindArticle is a source that is one article page (`feedsvc check` on an
// article URL); configured HTML sources are always list pages.
const KindArticle = "article"

// detectKind returns the declared kind, or for an undeclared one: a feed,
// a single article page, or an HTML list page.
func detectKind(kind string, body []byte, pageURL string) string {
	switch {
	case kind != "":
		return kind
	case parse.IsFeed(body):
		return feedsvc.KindFeed
	case extract.IsArticlePage(body, pageURL):
		return KindArticle
	}
	return feedsvc.KindHTML
}

// ListEntry is a list page item with its date read in the source's zone.
type ListEntry struct {
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
}

// List fetches an HTML section list page (following src.List.Pages next
// links) and returns its items without fetching the articles, plus the
// first page's next-page URL.
func (p *Pipeline) List(ctx context.Context, src *feedsvc.Source) ([]ListEntry, string, error) {
	body, pageURL, err := p.getPage(ctx, src.URL)
	if err != nil {
		return nil, "", err
	}
	first, err := extract.List(body, pageURL, src.List)
	if err != nil {
		return nil, "", fmt.Errorf("list %s: %w", pageURL, err)
	}
	items, err := p.listItems(ctx, src, pageURL, body)
	if err != nil {
		return nil, "", err
	}
	out := make([]ListEntry, 0, len(items))
	for _, it := range items {
		e := ListEntry{URL: it.URL, Title: it.Title}
		if t, ok := normalize.ParseDate(it.DateRaw, src.Loc(), p.now()); ok {
			e.Published = t
		}
		out = append(out, e)
	}
	return out, first.Next, nil
}

func (p *Pipeline) language(src *feedsvc.Source, feedLang string) string {
	if feedLang != "" {
		return feedLang
	}
	if p.Sections == nil {
		return ""
	}
	secs := p.Sections()
	for _, slug := range src.Sections {
		for _, sec := range secs {
			if sec.Slug == slug && sec.Language != "" {
				return sec.Language
			}
		}
	}
	return ""
}

func (p *Pipeline) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Pipeline) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.Default()
}
