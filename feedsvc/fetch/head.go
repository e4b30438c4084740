package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Head asks an http(s) URL for its media type and size without the body
// (used to complete enclosures a source gave without length or type). It
// goes through the same client: timeouts, redirects and the private
// address checks apply. A non-2xx answer is an *HTTPError.
func (c *Client) Head(ctx context.Context, rawURL string) (contentType string, length int64, err error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", 0, fmt.Errorf("head %s: %w", rawURL, errScheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, rawURL, nil)
	if err != nil {
		return "", 0, fmt.Errorf("head %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	hr, err := c.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", 0, fmt.Errorf("head %s: %w", rawURL, err)
	}
	hr.Body.Close()
	if hr.StatusCode < 200 || hr.StatusCode > 299 {
		return "", 0, &HTTPError{StatusCode: hr.StatusCode, URL: rawURL, RetryAfter: parseRetryAfter(hr.Header.Get("Retry-After"), time.Now())}
	}
	ct, _, _ := strings.Cut(hr.Header.Get("Content-Type"), ";")
	n, _ := strconv.ParseInt(hr.Header.Get("Content-Length"), 10, 64)
	return strings.TrimSpace(strings.ToLower(ct)), max(n, 0), nil
}
