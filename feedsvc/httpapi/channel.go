package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

var formats = map[string]bool{"rss": true, "atom": true, "json": true}

// target is one channel document: which sections, which format, which page.
type target struct {
	sec    feedsvc.Section
	slugs  []string
	format string
	q      pageQuery
	policy feedsvc.Policy // what the caller receives ("": full, public)
	keyed  bool           // links carry the partner key token
}

// variant names what of a document depends on the caller: policy, item
// cap, key in links, and for a partner's combined channel its sections.
func (t *target) variant() string {
	if t.policy == "" && t.q.cap == 0 && !t.keyed {
		return ""
	}
	v := "|p=" + string(t.policy) + "|cap=" + strconv.Itoa(t.q.cap) + "|k=" + strconv.FormatBool(t.keyed)
	if t.sec.Slug == feedsvc.AllSlug {
		v += "|s=" + strings.Join(t.slugs, ",")
	}
	return v
}

func (s *Server) channel(w http.ResponseWriter, r *http.Request) {
	if s.Pages != nil && prefersHTML(r.Header.Get("Accept")) {
		s.Pages.Section(w, r) // a person in a browser: the section page
		return
	}
	s.serveTarget(w, r, r.PathValue("slug"), r.PathValue("format"), "")
}

func (s *Server) archive(w http.ResponseWriter, r *http.Request) {
	s.serveTarget(w, r, r.PathValue("slug"), r.PathValue("format"), r.PathValue("month"))
}

func (s *Server) serveTarget(rw http.ResponseWriter, r *http.Request, slug, format, month string) {
	w := &countingWriter{ResponseWriter: rw}
	c, ok := s.identify(w, r)
	defer s.record(&c, w)
	if !ok {
		return
	}
	t, err := s.resolve(r, &c, slug, format, month)
	if err == nil {
		var e *entry
		if e, err = s.entry(r.Context(), &t); err == nil {
			s.forCaller(e, &c).Serve(w, r)
			return
		}
	}
	respond.Fail(w, r, s.log(), err, "channel")
}

// resolve turns a request into a target, or an error of the kind its
// status is (respond.Status): an unknown channel or archive month
// feedsvc.ErrNotFound, a partner outside its sections
// feedsvc.ErrForbidden, a bad query feedsvc.ErrInvalid.
func (s *Server) resolve(r *http.Request, c *caller, slug, format, month string) (target, error) {
	t := target{format: format, keyed: c.queryKey != ""}
	if c.partner != nil && c.policy() != feedsvc.PolicyFull {
		t.policy = c.policy()
	}
	var err error
	if t.sec, t.slugs, err = s.pick(c, slug); err != nil {
		return t, err
	}
	if t.slugs == nil && slug != feedsvc.AllSlug || !formats[format] {
		return t, feedsvc.WithKind(feedsvc.ErrNotFound, fmt.Errorf("no such channel: /sections/%s/%s", slug, format))
	}
	v := r.URL.Query()
	if s.Partners != nil {
		v.Del("key")
	}
	q, err := parsePageQuery(v, t.sec)
	if err != nil {
		return t, feedsvc.WithKind(feedsvc.ErrInvalid, err)
	}
	if c.partner != nil {
		q.capAt(c.partner.ItemLimit)
	}
	if month != "" {
		m, err := time.Parse("2006-01", month)
		if err != nil || m.Year() < 1995 || m.Year() > 9999 {
			return t, feedsvc.WithKind(feedsvc.ErrNotFound, fmt.Errorf("no such archive month %q (want YYYY-MM)", month))
		}
		if len(v) > 0 {
			return t, feedsvc.WithKind(feedsvc.ErrInvalid, errors.New("archive documents take no query parameters"))
		}
		q.month = m
	}
	t.q = q
	return t, nil
}

// pick returns the section slug names and the slugs of the sections it
// covers that c may read (none: no such channel for c); a partner not
// allowed on the section gets an error (403).
func (s *Server) pick(c *caller, slug string) (feedsvc.Section, []string, error) {
	if slug == feedsvc.AllSlug {
		var seen []feedsvc.Section
		for _, sec := range s.Sections() {
			if c.sees(&sec) == 0 {
				seen = append(seen, sec)
			}
		}
		all, slugs := feedsvc.Combined(seen)
		return all, slugs, nil
	}
	sec, ok := s.section(slug)
	if !ok {
		return sec, nil, nil
	}
	switch c.sees(&sec) {
	case 0:
		return sec, []string{slug}, nil
	case http.StatusForbidden:
		return sec, nil, feedsvc.WithKind(feedsvc.ErrForbidden, fmt.Errorf("partner %s may not read section %s", c.partner.ID, slug))
	}
	return sec, nil, nil
}

