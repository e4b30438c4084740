package httpapi

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var formats = map[string]bool{"rss": true, "atom": true, "json": true}

// pageQuery is the part of a channel request that shapes its output.
type pageQuery struct {
	limit  int
	before feedsvc.Cursor
}

func (s *Server) channel(w http.ResponseWriter, r *http.Request) {
	slug, format := r.PathValue("slug"), r.PathValue("format")
	sec, ok := s.section(slug)
	if !ok || !formats[format] {
		plain(w, http.StatusNotFound, "no such channel: /sections/"+slug+"/"+format)
		return
	}
	q, err := parsePageQuery(r.URL.Query(), sec)
	if err != nil {
		plain(w, http.StatusBadRequest, err.Error())
		return
	}
	e, err := s.entry(r, sec, format, q)
	if err != nil {
		s.log().Error("channel", "section", slug, "format", format, slog.Any("error", err))
		status := http.StatusInternalServerError
		if errors.Is(err, feedsvc.ErrUnavailable) {
			status = http.StatusServiceUnavailable
		}
		plain(w, status, "channel unavailable")
		return
	}
	s.serveEntry(w, r, e)
}

func parsePageQuery(v url.Values, sec feedsvc.Section) (pageQuery, error) {
	q := pageQuery{limit: sec.Limit}
	if q.limit <= 0 {
		q.limit = DefaultLimit
	}
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > MaxLimit {
			return q, fmt.Errorf("limit %q: want 1..%d", l, MaxLimit)
		}
		q.limit = n
	}
	if b := v.Get("before"); b != "" {
		c, err := ParseCursor(b)
		if err != nil {
			return q, err
		}
		q.before = c
	}
	return q, nil
}

// FormatCursor encodes a cursor for the `before` query parameter.
func FormatCursor(c feedsvc.Cursor) string {
	return strconv.FormatInt(c.Millis, 10) + "_" + c.ID
}

// ParseCursor decodes a `before` query parameter.
func ParseCursor(s string) (feedsvc.Cursor, error) {
	ms, id, ok := strings.Cut(s, "_")
	n, err := strconv.ParseInt(ms, 10, 64)
	if !ok || err != nil || id == "" || len(id) > 128 {
		return feedsvc.Cursor{}, fmt.Errorf("before %q: not a page cursor", s)
	}
	return feedsvc.Cursor{Millis: n, ID: id}, nil
}

// buildChannel reads one page of a section and the links around it.
func (s *Server) buildChannel(r *http.Request, sec feedsvc.Section, format string, q pageQuery) (*feedsvc.Channel, error) {
	// One extra item tells whether an older page exists.
	arts, err := s.Store.SectionArticles(r.Context(), sec.Slug, feedsvc.Query{Limit: q.limit + 1, Before: q.before})
	if err != nil {
		return nil, fmt.Errorf("section %s: %w", sec.Slug, err)
	}
	ch := &feedsvc.Channel{
		Section:   sec,
		SelfURL:   s.pageURL(sec.Slug, format, q, q.before),
		HomeURL:   s.BaseURL.JoinPath("sections", sec.Slug).String(),
		FeedURLs:  map[string]string{},
		Hubs:      s.Hubs,
		Generator: s.Generator,
	}
	for f := range formats {
		ch.FeedURLs[f] = s.FeedURL(sec.Slug, f)
	}
	if len(arts) > q.limit {
		arts = arts[:q.limit]
		ch.NextURL = s.pageURL(sec.Slug, format, q, feedsvc.CursorOf(&arts[len(arts)-1]))
	}
	ch.Articles = arts
	ch.Updated = feedsvc.LatestChange(arts)
	return ch, nil
}

// pageURL is the canonical URL of a channel page: only non-default
// parameters, in a fixed order.
func (s *Server) pageURL(slug, format string, q pageQuery, before feedsvc.Cursor) string {
	u := s.BaseURL.JoinPath("sections", slug, format)
	v := url.Values{}
	if q.limit != DefaultLimit {
		v.Set("limit", strconv.Itoa(q.limit))
	}
	if !before.IsZero() {
		v.Set("before", FormatCursor(before))
	}
	u.RawQuery = v.Encode()
	return u.String()
}
