package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// Renderer turns a channel into bytes of one format ("rss", "atom",
// "json"); identical channels must render identical bytes.
type Renderer interface {
	Render(format string, ch *feedsvc.Channel) ([]byte, error)
	ContentType(format string) string
}

// Pages serves the pages for people (*web.Pages).
type Pages interface {
	Index(w http.ResponseWriter, r *http.Request)
	Section(w http.ResponseWriter, r *http.Request)
	OPML(w http.ResponseWriter, r *http.Request)
	NewsSitemap(w http.ResponseWriter, r *http.Request)
}

// StatusViews serves the health views (*status.Handler).
type StatusViews interface {
	HTML(w http.ResponseWriter, r *http.Request)
	JSON(w http.ResponseWriter, r *http.Request)
}

// Admin is the admin API (*admin.API): one handler per route of the
// catalog's sources and sections, partners and takedowns. The route list
// (routes.go) names each handler's pattern and serves it behind
// Authorize (ADMIN_TOKEN).
type Admin interface {
	Authorize(next http.Handler) http.Handler

	ListSources(w http.ResponseWriter, r *http.Request)
	CreateSource(w http.ResponseWriter, r *http.Request)
	GetSource(w http.ResponseWriter, r *http.Request)
	UpdateSource(w http.ResponseWriter, r *http.Request)
	DeleteSource(w http.ResponseWriter, r *http.Request)
	RefreshSource(w http.ResponseWriter, r *http.Request)

	ListSections(w http.ResponseWriter, r *http.Request)
	CreateSection(w http.ResponseWriter, r *http.Request)
	GetSection(w http.ResponseWriter, r *http.Request)
	UpdateSection(w http.ResponseWriter, r *http.Request)
	DeleteSection(w http.ResponseWriter, r *http.Request)

	ListPartners(w http.ResponseWriter, r *http.Request)
	CreatePartner(w http.ResponseWriter, r *http.Request)
	GetPartner(w http.ResponseWriter, r *http.Request)
	UpdatePartner(w http.ResponseWriter, r *http.Request)
	DeletePartner(w http.ResponseWriter, r *http.Request)
	PartnerUsage(w http.ResponseWriter, r *http.Request)

	FindArticle(w http.ResponseWriter, r *http.Request)
	GetArticle(w http.ResponseWriter, r *http.Request)
	TakeDown(w http.ResponseWriter, r *http.Request)
	ListTombstones(w http.ResponseWriter, r *http.Request)
	LiftTombstone(w http.ResponseWriter, r *http.Request)
}

// Server holds the HTTP handlers' dependencies.
type Server struct {
	Store    feedsvc.Store
	Render   Renderer
	BaseURL  *url.URL
	Sections func() []feedsvc.Section
	Hubs     []string
	Log      *slog.Logger
	// MaxAge is the Cache-Control max-age of channels (default 5m).
	MaxAge time.Duration
	// Generator names the software in feeds.
	Generator string
	// IDs is the store's tag: id scheme, independent of BaseURL.
	IDs feedsvc.IDScheme

	// Pages serves the pages for people, and channel URLs requested with
	// Accept: text/html (nil: none; channel URLs serve only feeds).
	Pages Pages
	// Status serves the health views (nil: not mounted).
	Status StatusViews
	// Metrics serves Prometheus metrics (nil: not mounted).
	Metrics http.Handler
	// Admin serves the admin, partners and takedown API (nil: not
	// mounted).
	Admin Admin
	// Guard puts a route behind the check of who may call it (nil: no
	// checks; see Access).
	Guard func(who Access, h http.Handler) http.Handler
	// VersionTTL is how long a section's change counter read from the store
	// is trusted (default 1s; < 0: read it on every request). Other
	// replicas' changes show within it; this replica's at once.
	VersionTTL time.Duration
	// Shared keeps rendered documents in the store too, so replicas on one
	// store render each once (set it with Redis; the embedded store is in
	// this process already).
	Shared bool
	// CacheBytes bounds the rendered documents kept in process
	// (default 64 MiB).
	CacheBytes int64
	// VariantBytes bounds, per section, the variant documents kept in
	// process (default 4 MiB).
	VariantBytes int64
	// Observe receives metrics events (nil: none).
	Observe Observer
	// Partners authenticates partner keys on channel URLs (nil: keys are
	// not accepted; private sections are then served to no one).
	Partners Partners
	// StoreTimeout bounds the store reads a channel request waits for
	// before serving the last good bytes (default 300ms).
	StoreTimeout time.Duration

	verMu     sync.Mutex
	versions  map[string]cachedVersion
	epochVal  string // the store's epoch (epoch.go) and when it was read
	epochAt   time.Time
	cacheMu   sync.Mutex // guards inflight
	docsOnce  sync.Once
	cache     *docCache
	variants  chan struct{} // variant render slots
	flight    singleflight.Group
	inflight  map[string]bool // keys being rendered
	ownerOnce sync.Once
	ownerID   string
}

// defaultLimit and maxLimit bound how many items a channel page shows.
const (
	defaultLimit = 50
	maxLimit     = 500
)

func (s *Server) obs() observer { return observer{s.Observe} }

// owner identifies this server in cross-replica render locks.
func (s *Server) owner() string {
	s.ownerOnce.Do(func() {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		s.ownerID = hex.EncodeToString(b)
	})
	return s.ownerID
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	respond.Plain(w, http.StatusOK, "ok")
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	_, err := bounded(r.Context(), readyTimeout, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, s.Store.Ping(ctx)
	})
	if err != nil {
		s.log().Warn("readyz: store not reachable", slog.Any("error", err))
		respond.Plain(w, http.StatusServiceUnavailable, "store not reachable")
		return
	}
	respond.Plain(w, http.StatusOK, "ready")
}

func (s *Server) section(slug string) (feedsvc.Section, bool) {
	for _, sec := range s.Sections() {
		if sec.Slug == slug {
			return sec, true
		}
	}
	return feedsvc.Section{}, false
}

// FeedURL returns the public URL of a section's channel in format.
func (s *Server) FeedURL(slug, format string) string {
	return s.BaseURL.JoinPath("sections", slug, format).String()
}

func (s *Server) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}
