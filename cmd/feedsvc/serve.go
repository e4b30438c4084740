package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/admin"
	"github.com/feedsvc/feedsvc/feedsvc/boltstore"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/media"
	"github.com/feedsvc/feedsvc/feedsvc/membership"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/metrics"
	"github.com/feedsvc/feedsvc/feedsvc/partner"
	"github.com/feedsvc/feedsvc/feedsvc/render"
	"github.com/feedsvc/feedsvc/feedsvc/status"
	"github.com/feedsvc/feedsvc/feedsvc/web"
	"github.com/feedsvc/feedsvc/feedsvc/websub"
)

func serveCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", getenv("FEEDSVC_CONFIG"), "YAML file of sections and sources")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	if *cfgPath == "" {
		return errors.New("serve: no config file: pass -config FILE or set FEEDSVC_CONFIG")
	}
	file, err := config.LoadFile(*cfgPath)
	if err != nil {
		return err
	}
	app := &App{Config: cfg, File: file, Log: newLogger(stderr, cfg.LogFormat, cfg.LogLevel.String()), Out: stdout}
	if lim := limitMemory(ctx, getenv, cfg.RenderCacheBytes); lim > 0 {
		app.Log.Info("soft memory limit set (GOMEMLIMIT unset); it follows 1.5x the live heap when that is more", "bytes", lim)
	}
	return app.Run(ctx, nil)
}

// App is the wired service: store, ingest scheduler and HTTP server.
type App struct {
	Config config.Config
	File   config.File
	Log    *slog.Logger
	Out    io.Writer // where the start banner goes (nil: none)
	// Store overrides the store chosen from Config (tests).
	Store feedsvc.Store
}

