package ingest

import (
	"context"
	"fmt"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/extract"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
)

// DefaultMaxArticlePages bounds the article pages one HTML poll fetches.
const DefaultMaxArticlePages = 30

// collectHTML reads a section list page (and up to src.List.Pages pages in
// all), then fetches each article page not already stored.
func (p *Pipeline) collectHTML(ctx context.Context, src *feedsvc.Source, pageURL string, body []byte, known Known, res *Result) ([]feedsvc.Article, error) {
	items, err := p.listItems(ctx, src, pageURL, body)
	if err != nil {
		return nil, err
	}
	max := p.MaxArticlePages
	if max <= 0 {
		max = DefaultMaxArticlePages
	}
	var arts []feedsvc.Article
	for _, it := range items {
		if len(arts) >= max {
			res.Truncated = true
			break
		}
		if known != nil && known(ctx, src, it) {
			res.Skipped++
			continue
		}
		a, err := p.articlePage(ctx, src, it)
		if err != nil {
			res.PageErrors++
			p.log().Warn("article page failed", "source_id", src.ID, "url", it.URL, slogErr(err))
			continue
		}
		arts = append(arts, a)
	}
	return arts, nil
}

// listItems extracts items from the first list page and follows Next links.
func (p *Pipeline) listItems(ctx context.Context, src *feedsvc.Source, pageURL string, body []byte) ([]feedsvc.ListItem, error) {
	pages := src.List.Pages
	if pages <= 0 {
		pages = 1
	}
	seen := map[string]bool{}
	var items []feedsvc.ListItem
	for n := 0; ; n++ {
		lp, err := extract.List(body, pageURL, src.List)
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", pageURL, err)
		}
		for _, it := range lp.Items {
			if !seen[it.URL] {
				seen[it.URL] = true
				items = append(items, it)
			}
		}
		if n+1 >= pages || lp.Next == "" || seen["next:"+lp.Next] {
			return items, nil
		}
		seen["next:"+lp.Next] = true
		if body, pageURL, err = p.getPage(ctx, lp.Next); err != nil {
			p.log().Warn("next list page failed", "source_id", src.ID, "url", lp.Next, slogErr(err))
			return items, nil
		}
	}
}

func (p *Pipeline) articlePage(ctx context.Context, src *feedsvc.Source, it feedsvc.ListItem) (feedsvc.Article, error) {
	body, finalURL, err := p.getPage(ctx, it.URL)
	if err != nil {
		return feedsvc.Article{}, err
	}
	a, err := extract.Article(body, finalURL, src.Article)
	if err != nil {
		return feedsvc.Article{}, fmt.Errorf("extract %s: %w", finalURL, err)
	}
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.PublishedRaw == "" && a.Published.IsZero() {
		a.PublishedRaw = it.DateRaw
	}
	if a.URL == "" {
		a.URL = it.URL
	}
	return a, nil
}

// getPage fetches and decodes one HTML page.
func (p *Pipeline) getPage(ctx context.Context, rawURL string) ([]byte, string, error) {
	resp, err := p.get(ctx, fetch.Request{URL: rawURL})
	if err != nil {
		return nil, "", fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	body, _, err := resp.Text()
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", rawURL, err)
	}
	return body, resp.URL, nil
}
