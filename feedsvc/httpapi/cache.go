package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
	"github.com/klauspost/compress/gzip"
)

// Render cache tuning.
const (
	blobTTL       = time.Hour       // subscription documents kept in the store
	renderLockTTL = 5 * time.Second // cross-replica render lock
	lockWait      = 2 * time.Second // how long a replica waits for another's render
	blobPrefix    = "r:"            // store blob keys of rendered documents
	// variantRenders bounds concurrent renders of variant documents, so
	// a flood of distinct queries cannot hold unbounded render memory.
	variantRenders = 4
)

// entry is a rendered document with its gzip copy and validators.
type entry struct {
	respond.Doc
	contentType string
	archive     bool   // a complete monthly archive: long-cacheable
	self        string // the document's canonical URL (Link rel=self)
}

// entry returns the rendered document for t at the sections' current
// version. Misses render once per key (single-flight in process, a short
// store lock across replicas); while a key re-renders, and while the store
// is unreachable, the last good bytes of the same document are served.
func (s *Server) entry(ctx context.Context, t *target) (*entry, error) {
	base := t.sec.Slug + "|" + t.format + "|" + t.q.key() + t.variant()
	wait := coldTimeout // nothing to fall back to: wait longer before a 503
	if s.lastGood(base) != nil {
		wait = s.storeTimeout()
	}
	ver, err := bounded(ctx, wait, func(ctx context.Context) (string, error) { return s.version(ctx, t.slugs) })
	if err != nil {
		if e := s.lastGood(base); e != nil {
			s.log().Warn("serving stale channel: store unavailable", "channel", base, slog.Any("error", err))
			s.obs().stale()
			return e, nil
		}
		return nil, err
	}
	complete := !t.q.month.IsZero() && !t.q.month.AddDate(0, 1, 0).After(time.Now())
	key := cacheKey(t, ver, complete) + "|" + s.BaseURL.String() // documents shared in the store outlive a BASE_URL change
	if e, current := s.docs().get(base, key); e != nil && current {
		s.obs().cacheHit(true)
		return e, nil
	}
	s.obs().cacheHit(false)
	// While another request renders this key, serve the last good bytes
	// rather than queueing behind it; otherwise wait for the render, for
	// at most the store deadline when there are last good bytes.
	good := s.lastGood(base)
	if good != nil && s.rendering(key) {
		return good, nil
	}
	ch := s.flight.DoChan(key, func() (any, error) {
		s.setRendering(key, true)
		defer s.setRendering(key, false)
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), renderTimeout)
		defer cancel()
		return s.fill(rctx, t, key, base)
	})
	var late <-chan time.Time
	if good != nil {
		late = time.After(s.storeTimeout())
	}
	select {
	case res := <-ch:
		if res.Err != nil {
			return s.staleOnError(base, good, res.Err)
		}
		return res.Val.(*entry), nil
	case <-late:
		s.log().Warn("serving stale channel: render over the store deadline", "channel", base)
		s.obs().stale()
		return good, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *Server) rendering(key string) bool {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	return s.inflight[key]
}

func (s *Server) setRendering(key string, on bool) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	if s.inflight == nil {
		s.inflight = map[string]bool{}
	}
	if on {
		s.inflight[key] = true
	} else {
		delete(s.inflight, key)
	}
}

// fill loads key from the store or renders it, then caches it locally.
// Only subscription documents are shared through the store: variants
// (later pages, filters, `since`, other limits) are many and rarely read
// again, so they render in process, a few at a time.
func (s *Server) fill(ctx context.Context, t *target, key, base string) (*entry, error) {
	if !t.q.subscription() {
		select {
		case s.variantSlots() <- struct{}{}:
			defer func() { <-s.variantSlots() }()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return s.render(ctx, t, key, base)
	}
	if !s.Shared {
		return s.render(ctx, t, key, base)
	}
	e, err := s.loadBlob(ctx, key)
	if err == nil {
		s.remember(t, key, base, e)
		return e, nil
	}
	locked, lerr := s.Store.TryLock(ctx, blobPrefix+key, s.owner(), renderLockTTL)
	if lerr == nil && !locked {
		// Another replica renders this key: wait briefly for its bytes.
		for deadline := time.Now().Add(lockWait); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
			if e, err := s.loadBlob(ctx, key); err == nil {
				s.remember(t, key, base, e)
				return e, nil
			}
		}
	}
	if locked {
		defer func() { _ = s.Store.Unlock(ctx, blobPrefix+key, s.owner()) }()
	}
	return s.render(ctx, t, key, base)
}

// render builds and renders t, shares it through the store when Shared,
// and keeps it in process.
func (s *Server) render(ctx context.Context, t *target, key, base string) (*entry, error) {
	start := time.Now()
	chn, err := s.buildChannel(ctx, t)
	if err != nil {
		return nil, err
	}
	body, err := s.Render.Render(t.format, chn)
	if err != nil {
		return nil, fmt.Errorf("render %s %s: %w", t.sec.Slug, t.format, err)
	}
	e := newEntry(body, s.Render.ContentType(t.format), chn.Updated, chn.Archive)
	e.self = chn.SelfURL
	s.obs().rendered(t.format, time.Since(start))
	if s.Shared && t.q.subscription() {
		if err := s.Store.PutBlob(ctx, blobPrefix+key, encodeEntry(e), blobTTL); err != nil {
			s.log().Warn("render cache: store write failed", "channel", key, slog.Any("error", err))
		}
	}
	s.remember(t, key, base, e)
	return e, nil
}

