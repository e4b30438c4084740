package fetch

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
)

// getFile reads a file:// URL (only when Options.AllowFile), with the same
// size cap as HTTP bodies. Its content type comes from the extension.
func (c *Client) getFile(u *url.URL) (*Response, error) {
	if u.Host != "" && u.Host != "localhost" {
		return nil, fmt.Errorf("file URL with remote host %q: %w", u.Host, errScheme)
	}
	path := filepath.FromSlash(u.Path)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	body, err := readCapped(f, c.opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	ctype := mime.TypeByExtension(filepath.Ext(path))
	h := http.Header{}
	if ctype != "" {
		h.Set("Content-Type", ctype)
	}
	lm := st.ModTime().UTC().Format(http.TimeFormat)
	h.Set("Last-Modified", lm)
	return &Response{URL: u.String(), StatusCode: http.StatusOK, Header: h,
		Body: body, ContentType: ctype, LastModified: lm}, nil
}