// Run serves until ctx is done, then shuts down gracefully. When ready is
// non-nil the bound address is sent on it once the server listens.
func (a *App) Run(ctx context.Context, ready chan<- string) error {
	store, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	m := metrics.New()
	store = m.Store(store) // counts errors; embedded() sees through it
	cat := &catalog.Catalog{Store: store, Log: a.Log.With("component", "catalog")}
	ids, err := a.loadIDs(ctx, store)
	if err != nil {
		return err
	}
	if err := cat.Load(ctx, a.File.Sections, a.File.Sources); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", a.Config.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", a.Config.ListenAddr, err)
	}
	base := a.Config.BaseURL
	if strings.HasSuffix(base.Host, ":0") { // tests listen on :0
		base = base.JoinPath()
		base.Host = ln.Addr().String()
	}
	servePprof, err := listenPprof(a.Config.PprofAddr, a.Log)
	if err != nil {
		ln.Close()
		return err
	}
	a.startWarnings(cat.Sections(), cat.Sources(), ln.Addr())
	bg, stopBg := context.WithCancel(context.WithoutCancel(ctx))
	w := a.wire(store, cat, base, m)
	w.api.IDs = ids
	var wg sync.WaitGroup
	for _, run := range []func(context.Context){w.sched.Run, func(c context.Context) { w.pub.Run(c, 2) },
		func(c context.Context) { cat.Watch(c, 2*time.Second) }, w.partners.Run} {
		wg.Add(1)
		go func() { defer wg.Done(); run(bg) }()
	}
	wg.Add(1)
	go func() { defer wg.Done(); a.pruner(store, cat, w.api).Run(bg) }()
	wg.Add(1)
	go func() { defer wg.Done(); runMembership(w.members)(bg) }()
	wg.Add(1)
	go func() { defer wg.Done(); servePprof(bg) }()
	srv := &http.Server{Handler: w.api.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.banner(base.String(), cat.Sections())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err = <-errc:
	case <-ctx.Done():
		a.Log.Info("shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = srv.Shutdown(sctx)
		cancel()
	}
	stopBg()
	wg.Wait()
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	w.prober.Flush(fctx) // ingest has stopped: nothing adds to it now
	cancel()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// wired holds the long-lived parts Run starts.
type wired struct {
	api   *httpapi.Server
	sched *ingest.Scheduler
	// prober's waiting media answers are stored at shutdown.
	prober *media.Prober
	pub    *websub.Publisher
	// members backfills section membership changes (nil: off).
	members *membership.Reconciler
	// partners flushes usage counts while the service runs.
	partners *partner.Registry
}

// private reports whether slug names a section with public: false.
func private(secs []feedsvc.Section, slug string) bool {
	for _, s := range secs {
		if s.Slug == slug {
			return !s.IsPublic()
		}
	}
	return false
}

// publicSections narrows a section list to what the public sees (pages,
// OPML, sitemaps).
func publicSections(all func() []feedsvc.Section) func() []feedsvc.Section {
	return func() []feedsvc.Section { return feedsvc.PublicSections(all()) }
}

// wire builds the HTTP server, the ingest scheduler and the WebSub
// publisher around one store and catalog.
func (a *App) wire(store feedsvc.Store, cat *catalog.Catalog, base *url.URL, m *metrics.Metrics) *wired {
	pub := &websub.Publisher{Hubs: a.File.Hubs, Log: a.Log.With("component", "websub"), Result: m.WebSub}
	api := &httpapi.Server{Store: store, Render: renderer{}, BaseURL: base, Hubs: a.File.Hubs, Observe: m,
		Shared: !embedded(store), CacheBytes: a.Config.RenderCacheBytes,
		Log: a.Log.With("component", "http"), Sections: cat.Sections, Generator: "feedsvc " + version}
	partners := &partner.Registry{Store: store, Log: a.Log.With("component", "partners")}
	api.Partners = partners
	pages := &web.Pages{Store: store, BaseURL: base, Sections: publicSections(cat.Sections), Hubs: a.File.Hubs, Log: a.Log.With("component", "web")}
	api.Pages = pages
	sched, prober := a.scheduler(store, cat)
	sched.Ingester.Observe = m.Poll
	sched.OnRemove = m.ForgetSource
	sched.Ingester.OnChange = func(ctx context.Context, slugs []string) {
		api.Invalidate(ctx, slugs)
		var topics []string
		for _, slug := range append(slugs, feedsvc.AllSlug) {
			if private(cat.Sections(), slug) {
				continue // hubs are public: never name a private channel
			}
			for _, f := range render.Formats() {
				topics = append(topics, api.FeedURL(slug, f))
			}
		}
		pub.Publish(topics)
	}
	st := &status.Handler{Store: store, Sources: cat.Sources, Sections: cat.Sections}
	instrument(m, st)
	adm := &admin.API{Token: a.Config.AdminToken, Catalog: cat, Refresh: sched, Log: a.Log.With("component", "admin"),
		Partners: partners}
	api.Status, api.Metrics, api.Guard = st, m.Handler(), a.guard
	members := a.membership(store, cat, api)
	if members != nil {
		adm.Refresh = refreshers{sched, members}
	}
	adm.Takedown = a.takedown(store, api, sched, m)
	api.Admin = adm
	return &wired{api: api, sched: sched, prober: prober, pub: pub, members: members, partners: partners}
}

// loadIDs reads the id scheme, recording it at the store's first start
// (ID_AUTHORITY, else the authority BASE_URL yields).
func (a *App) loadIDs(ctx context.Context, store feedsvc.Store) (feedsvc.IDScheme, error) {
	o := catalog.IDOptions{Want: a.Config.IDAuthority, Fallback: render.AuthorityOf(a.Config.BaseURL.String()), Now: time.Now()}
	for _, s := range a.File.Sources {
		o.Sources = append(o.Sources, s.ID)
	}
	ids, err := catalog.LoadIDs(ctx, store, o)
	if err == nil {
		a.Log.Info("public ids", "authority", ids.Authority, "date", ids.Date)
	}
	return ids, err
}

func (a *App) openStore(ctx context.Context) (feedsvc.Store, error) {
	if a.Store != nil {
		return a.Store, nil
	}
	return storeFromConfig(ctx, a.Config, a.Log)
}

// mediaWriteBehind is how long learned media answers wait to be stored
// together (media.Prober.WriteBehind).
const mediaWriteBehind = 5 * time.Second

func (a *App) scheduler(store feedsvc.Store, cat *catalog.Catalog) (*ingest.Scheduler, *media.Prober) {
	client := fetch.New(fetch.Options{Timeout: a.Config.FetchTimeout, MaxBytes: a.Config.MaxBodyBytes,
		AllowFile: true, AllowPrivate: a.Config.AllowPrivate, UserAgent: userAgent(a.Config.UserAgent)})
	log := a.Log.With("component", "ingest")
	prober := &media.Prober{Head: client.Head, Store: store, Log: log, WriteBehind: mediaWriteBehind}
	in := &ingest.Ingester{
		Pipeline:        &ingest.Pipeline{Fetch: client, Sections: cat.Sections, Log: log, HostDelay: 500 * time.Millisecond},
		Store:           store,
		Log:             log,
		NearDupDistance: a.Config.NearDupDistance,
		MaxInterval:     a.Config.MaxInterval,
		Enrich:          prober.Enrich,
		Admit:           a.admit(store, cat),
	}
	return &ingest.Scheduler{Ingester: in, Concurrency: a.Config.Concurrency, Log: log, Sources: cat.Sources,
		Generation: cat.Generation, LeaseTTL: a.Config.LeaseTTL}, prober
}

func (a *App) banner(base string, sections []feedsvc.Section) {
	if a.Out == nil {
		return
	}
	fmt.Fprintf(a.Out, "feedsvc %s listening on %s\n", version, base)
	for _, s := range sections {
		fmt.Fprintf(a.Out, "  %-12s point a feed reader at %s/sections/%s/atom (also /rss, /json; page: %s/sections/%s)\n", s.Slug, base, s.Slug, base, s.Slug)
	}
}

// embedded reports whether store lives in this process (then rendered
// documents are not copied into it: the in-process cache holds them).
func embedded(store feedsvc.Store) bool {
	if u, ok := store.(interface{ Unwrap() feedsvc.Store }); ok {
		store = u.Unwrap()
	}
	switch store.(type) {
	case *memstore.Store, *boltstore.Store:
		return true
	}
	return false
}

// renderer adapts the render package to httpapi.Renderer.
type renderer struct{}

func (renderer) Render(format string, ch *feedsvc.Channel) ([]byte, error) {
	return render.Render(format, ch)
}
func (renderer) ContentType(format string) string { return render.ContentType(format) }

// newLogger builds the process logger: text or JSON, at level.
func newLogger(w io.Writer, format, level string) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