// version names the state of the sections' articles: the store's epoch
// and each section's change counter ("3f9a…/ent:12,world:7"), so no two
// states share a name (a sum could repeat after a section is removed,
// counters repeat after the store lost its data). Each counter is read
// from the store at most once per VersionTTL; Invalidate (this replica's
// ingest) forgets them at once.
func (s *Server) version(ctx context.Context, slugs []string) (string, error) {
	var b strings.Builder
	epoch, err := s.epoch(ctx)
	if err != nil {
		return "", err
	}
	b.WriteString(epoch + "/")
	now := time.Now()
	for _, slug := range slugs {
		s.verMu.Lock()
		c, ok := s.versions[slug]
		s.verMu.Unlock()
		if !ok || now.Sub(c.at) > s.versionTTL() {
			n, err := s.Store.SectionVersion(ctx, slug)
			if err != nil {
				return "", fmt.Errorf("section version %s: %w", slug, err)
			}
			c = cachedVersion{n: n, at: now}
			s.verMu.Lock()
			if s.versions == nil {
				s.versions = map[string]cachedVersion{}
			}
			s.versions[slug] = c
			s.verMu.Unlock()
		}
		fmt.Fprintf(&b, "%s:%d,", slug, c.n)
	}
	return b.String(), nil
}

// cachedVersion is a section counter and when it was read.
type cachedVersion struct {
	n  int64
	at time.Time
}

func (s *Server) versionTTL() time.Duration {
	if s.VersionTTL != 0 {
		return s.VersionTTL
	}
	return time.Second
}

func (s *Server) forgetVersions(slugs []string) {
	s.verMu.Lock()
	defer s.verMu.Unlock()
	for _, slug := range slugs {
		delete(s.versions, slug)
	}
}

// buildChannel reads the target's page and the links around it.
func (s *Server) buildChannel(ctx context.Context, t *target) (*feedsvc.Channel, error) {
	arts, more, err := s.readPage(ctx, t.slugs, &t.q)
	if err != nil {
		return nil, err
	}
	ch := &feedsvc.Channel{
		Section: t.sec, SelfURL: s.docURL(t, t.q.before), HomeURL: s.BaseURL.JoinPath("sections", t.sec.Slug).String(),
		FeedURLs: map[string]string{}, Hubs: s.Hubs, Generator: s.Generator, Articles: arts, IDs: s.IDs,
		Updated: feedsvc.LatestChange(arts),
	}
	for f := range formats {
		ch.FeedURLs[f] = s.FeedURL(t.sec.Slug, f)
	}
	for i := range ch.Articles {
		ch.Articles[i] = t.policy.Apply(ch.Articles[i])
	}
	if more && t.q.month.IsZero() {
		ch.NextURL = s.docURL(t, feedsvc.CursorOf(&arts[len(arts)-1]))
	}
	start := t.q.month
	if start.IsZero() && len(arts) > 0 {
		// Subscription documents point at the archive of their oldest item's month.
		ch.PrevArchiveURL = s.archiveURL(t.sec.Slug, t.format, monthOf(arts[len(arts)-1].SortTime()))
	} else if !start.IsZero() {
		if err := s.archiveLinks(ctx, t, ch, time.Now()); err != nil {
			return nil, err
		}
	}
	if t.keyed {
		keyLinks(ch)
	}
	return ch, nil
}

// archiveLinks marks the archive of month t.q.month complete once the
// month is over and links the archives before and after it (RFC 5005).
func (s *Server) archiveLinks(ctx context.Context, t *target, ch *feedsvc.Channel, now time.Time) error {
	start := t.q.month
	ch.Archive = !start.AddDate(0, 1, 0).After(now)
	prev, err := s.prevArchive(ctx, t.slugs, start)
	if err != nil {
		return err
	}
	if !prev.IsZero() {
		ch.PrevArchiveURL = s.archiveURL(t.sec.Slug, t.format, prev)
	}
	next, err := s.nextArchive(ctx, t.slugs, start, now)
	if err != nil {
		return err
	}
	if !next.IsZero() {
		ch.NextArchiveURL = s.archiveURL(t.sec.Slug, t.format, next)
	}
	return nil
}

// docURL is the canonical URL of a document: only non-default parameters,
// in a fixed order.
func (s *Server) docURL(t *target, before feedsvc.Cursor) string {
	if !t.q.month.IsZero() {
		return s.archiveURL(t.sec.Slug, t.format, t.q.month)
	}
	u := s.BaseURL.JoinPath("sections", t.sec.Slug, t.format)
	u.RawQuery = t.q.values(before).Encode()
	return u.String()
}

func (s *Server) archiveURL(slug, format string, month time.Time) string {
	return s.BaseURL.JoinPath("sections", slug, "archive", month.Format("2006-01"), format).String()
}

// cacheKey names a target's rendered document at a version of its
// articles and of its section's settings (a renamed section or a new
// default limit is a new document).
func cacheKey(t *target, ver string, complete bool) string {
	sec := t.sec
	return strings.Join([]string{sec.Slug, t.format, t.q.key(), "v" + ver, strconv.FormatBool(complete),
		sec.Title, sec.Description, sec.Language, sec.Timezone, strconv.Itoa(sec.Limit)}, "|") + t.variant()
}