func (s *Server) loadBlob(ctx context.Context, key string) (*entry, error) {
	b, err := s.Store.Blob(ctx, blobPrefix+key)
	if err != nil {
		return nil, err
	}
	return decodeEntry(b)
}

func (s *Server) docs() *docCache {
	s.docsOnce.Do(func() {
		s.cache = newDocCache(s.CacheBytes, s.VariantBytes)
		s.variants = make(chan struct{}, variantRenders)
	})
	return s.cache
}

// lastGood returns the newest rendered entry of a document, whatever its
// version.
func (s *Server) lastGood(base string) *entry {
	e, _ := s.docs().get(base, "")
	return e
}

// remember keeps e in process; variants count against their section's
// variant budget.
func (s *Server) remember(t *target, key, base string, e *entry) {
	s.prepare(e, false)
	group := ""
	if !t.q.subscription() {
		group = t.sec.Slug
	}
	s.docs().put(base, key, group, e)
}

func (s *Server) variantSlots() chan struct{} {
	s.docs()
	return s.variants
}

// Invalidate drops the stored rendered documents of the sections (and of
// the combined channel) after ingest changed them.
// Purge is Invalidate that also forgets the sections' last good bytes in
// this process: after a takedown the next request renders afresh (or
// fails) rather than serving a document that still holds the article.
// It also deletes the sections' documents from the store (a scan of the
// keyspace on Redis: rare, so affordable).
func (s *Server) Purge(ctx context.Context, slugs []string) {
	prefixes := []string{feedsvc.AllSlug + "|"}
	for _, slug := range slugs {
		prefixes = append(prefixes, slug+"|")
	}
	s.docs().dropDocs(prefixes)
	s.Invalidate(ctx, slugs)
	for _, slug := range append(slugs, feedsvc.AllSlug) {
		if err := s.Store.DeleteBlobs(ctx, blobPrefix+slug+"|"); err != nil {
			s.log().Warn("render cache: purge failed", "section", slug, slog.Any("error", err))
		}
	}
}

// Invalidate forgets the sections' versions in this process after ingest
// changed them. Stored documents are keyed by the version they render, so
// the next request renders the new version; the older documents are never
// read again and expire after blobTTL. Invalidate deletes nothing: a
// delete by prefix is a SCAN of the whole keyspace on Redis, and at 1,000
// sections changing during a poll cycle those scans took more Redis time
// than every other command together (make scale).
func (s *Server) Invalidate(_ context.Context, slugs []string) {
	s.forgetVersions(slugs)
}

// gzipLevel compresses each rendered document once for all the requests
// that accept gzip. klauspost/compress (already the record codec's zstd)
// at level 6 writes within 3% of the standard library's BestCompression
// at an eighth of its CPU, and at two thirds of level 7's (1.5 against
// 2.3 ms for a 200 KB feed, 1.5% larger): while a poll cycle changes
// 1,000 sections nearly every channel request renders, and the gzip copy
// was a third of a render's CPU (make scale, pprof).
const gzipLevel = 6

// gzipWriters reuses the writers: each holds about 1 MB of compressor
// state, and a fresh one per rendered document was the largest
// allocation of a busy service (10,000 sources, 1,000 sections).
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzipLevel)
	return zw
}}

func newEntry(body []byte, ctype string, lastMod time.Time, archive bool) *entry {
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	_, _ = zw.Write(body)
	_ = zw.Close()
	zw.Reset(nil)
	gzipWriters.Put(zw)
	return newEntryFrom(body, buf.Bytes(), ctype, lastMod, archive)
}

// newEntryFrom computes the validators of a body and its gzip copy.
func newEntryFrom(body, gz []byte, ctype string, lastMod time.Time, archive bool) *entry {
	return &entry{Doc: respond.NewDoc(body, gz, lastMod), contentType: ctype, archive: archive}
}

var errBadBlob = errors.New("render cache: malformed blob")

// encodeEntry frames an entry for the store: a tab-separated header line,
// then the body and its gzip copy; validators are recomputed on load.
func encodeEntry(e *entry) []byte {
	var unix int64
	if !e.LastMod.IsZero() {
		unix = e.LastMod.Unix()
	}
	hdr := fmt.Sprintf("%s\t%d\t%t\t%d\t%d\t%s\n", e.contentType, unix, e.archive, len(e.Body), len(e.Gz), e.self)
	return append(append([]byte(hdr), e.Body...), e.Gz...)
}

func decodeEntry(b []byte) (*entry, error) {
	line, rest, ok := bytes.Cut(b, []byte("\n"))
	f := strings.Split(string(line), "\t")
	if !ok || len(f) != 6 {
		return nil, errBadBlob
	}
	unix, err1 := strconv.ParseInt(f[1], 10, 64)
	archive, err2 := strconv.ParseBool(f[2])
	nb, err3 := strconv.Atoi(f[3])
	ng, err4 := strconv.Atoi(f[4])
	if err := errors.Join(err1, err2, err3, err4); err != nil || nb < 0 || ng < 0 || nb+ng != len(rest) {
		return nil, errBadBlob
	}
	var lm time.Time
	if unix > 0 {
		lm = time.Unix(unix, 0)
	}
	e := newEntryFrom(rest[:nb], rest[nb:], f[0], lm, archive)
	e.self = f[5]
	return e, nil
}
