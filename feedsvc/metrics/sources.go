package metrics

import (
	"context"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/prometheus/client_golang/prometheus"
)

// healths are the values feedsvc_sources always reports (0 when none).
var healths = []string{feedsvc.HealthOK, "pending", feedsvc.HealthDrift, feedsvc.HealthFailing,
	feedsvc.HealthBlocked, feedsvc.HealthGone, "unknown"}

// sourcesCollector reads every source's state at scrape time.
type sourcesCollector struct {
	states  func(context.Context) ([]feedsvc.SourceState, error)
	health  *prometheus.Desc
	success *prometheus.Desc
}

// WatchSources adds feedsvc_sources{health} and
// feedsvc_source_last_success_timestamp_seconds{source}, computed at each
// scrape from states (which should answer within a few seconds; on a
// store error the gauges it could not read are left out).
func (m *Metrics) WatchSources(states func(context.Context) ([]feedsvc.SourceState, error)) {
	m.reg.MustRegister(&sourcesCollector{states: states,
		health: prometheus.NewDesc("feedsvc_sources", "Configured sources by health.", []string{"health"}, nil),
		success: prometheus.NewDesc("feedsvc_source_last_success_timestamp_seconds",
			"Unix time of each source's last successful poll (absent before the first).", []string{"source"}, nil)})
}

func (c *sourcesCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.health
	ch <- c.success
}

func (c *sourcesCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	states, err := c.states(ctx)
	if err != nil && len(states) == 0 {
		return
	}
	count := map[string]int{}
	for _, h := range healths {
		count[h] = 0
	}
	for _, st := range states {
		count[st.Health]++
		if !st.LastSuccess.IsZero() {
			ch <- prometheus.MustNewConstMetric(c.success, prometheus.GaugeValue,
				float64(st.LastSuccess.UnixMilli())/1000, st.SourceID)
		}
	}
	for h, n := range count {
		ch <- prometheus.MustNewConstMetric(c.health, prometheus.GaugeValue, float64(n), h)
	}
}

// SetBuild adds feedsvc_build_info{version, commit, goversion} 1.
func (m *Metrics) SetBuild(version, commit, goVersion string) {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "feedsvc_build_info",
		Help: "A constant 1 labelled with the running binary's version, commit and Go version."},
		[]string{"version", "commit", "goversion"})
	g.WithLabelValues(version, commit, goVersion).Set(1)
	m.reg.MustRegister(g)
}
