package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Request is one GET, optionally conditional on a previous answer.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
}

// Response is a fetched document.
type Response struct {
	URL          string // final URL after redirects
	StatusCode   int
	Header       http.Header
	Body         []byte // raw bytes (Text decodes them); nil when NotModified
	ContentType  string
	ETag         string
	LastModified string
	NotModified  bool // 304 answer to a conditional GET
	Duration     time.Duration

	// The body as UTF-8, decoded once by Text.
	decoded bool
	text    []byte
	charset string
	textErr error
}

// Get fetches r.URL. It sends If-None-Match / If-Modified-Since when r
// carries validators and reports a 304 as NotModified. Errors: a non-2xx
// status other than 304 is an *HTTPError; a body over MaxBytes wraps
// feedsvc.ErrTooLarge; private addresses wrap ErrPrivateAddress; an
// unsupported scheme wraps feedsvc.ErrInvalid.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	start := time.Now()
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w: %v", r.URL, feedsvc.ErrInvalid, err)
	}
	var resp *Response
	switch u.Scheme {
	case "http", "https":
		resp, err = c.getHTTP(ctx, r)
	case "file":
		if !c.opts.AllowFile {
			return nil, fmt.Errorf("fetch %s: %w: file URLs are not allowed", r.URL, feedsvc.ErrInvalid)
		}
		resp, err = c.getFile(u)
	default:
		return nil, fmt.Errorf("fetch %s: %w: %w %q", r.URL, feedsvc.ErrInvalid, errScheme, u.Scheme)
	}
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	resp.Duration = time.Since(start)
	return resp, nil
}

func (c *Client) getHTTP(ctx context.Context, r Request) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.URL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "+
		"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	hr, err := c.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // Get adds the URL itself
		}
		if isTimeout(err) && !strings.Contains(strings.ToLower(err.Error()), "timeout") {
			err = fmt.Errorf("timeout: %w", err)
		}
		return nil, err
	}
	defer hr.Body.Close()
	resp := &Response{
		URL:          hr.Request.URL.String(),
		StatusCode:   hr.StatusCode,
		Header:       hr.Header,
		ContentType:  hr.Header.Get("Content-Type"),
		ETag:         hr.Header.Get("ETag"),
		LastModified: hr.Header.Get("Last-Modified"),
	}
	switch {
	case hr.StatusCode == http.StatusNotModified:
		resp.NotModified = true
		return resp, nil
	case hr.StatusCode < 200 || hr.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(hr.Body, 64<<10)) // lets the connection be reused
		return nil, &HTTPError{StatusCode: hr.StatusCode, URL: resp.URL,
			RetryAfter: parseRetryAfter(hr.Header.Get("Retry-After"), time.Now())}
	}
	// With transparent gzip, ContentLength is -1, so the cap below is what
	// bounds the decompressed size (gzip bombs).
	if hr.ContentLength > c.opts.MaxBytes {
		return nil, fmt.Errorf("%w: Content-Length %d over %d", feedsvc.ErrTooLarge, hr.ContentLength, c.opts.MaxBytes)
	}
	resp.Body, err = readCapped(hr.Body, c.opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// readCapped reads all of r, failing with feedsvc.ErrTooLarge (never
// returning a truncated body) when r holds more than limit bytes.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if isTimeout(err) {
		return nil, fmt.Errorf("read body: timeout: %w", err)
	}
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", feedsvc.ErrTooLarge, limit)
	}
	return b, nil
}

// isTimeout reports a deadline (the client's or the caller's) that ended
// a request, so that its error says "timeout".
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}
