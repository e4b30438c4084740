package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds every instrument on its own registry.
type Metrics struct {
	reg *prometheus.Registry

	fetches       *prometheus.CounterVec
	fetchDuration prometheus.Histogram
	items         *prometheus.CounterVec
	dedupe        prometheus.Counter
	renders       *prometheus.CounterVec
	renderTime    *prometheus.HistogramVec
	requests      *prometheus.CounterVec
	requestTime   *prometheus.HistogramVec
	cache         *prometheus.CounterVec
	stale         prometheus.Counter
	websub        *prometheus.CounterVec
	storeErrors   prometheus.Counter
	takedowns     *prometheus.CounterVec
	partners      partnerMetrics
}

// New registers the instruments (and Go/process collectors).
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	f := func(c prometheus.Collector) { m.reg.MustRegister(c) }
	m.fetches = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_fetches_total",
		Help: "Source polls by source and outcome (ok, not_modified, error)."}, []string{"source", "outcome"})
	m.fetchDuration = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "feedsvc_fetch_duration_seconds",
		Help: "Duration of source polls.", Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 10)})
	m.items = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_items_ingested_total",
		Help: "Articles written to the store (new or changed) by source."}, []string{"source"})
	m.dedupe = prometheus.NewCounter(prometheus.CounterOpts{Name: "feedsvc_dedupe_hits_total",
		Help: "Articles merged into another source's copy of the same story."})
	m.renders = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_renders_total",
		Help: "Channel documents rendered, by format."}, []string{"format"})
	m.renderTime = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "feedsvc_render_duration_seconds",
		Help: "Time to read and render one channel document.", Buckets: prometheus.ExponentialBuckets(0.0005, 3, 9)}, []string{"format"})
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_http_requests_total",
		Help: "HTTP requests by route and status (304s give the not-modified ratio)."}, []string{"route", "status"})
	m.requestTime = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "feedsvc_http_request_duration_seconds",
		Help: "HTTP request duration by route.", Buckets: prometheus.ExponentialBuckets(0.0001, 4, 9)}, []string{"route"})
	m.cache = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_render_cache_lookups_total",
		Help: "Render cache lookups by result (hit, miss)."}, []string{"result"})
	m.stale = prometheus.NewCounter(prometheus.CounterOpts{Name: "feedsvc_stale_served_total",
		Help: "Channel documents served from the last good bytes while the store was unreachable."})
	m.websub = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_websub_pings_total",
		Help: "WebSub publish pings by outcome (ok, failed)."}, []string{"outcome"})
	m.storeErrors = prometheus.NewCounter(prometheus.CounterOpts{Name: "feedsvc_store_errors_total",
		Help: "Store (Redis) operations that failed."})
	for _, c := range []prometheus.Collector{m.fetches, m.fetchDuration, m.items, m.dedupe, m.renders, m.renderTime,
		m.requests, m.requestTime, m.cache, m.stale, m.websub, m.storeErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	m.takedowns = newTakedowns()
	f(m.takedowns)
	m.partners = newPartnerMetrics(m.reg)
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Poll records one source poll (ingest).
func (m *Metrics) Poll(source, outcome string, d time.Duration, written, dups int) {
	m.fetches.WithLabelValues(source, outcome).Inc()
	m.fetchDuration.Observe(d.Seconds())
	m.items.WithLabelValues(source).Add(float64(written))
	m.dedupe.Add(float64(dups))
}

// ForgetSource deletes the per-source series of a source that left the
// configuration, so that removed sources do not stay on /metrics forever.
func (m *Metrics) ForgetSource(source string) {
	m.fetches.DeletePartialMatch(prometheus.Labels{"source": source})
	m.items.DeleteLabelValues(source)
}

// CacheLookup implements httpapi.Observer.
func (m *Metrics) CacheLookup(hit bool) {
	if hit {
		m.cache.WithLabelValues("hit").Inc()
	} else {
		m.cache.WithLabelValues("miss").Inc()
	}
}

// Rendered implements httpapi.Observer.
func (m *Metrics) Rendered(format string, d time.Duration) {
	m.renders.WithLabelValues(format).Inc()
	m.renderTime.WithLabelValues(format).Observe(d.Seconds())
}

// ServedStale implements httpapi.Observer.
func (m *Metrics) ServedStale() { m.stale.Inc() }

// Request implements httpapi.Observer.
func (m *Metrics) Request(route string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.requestTime.WithLabelValues(route).Observe(d.Seconds())
}

// WebSub records the outcome of one publish ping.
func (m *Metrics) WebSub(_ string, ok bool) {
	if ok {
		m.websub.WithLabelValues("ok").Inc()
	} else {
		m.websub.WithLabelValues("failed").Inc()
	}
}

// StoreError counts a failed store operation.
func (m *Metrics) StoreError() { m.storeErrors.Inc() }
