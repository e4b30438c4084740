package web

import (
	"net/http"
	"net/url"
	"sync"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// pageQuery reads a section page's `before` cursor (the same cursors as
// the feeds' next links); empty: the newest page.
func pageQuery(r *http.Request) (feedsvc.Query, error) {
	q := feedsvc.Query{Limit: pageLimit + 1} // one more: is there an older page?
	if b := r.URL.Query().Get("before"); b != "" {
		c, err := feedsvc.ParseCursor(b)
		if err != nil {
			return q, err
		}
		q.Before = c
	}
	return q, nil
}

// olderURL returns the page URL that continues after the last article.
func olderURL(base *url.URL, slug string, last *feedsvc.Article) string {
	return feedURL(base, slug, "") + "?" + url.Values{"before": {feedsvc.CursorOf(last).String()}}.Encode()
}

// lastGood keeps the last rendered newest page of each section, served
// when the store cannot be read (like the channels' last good bytes).
// It holds one page per section and base URL, so it stays small.
type lastGood struct {
	mu    sync.Mutex
	pages map[string][]byte
}

func (l *lastGood) put(key string, b []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pages == nil {
		l.pages = map[string][]byte{}
	}
	l.pages[key] = b
}

func (l *lastGood) get(key string) []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pages[key]
}
