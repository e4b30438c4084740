package metrics

import "github.com/prometheus/client_golang/prometheus"

func newTakedowns() *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: "feedsvc_takedowns_total",
		Help: "Articles taken down (delete) and tombstones lifted (lift)."}, []string{"action"})
}

// Takedown counts a takedown action ("delete", "lift") in
// feedsvc_takedowns_total.
func (m *Metrics) Takedown(action string) { m.takedowns.WithLabelValues(action).Inc() }
